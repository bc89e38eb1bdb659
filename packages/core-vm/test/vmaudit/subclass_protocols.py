class A(int):
    def __init__(self, x, y=0):
        self.y = y
try:
    a = A(1, 2)
    print(a, a.y)
except TypeError as e:
    print('TypeError', e)
class B(int):
    def __new__(cls, x, y=0):
        return super().__new__(cls, x + y)
print(B(1, 2))
class KD(dict):
    def keys(self): return ['a']
    def __getitem__(self, k): return 'custom ' + k
def f(**kw): return kw
print(f(**KD(a=1, b=2)))
class M:
    def keys(self): return ['x', 'y']
    def __getitem__(self, k): return k * 2
print(f(**M()), dict(M()), {**M()})
try:
    f(**5)
except TypeError as e:
    print('TypeError', str(e).replace('__main__.', ''))
try:
    f(**{1: 2})
except TypeError as e:
    print('TypeError', e)
try:
    f(a=1, **{'a': 2})
except TypeError as e:
    print('TypeError', str(e).replace('__main__.', ''))
class L(list):
    def __iter__(self): return iter(['it'])
print(list(L([1, 2])), [*L([1])], tuple(L([1])), sorted(L([3, 1])), len(L([1, 2])), ''.join(L(['a'])))
def g(*a): return a
print(g(*L([1, 2])))
x, = L([1])
print(x)
class T(tuple):
    def __iter__(self): return iter('xy')
print(list(T((1, 2))), g(*T((1, 2))))
class S(str):
    def __iter__(self): return iter('zz')
print(list(S('ab')), ''.join(S('ab')), S('ab') + 'c', [c for c in S('ab')])
class D(dict):
    def __iter__(self): return iter(['only'])
d = D(a=1, b=2)
print(list(d), sorted(d.keys()), dict(d), len(d))
class DE(dict):
    def __eq__(self, o): return 'eq'
print(DE() == {}, {} == DE())
class Li(list):
    def __eq__(self, o): return 'li-eq'
print([] == Li(), Li() == [])
class I2(int):
    def __eq__(self, o): return 'i2-eq'
    __hash__ = int.__hash__
print(1 == I2(1), I2(1) == 1, {I2(1): 'v'}[I2(1)])
class Lt(list):
    def __lt__(self, o): return 'lt'
print([1] > Lt(), Lt() < [1])
class FS(float):
    def __str__(self): return 'FS!'
print(str(FS(1.5)), repr(FS(1.5)), '%s' % FS(1.5), f'{FS(1.5)}', format(FS(1.5)), '{}'.format(FS(1.5)))
class IS(int):
    def __str__(self): return 'IS!'
    def __repr__(self): return 'ISr'
print(str(IS(1)), repr(IS(1)), f'{IS(1)}', '%d' % IS(5), '%s' % IS(5), [IS(1)], print(IS(2)) or '')
class ES(Exception):
    def __repr__(self): return 'ES-repr'
print(repr(ES()), str(ES('a')))
class Bo(int):
    def __bool__(self): return False
print(bool(Bo(5)), 'yes' if Bo(5) else 'no')
class LenL(list):
    def __len__(self): return 0
print(bool(LenL([1])), len(LenL([1])))
