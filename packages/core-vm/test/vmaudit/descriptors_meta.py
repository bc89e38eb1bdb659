for src in ['with 5: pass', 'class A:\n    def __enter__(s): pass\nwith A(): pass', 'class B:\n    def __exit__(s, *a): pass\nwith B(): pass']:
    try:
        exec(src)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
async def co():
    async with 5:
        pass
try:
    co().send(None)
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
class CM:
    def __enter__(s): return 1
    def __exit__(s, t, v, tb):
        raise KeyError('from exit')
try:
    with CM():
        raise ValueError('body')
except KeyError as e:
    print('KeyError', e, type(e.__context__).__name__)
# __exit__ receives traceback object
class CM2:
    def __enter__(s): return s
    def __exit__(s, t, v, tb):
        print(t.__name__ if t else None, str(v), tb is not None)
        return True
with CM2():
    1 / 0
# return inside with calls exit
def rw():
    with CM2():
        return 'returned'
print(rw())
# exit called on break/continue
class CM3:
    def __enter__(s): print('enter3')
    def __exit__(s, *a): print('exit3', a)
for i in range(2):
    with CM3():
        if i == 0: continue
        break
# descriptor __get__ with owner on class access; classmethod property chain
class Desc:
    def __get__(s, inst, owner):
        return ('inst' if inst is not None else 'cls', owner.__name__)
class Own:
    d = Desc()
class Sub(Own): pass
print(Own.d, Own().d, Sub.d, Sub().d)
# metaclass __getattr__ / __getattribute__ for class attribute access
class MetaGA(type):
    def __getattr__(cls, n): return 'meta ' + n
class UsesMeta(metaclass=MetaGA): x = 1
print(UsesMeta.x, UsesMeta.missing)
# __call__ on metaclass and __instancecheck__
class MetaI(type):
    def __instancecheck__(cls, inst): return inst == 'magic'
    def __subclasscheck__(cls, sub): return sub is int
class Chk(metaclass=MetaI): pass
print(isinstance('magic', Chk), isinstance(5, Chk), issubclass(int, Chk), issubclass(str, Chk))
# __class_getitem__ and __getitem__ on class
class CG:
    def __class_getitem__(cls, item): return ('cg', item)
print(CG[int])
# __len__ and __getitem__ on class via metaclass
class MetaLen(type):
    def __len__(cls): return 7
    def __iter__(cls): return iter([1, 2])
class WL(metaclass=MetaLen): pass
print(len(WL), list(WL))
# __missing__ on non-dict ignored
class NM:
    def __missing__(s, k): return 1
try:
    NM()['x']
except TypeError as e:
    print('TypeError', e)
# __set__ only descriptor (data) with missing __get__
class SetOnly:
    def __set__(s, inst, v): inst.__dict__['so'] = ('set', v)
class HS:
    so = SetOnly()
hs = HS()
hs.so = 1
print(hs.so, type(HS.so).__name__)
# __delete__ only
class DelOnly:
    def __delete__(s, inst): print('DelOnly delete')
class HD:
    do = DelOnly()
hd = HD()
try:
    hd.do = 5
except AttributeError as e:
    print('AttributeError', e)
del hd.do
# __getattribute__ raising AttributeError falls back to __getattr__
class GF:
    def __getattribute__(s, n):
        raise AttributeError(n)
    def __getattr__(s, n):
        return 'fallback'
print(GF().anything)
# __setattr__ for class attributes via metaclass
class MetaSet(type):
    def __setattr__(cls, n, v):
        super().__setattr__(n, ('meta-set', v))
class MS(metaclass=MetaSet): pass
MS.z = 1
print(MS.z)
# __bool__ on class / NotImplemented truthiness deprecation skip
# __index__ used by hex/oct/bin on user objects and range slicing
class I:
    def __index__(s): return 10
print(range(20)[I()], range(20)[I():], 'abcdefghijklmno'[I():], [0]*3 + [1], bin(I()), divmod(I(), 3) if False else 0)
# __abs__ etc on bool; int() of str subclass
class SS(str): pass
print(int(SS('42')), float(SS('1.5')))
# __float__ / __index__ precedence in float()
class FI:
    def __index__(s): return 3
print(float(FI()))
# __int__ fallback to __index__ and __trunc__
class T:
    def __trunc__(s): return 4
try:
    print(int(T()))
except TypeError as e:
    print('TypeError', e)
# __complex__, __bytes__
class By:
    def __bytes__(s): return b'by'
print(bytes(By()))
# __reversed__ None
class RN:
    __reversed__ = None
    def __len__(s): return 1
    def __getitem__(s, i): return i
try:
    reversed(RN())
except TypeError as e:
    print('TypeError', e)
# __hash__ of int subclass with __eq__
class IE(int):
    def __eq__(s, o): return True
try:
    hash(IE(1))
except TypeError as e:
    print('TypeError', e)
# __iadd__ returning NotImplemented falls back to __add__
class IA:
    def __iadd__(s, o): return NotImplemented
    def __add__(s, o): return 'add'
x = IA()
x += 1
print(x)
# __matmul__
class MM:
    def __matmul__(s, o): return 'matmul'
    def __rmatmul__(s, o): return 'rmatmul'
print(MM() @ 1, 1 @ MM())
# __pow__ with 3 args
class P3:
    def __pow__(s, e, m=None): return ('pow', e, m)
    def __rpow__(s, b): return ('rpow', b)
print(pow(P3(), 2, 5), P3() ** 2, 2 ** P3())
# __divmod__ / __rdivmod__
class DM:
    def __divmod__(s, o): return 'dm'
    def __rdivmod__(s, o): return 'rdm'
print(divmod(DM(), 1), divmod(1, DM()))
