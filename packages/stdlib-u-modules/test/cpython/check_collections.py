# ucollections, spec 4.1.7: namedtuple, OrderedDict, deque (CPython's collections where the spec defers to it).
from collections import namedtuple, OrderedDict, deque

# namedtuple(name, fields): "Fields is a sequence of strings specifying field names. For compatibility with
# CPython it can also be a string with space-separated field named"
MyTuple = namedtuple("MyTuple", ("id", "name"))
t1 = MyTuple(1, "foo")
t2 = MyTuple(2, "bar")
print(t1.name, t2.name == t2[1], t1, repr(t2), isinstance(t1, tuple), len(t1), list(t1))
print(MyTuple(id=3, name='x'), MyTuple(4, name='y'), t1 == (1, 'foo'), t1 < t2, hash(t1) == hash((1, 'foo')))
print(MyTuple._fields, t1._fields, t1._asdict(), t1._replace(name='new'), t1, MyTuple._make([5, 'z']))
print(t1[0], t1[-1], t1[:1], t1 + (9,), t1 * 2, 'foo' in t1, t1.count(1), t1.index('foo'))
a, b = t2
print(a, b, '%d-%s' % t2, type(t1).__name__, MyTuple.__name__, issubclass(MyTuple, tuple))
P = namedtuple('P', 'x y z')
Q = namedtuple('Q', 'x, y')
print(P(1, 2, 3), Q(1, y=2), namedtuple('E', [])(), namedtuple('D', 'a b', defaults=[2])(1))
print(sorted([P(3, 1, 2), P(1, 2, 3), P(1, 1, 1)]), {P(1, 2, 3): 'v'}[(1, 2, 3)])
for args, kw in (((1,), {}), ((1, 2, 3), {}), ((), {'id': 1}), ((1,), {'id': 1}), ((1,), {'bad': 2})):
    try:
        MyTuple(*args, **kw)
    except TypeError:
        print('TypeError', args, kw)
for bad in (lambda: t1.__setattr__('id', 5), lambda: setattr(t1, 'name', 'x')):
    try:
        bad()
    except AttributeError:
        print('AttributeError')
try:
    t1[0] = 5
except TypeError:
    print('TypeError')
for fields in (['a', 'a'], ['1x'], ['_x'], ['a b']):
    try:
        namedtuple('T', fields)
    except ValueError:
        print('ValueError', fields)
try:
    t1._replace(bad=1)
except ValueError:
    print('ValueError _replace')

# OrderedDict: "When ordered dict is iterated over, keys/items are returned in the order they were added"
d = OrderedDict([("z", 1), ("a", 2)])
d["w"] = 5
d["b"] = 3
for k, v in d.items():
    print(k, v)
print(list(d), list(d.keys()), list(d.values()), len(d), 'z' in d, d['a'], d.get('q', 0))
del d['z']
d['z'] = 0
print(list(d.items()), isinstance(d, dict))
print(OrderedDict(a=1) == OrderedDict(a=1), OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1))
d.move_to_end('a')
print(list(d))
d.move_to_end('z', last=False)
print(list(d))
print(d.popitem(), d.popitem(last=False), list(d))
e = OrderedDict()
e.update([(3, 'c'), (1, 'a')])
e.setdefault(2, 'b')
print(list(e.items()), e.pop(1), list(e), OrderedDict(e) == e, e.copy() == e)
try:
    hash(e)
except TypeError:
    print('TypeError')
try:
    OrderedDict().popitem()
except KeyError:
    print('KeyError')

# deque(iterable, maxlen)
q = deque([1, 2, 3], 5)
q.append(4)
q.appendleft(0)
print(list(q), len(q), q.maxlen, bool(q), q[0], q[-1], 3 in q)
q.append(5)
print(list(q))
q.appendleft(-1)
print(list(q))
print(q.pop(), q.popleft(), list(q))
q.extend([7, 8, 9])
print(list(q))
q.extendleft([10, 11])
print(list(q))
q[1] = 99
print(q[1], list(reversed(q)), q.count(99), q.index(99))
q.rotate(2)
print(list(q))
q.rotate(-1)
print(list(q))
q.remove(99)
print(list(q), q.copy() == q)
q.clear()
print(list(q), len(q), bool(q))
for f in (q.pop, q.popleft):
    try:
        f()
    except IndexError:
        print('IndexError')
u = deque()
for i in range(100):
    u.append(i)
    if i % 3 == 0:
        u.popleft()
print(len(u), u[0], u[-1], sum(u), u.maxlen)
print(deque('abc'), deque(range(3), maxlen=2), deque(maxlen=0))
z = deque([], 0)
z.append(1)
print(list(z))
for bad in (lambda: deque([1])[5], lambda: deque([1]).__setitem__(-5, 0)):
    try:
        bad()
    except IndexError:
        print('IndexError')
try:
    deque([1, 2])[0:1]
except TypeError:
    print('TypeError')
try:
    deque([], -1)
except ValueError:
    print('ValueError')
it = iter(deque([1, 2]))
print(next(it), next(it))
d2 = deque([1, 2, 3])
try:
    for x in d2:
        d2.append(x)
except RuntimeError:
    print('RuntimeError')
