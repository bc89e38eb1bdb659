# class-attribute stores (cached when a plain value replaces a plain value) and property getters
class Counter:
    total = 0
    label = 'c'
    def inc(self):
        Counter.total += 1
        return Counter.total
c = Counter()
for i in range(5):
    c.inc()
print(Counter.total, c.total)
Counter.total = 'str'
print(Counter.total, c.total)
Counter.total = 0
c.inc()
print(Counter.total)
def setter():
    for v in (1, 'x', None, 2.5, (1,)):
        Counter.label = v
        print(Counter.label, c.label)
setter()
class Desc:
    def __get__(self, obj, owner): return 'desc'
def swap():
    for v in (1, Desc(), 2):
        Counter.label = v
        print(Counter.label, c.label)
swap()
class Sub(Counter):
    pass
def sub_store():
    for i in range(3):
        Sub.total = i
        print(Sub.total, Counter.total, Sub().total)
sub_store()
class Meta(type):
    def __setattr__(cls, name, value):
        print('meta set', name, value)
        super().__setattr__(name, value)
class M(metaclass=Meta):
    v = 1
for i in range(2):
    M.v = i
print(M.v)
class P:
    def __init__(self, x):
        self._x = x
    @property
    def x(self):
        return self._x * 2
    @property
    def bad(self):
        raise KeyError('inside property')
ps = [P(i) for i in range(4)]
print([p.x for p in ps])
try:
    ps[0].bad
except KeyError as e:
    print('KeyError', e)
class Q(P):
    @property
    def x(self):
        return -super().x
print([q.x for q in (Q(1), P(1), Q(2))])
try:
    int.real = 5
except TypeError as e:
    print('TypeError', e)
