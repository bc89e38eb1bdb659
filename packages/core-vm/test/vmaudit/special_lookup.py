class G:
    def __getattr__(s, n):
        return lambda *a: 'via getattr ' + n
g = G()
try:
    len(g)
except TypeError as e:
    print('TypeError', e)
try:
    g + 1
except TypeError as e:
    print('TypeError', e)
print(g.__len__())
class I:
    pass
i = I()
i.__len__ = lambda: 5
try:
    len(i)
except TypeError as e:
    print('TypeError', e)
i.__repr__ = lambda: 'inst repr'
print(repr(i) != 'inst repr')
# class attribute assignment after creation updates slots
class Late: pass
l = Late()
Late.__len__ = lambda s: 3
Late.__add__ = lambda s, o: 'late add'
Late.__eq__ = lambda s, o: True
Late.__hash__ = lambda s: 1
print(len(l), l + 1, l == 5, hash(l), 1 in {l})
del Late.__len__
try:
    len(l)
except TypeError as e:
    print('TypeError', e)
class Base: pass
class Derived(Base): pass
Base.__iter__ = lambda s: iter([1, 2])
print(list(Derived()))
Base.__getitem__ = lambda s, k: k * 2
print(Derived()[21])
Derived.__getitem__ = lambda s, k: 'derived'
print(Derived()[1], Base()[1])
Base.__call__ = lambda s: 'called'
print(Derived()())
Base.__bool__ = lambda s: False
print(bool(Derived()))
Base.__str__ = lambda s: 'str!'
print(str(Derived()), f'{Derived()}')
Base.__getattr__ = lambda s, n: 'ga ' + n
print(Derived().zz)
Base.__setattr__ = lambda s, n, v: print('setattr', n, v)
d = Derived(); d.q = 1
Base.__enter__ = lambda s: 'entered'
Base.__exit__ = lambda s, *a: None
with Derived() as w:
    print(w)
