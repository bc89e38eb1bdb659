import sys
print(min([3, 1, 2]), min(3, 1, 2), min([3, 1, 2], key=lambda x: -x), min([], default='empty'), min([5], default=0))
print(max('abc', key=ord), max([1, 2], [1, 3]), max([], key=len, default=None), max(1, 2, key=lambda v: -v))
for bad in ['min([])', 'max()', 'min(1)', 'max(1, 2, default=3)', 'min([1], foo=2)']:
    try:
        eval(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(sorted([3, 1, 2], reverse=True), sorted('bca'), sorted([(1, 'b'), (1, 'a')], key=lambda t: t[1]), sorted([], key=len))
try:
    sorted([1], None)
except TypeError as e:
    print('TypeError', e)
l = [3, 1, 2]; l.sort(key=lambda x: -x, reverse=True); print(l)
try:
    [1, 'a'].sort()
except TypeError as e:
    print('TypeError', e)
print('a', 'b', sep='-', end='!\n')
print('x', end='')
print()
print(sep='*')
print(1, 2, sep=None, end=None)
print('to stdout', file=sys.stdout, flush=True)
print('file none', file=None)
class W:
    def __init__(s): s.buf = []
    def write(s, t): s.buf.append(t)
w = W()
print('a', 1, sep='|', file=w)
print(w.buf)
try:
    print('x', sep=5)
except TypeError as e:
    print('TypeError', e)
it = iter([1])
print(next(it), next(it, 'dflt'), next(iter([]), None))
try:
    next(it)
except StopIteration:
    print('StopIteration')
try:
    next([1])
except TypeError as e:
    print('TypeError', e)
calls = iter([1, 2, 3, 0, 5])
print(list(iter(lambda: next(calls), 0)))
try:
    iter(5, 0)
except TypeError as e:
    print('TypeError', e)
print(round(2.5), round(3.5), round(-0.5), round(1.25, 1), round(1234, -2), round(1250, -2), type(round(2.5)).__name__, type(round(2.5, 0)).__name__, round(5, 2))
print(round(2.675, 2), round(float('inf'), 1), round(0.5, None))
for bad in ['round(float("inf"))', 'round(float("nan"))', 'round("x")', 'round(1.5, 1.5)']:
    try:
        eval(bad)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(pow(2, 10), pow(2, 10, 1000), pow(2, -1), pow(-8, 1/3) if False else 0, pow(3, -1, 7), pow(2, 0, 1), pow(base=2, exp=3), pow(2, 3, mod=5))
for bad in ['pow(2, -1, 4)', 'pow(2, 3, 0)', 'pow(2.0, 3, 5)', 'pow(2, 1.5, 3)']:
    try:
        eval(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(int('ff', 16), int('0x1f', 0), int('z', 36), int('101', base=2), int(x='12') if False else 0, int('  7  '), int('1_000'), int(3.9), int(-3.9), int(True))
for bad in ['int("12", 1)', 'int("12", 37)', 'int(12, 10)', 'int("0x12", 10)', 'int("")', 'int(base=10)']:
    try:
        eval(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), abs(-3), abs(-2.5), abs(3+4j), all([]), any([]), all([1, 0]), any([0, 1]))
print(sum([1, 2, 3]), sum([1, 2], 10), sum([[1], [2]], []), sum([0.1] * 10), sum(range(101)), sum([], start=5))
try:
    sum(['a', 'b'], '')
except TypeError as e:
    print('TypeError', e)
print(chr(65), ord('A'), ord('€'), bin(10), hex(-255), oct(8), bin(-0), format(255, 'x'), format(3.14159, '.2f'), format('s', '>3'), format(5))
try:
    ord('ab')
except TypeError as e:
    print('TypeError', e)
print(repr('a\nb'), ascii('é'), ascii(['ü']), repr(b'\x00'), callable(print), callable(5), callable(int), callable(lambda: 0))
print(isinstance(1, (int, str)), isinstance(True, int), issubclass(bool, (str, int)), isinstance(1, ()), issubclass(int, object))
try:
    isinstance(1, 5)
except TypeError as e:
    print('TypeError', e)
try:
    issubclass(1, int)
except TypeError as e:
    print('TypeError', e)
print(hasattr(1, 'real'), getattr(1, 'nope', 'dflt'), hash(1) == hash(1.0), hash((1, 2)) == hash((1, 2)), id(1) == id(1))
try:
    getattr(1, 'nope')
except AttributeError as e:
    print('AttributeError', e)
try:
    getattr(1, 5)
except TypeError as e:
    print('TypeError', e)
print(list(enumerate('ab', start=1)), list(zip('ab', [1, 2, 3])), list(map(lambda a, b: a + b, [1, 2], [3, 4])), list(filter(None, [0, 1, 2])), list(reversed([1, 2])), list(reversed(range(3))))
print(list(zip()), list(zip([1])), list(enumerate([])), list(map(str, [])))
print(len(range(0, 10, 3)), range(10)[-1], range(1, 10, 2)[1:3], 3 in range(5), range(5).index(3), range(0, 10, 2).count(4), list(range(5, 0, -2)), range(3) == range(0, 3))
print(slice(1, 2), slice(5).indices(3), slice(None, None, -1).indices(4))
print(type(None).__name__, type(NotImplemented).__name__, type(...).__name__, bool(NotImplemented) if False else True, Ellipsis)
x = 10
def fn():
    y = 5
    return sorted(locals().items())
print(fn(), 'x' in globals(), globals()['x'], vars()['x'] is x)
class VV:
    a = 1
    def __init__(s): s.b = 2
print(vars(VV())['b'], 'a' in vars(VV), sorted(k for k in dir(VV()) if not k.startswith('__')))
print(sorted(k for k in dir() if not k.startswith('_'))[:5])
print(eval('1 + 2'), eval('x * 2'), eval('y', {'y': 7}), eval('z', {}, {'z': 8}))
exec('q = 5')
print(q)
ns = {}
exec('def f(): return 42\nr = f()', ns)
print(ns['r'], sorted(k for k in ns if k != '__builtins__'))
c = compile('1+1', '<s>', 'eval')
print(eval(c))
c2 = compile('print("exec mode")', '<s>', 'exec')
exec(c2)
try:
    compile('1+', '<s>', 'eval')
except SyntaxError as e:
    print('SyntaxError')
try:
    eval('1', 5)
except TypeError as e:
    print('TypeError', e)
print(input.__name__, open.__name__)
print(format(1234567, ','), format(0.5, '%'), format(-1, '+'), '{0:{1}}'.format(3, '>4'))
print(dir(5) == dir(int), 'append' in dir([]))
print(setattr(VV, 'c', 3), VV.c, delattr(VV, 'c'), hasattr(VV, 'c'))
print(abs(True), -True, True + True, True * 1.5, True / 2, True // 1, ~True, True & False, True | 2)
print(divmod(True, 1), pow(True, 2), round(True), hash(True), int.__add__(1, True))
