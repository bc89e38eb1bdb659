class A(int):
    def __repr__(s): return 'A(%d)' % int(s)
a = A(5)
print(a, a + 1, type(a + 1).__name__, a * 2, -a, a == 5, hash(a) == hash(5), isinstance(a, int), str(a), f'{a:03d}', int(a).__class__.__name__)
class A2(int):
    def __add__(s, o): return 'A2.add'
    def __new__(cls, v, extra=0):
        o = super().__new__(cls, v + extra)
        o.extra = extra
        return o
b = A2(3, extra=4)
print(int(b), b.extra, b + 1, 1 + b, b - 1, sorted([A2(3), 1, A2(0)]), bool(A2(0)))
print(A(7) // 2, divmod(A(7), 2), A(7) << 1, A(7).bit_length(), A(255).to_bytes(1, 'big'), A.from_bytes(b'\x01\x00', 'big'), type(A.from_bytes(b'\x01', 'big')).__name__)
print(list(range(A(3))), [1, 2, 3][A(1)], 'abc'[A(2)], hex(A(255)))
class F(float):
    pass
print(F(1.5) + 1, type(F(1.5) * 2).__name__, F('2.5'), F(2.0).is_integer(), round(F(2.567), 2))
class S(str):
    def shout(s): return s.upper() + '!'
s = S('hi')
print(s, s.shout(), s + 'x', type(s + 'x').__name__, type(s.upper()).__name__, s == 'hi', {s: 1}['hi'], len(s), s[0], repr(s), '%s' % s, s in 'ohio')
class S2(str):
    def __new__(cls, v):
        return super().__new__(cls, v.lower())
    def __eq__(s, o): return str.__eq__(s.lower(), o.lower() if isinstance(o, str) else o)
    __hash__ = str.__hash__
print(S2('ABC'), S2('abc') == 'ABC')
class T(tuple):
    def __new__(cls, a, b): return super().__new__(cls, (a, b))
    @property
    def first(s): return s[0]
t = T(1, 2)
print(t, t.first, t + (3,), type(t + (3,)).__name__, len(t), t == (1, 2), hash(t) == hash((1, 2)), list(t))
class L(list):
    def append(s, x):
        super().append(x * 10)
l = L([1, 2])
l.append(3)
l += [4]
l.extend([5])
print(l, type(l).__name__, len(l), l[1:], type(l[1:]).__name__, sorted(l, reverse=True), l == [1, 2, 30, 4, 5])
class L2(list):
    def __getitem__(s, i): return ('item', i)
    def __len__(s): return 42
l2 = L2([1, 2, 3])
print(l2[0], len(l2), list(l2), [x for x in l2])
class D(dict):
    def __missing__(s, k): return 'missing ' + str(k)
d = D(a=1)
print(d['a'], d['b'], d.get('b'), 'b' in d, len(d), d)
class D2(dict):
    def __getitem__(s, k): return ('get', k)
    def __setitem__(s, k, v): super().__setitem__(k, v * 2)
d2 = D2()
d2['x'] = 5
print(d2['x'], dict.__getitem__(d2, 'x'), d2.get('x'), list(d2.items()))
d2.update({'y': 1})
print(dict(d2))
class D3(dict):
    def __init__(s, *a, **k):
        super().__init__(*a, **k)
        s.extra = True
d3 = D3([('a', 1)], b=2)
print(d3, d3.extra, d3 == {'a': 1, 'b': 2}, type(d3.copy()).__name__, D3.fromkeys('ab'), type(D3.fromkeys('ab')).__name__)
class Counter(dict):
    def __missing__(s, k):
        return 0
c = Counter()
for ch in 'hello':
    c[ch] += 1
print(sorted(c.items()))
class St(set):
    pass
st = St([1, 2])
print(sorted(st), type(st | {3}).__name__, isinstance(st, set), St() == set())
class FS(frozenset): pass
print(type(FS([1])).__name__, FS([1]) == frozenset([1]), hash(FS([1])) == hash(frozenset([1])))
class BA(bytearray): pass
print(BA(b'ab'), bytes(BA(b'x')))
class By(bytes):
    def hexx(s): return s.hex()
print(By(b'\x01\x02').hexx(), By(b'ab') == b'ab', type(By(b'ab')[0:1]).__name__)
class E(Exception):
    def __init__(s, code, msg):
        super().__init__(msg)
        s.code = code
    def __str__(s): return 'E%d: %s' % (s.code, s.args[0])
try:
    raise E(404, 'not found')
except Exception as e:
    print(e, e.args, e.code, type(e).__name__, isinstance(e, Exception))
class E2(ValueError): pass
try:
    raise E2('x', 'y')
except ValueError as e:
    print(e, e.args, str(e))
class E3(Exception):
    def __init__(s): pass
e3 = E3()
print(e3.args, str(e3), repr(str(e3)))
class E4(Exception):
    def __init__(s, a, b):
        s.a = a
e4 = E4(1, 2)
print(e4.args, str(e4))
class E5(KeyError): pass
try:
    {}['k']
except KeyError as e:
    print(str(e), e.args)
print(str(E5('key')), str(KeyError('a', 'b')), str(KeyError()))
class OE(OSError): pass
o = OE(2, 'No such file')
print(o.errno, o.strerror, o.args, str(o))
print(OSError(2, 'x', 'fn').filename, str(OSError(2, 'x', 'fn')), OSError('just').errno)
class SI(StopIteration): pass
print(SI(5).value, StopIteration().value, StopIteration(1, 2).value)
class SE(SystemExit): pass
print(SE(3).code, SystemExit().code, SystemExit(1, 2).code)
e = Exception('a')
e.extra = 5
print(e.extra, e.__dict__ if hasattr(e, '__dict__') else None)
print(BaseException.__subclasses__ is not None, issubclass(KeyboardInterrupt, Exception), issubclass(GeneratorExit, BaseException))
class Meta(type):
    def __new__(m, name, bases, ns, **kw):
        ns['meta_added'] = name.lower()
        return super().__new__(m, name, bases, ns)
    def __call__(cls, *a):
        print('Meta.__call__', cls.__name__, a)
        return super().__call__(*a)
class WithMeta(metaclass=Meta):
    def __init__(s, x): s.x = x
w = WithMeta(4)
print(w.x, WithMeta.meta_added, type(WithMeta).__name__)
