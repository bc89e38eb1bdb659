import sys
def gen(): yield
def clo():
    x = 1
    def f(): return x
    return f
class K:
    def m(s): pass
objs = [None, True, 1, 1.5, 2j, 'a', b'b', bytearray(b'c'), memoryview(b'd'), [1], (1,), {1: 2}, {1}, frozenset([1]),
        range(3), slice(1), enumerate([]), zip(), map(str, []), filter(None, []), reversed([]), property(), staticmethod(len),
        classmethod(len), super(K, K()), gen, K().m, gen(), clo().__closure__[0], sys, NotImplemented, Ellipsis, object(), K, type, len, iter([]), iter({}), iter(range(2)), {}.keys(), {}.values(), {}.items()]
for o in objs:
    print(type(o).__name__, end=' ')
print()
print([t.__name__ for t in (type(None), type(NotImplemented), type(...))])
for t in (int, float, complex, str, bytes, bytearray, list, tuple, dict, set, frozenset, range, slice, memoryview, enumerate, zip, map, filter, reversed, property, staticmethod, classmethod, super, object, type, bool):
    print(t.__name__, t.__mro__[-1].__name__, len(t.__mro__), end='; ')
print()
print(isinstance(True, int), bool.__mro__ == (bool, int, object), issubclass(bool, int))
try:
    type(None)()
    print('NoneType() ok')
except TypeError as e:
    print('TypeError', e)
print(type(None)() is None, type(NotImplemented)() is NotImplemented, type(...)() is ...)
for t in (bool, range, slice, memoryview, type(None)):
    try:
        class X(t): pass
        print('subclassable', t.__name__)
    except TypeError as e:
        print('TypeError', e)
print(memoryview(b'abc')[1], bytes(memoryview(b'abc')[1:]), memoryview(bytearray(b'xy')).tolist(), len(memoryview(b'abcd')))
mv = memoryview(bytearray(b'abc'))
mv[0] = 65
print(mv.obj if hasattr(mv, 'obj') else '', bytes(mv), mv.readonly, memoryview(b'x').readonly)
print(complex(1, 2), complex('1+2j'), (1+2j).real, (1+2j).conjugate(), abs(3+4j), 1j ** 2, (1+2j) == complex(1, 2))
print(frozenset([1, 2]) | {3}, type(frozenset([1]) | {3}).__name__, type({3} | frozenset([1])).__name__, hash(frozenset()) == hash(frozenset()))
print(slice(1, 5, 2).start, slice(1, 5, 2).stop, slice(1, 5, 2).step, slice(1, 2) == slice(1, 2))
print(list(enumerate('ab', 5)), list(zip([1, 2], 'ab', strict=False)))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print('ValueError', e)
except TypeError as e:
    print('TypeError zip strict', e)
