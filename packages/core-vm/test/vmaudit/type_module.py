# __module__ of builtin types (some hold their instances' __module__ descriptor in their own dict), classes and instances
print(type(None).__module__, super.__module__, (lambda: 0).__class__.__module__, int.__module__, type.__module__)
print(object.__module__, dict.__module__, Exception.__module__, type(print).__module__, type(iter([])).__module__)
class A:
    pass
class B(A, metaclass=type):
    __module__ = 'elsewhere'
print(A.__module__, A().__module__, A.__dict__['__module__'], B.__module__, B().__module__)
A.__module__ = 'moved'
print(A.__module__, A().__module__)
def f():
    pass
print(f.__module__, type(f).__module__, type(A).__module__)
