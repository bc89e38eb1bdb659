# calls of plain classes (the interpreter runs a Python __init__ inline): results, errors, redefinition,
# __new__, metaclasses, inheritance, defaults, tracebacks
import sys
class P:
    def __init__(self, x, y=2):
        self.x = x
        self.y = y
class Q(P):
    pass
class R(P):
    def __init__(self, x):
        super().__init__(x, -x)
def mk(n):
    out = []
    for i in range(n):
        out.append(P(i).y + Q(i, 5).y + R(i).y)
    return out
print(mk(4), type(Q(1)).__name__, isinstance(R(1), P))
class Bad:
    def __init__(self):
        return 5
try:
    Bad()
except TypeError as e:
    print('TypeError', e)
class Raises:
    def __init__(self, v):
        if v:
            raise ValueError(v)
        self.v = v
def tryit(v):
    try:
        return Raises(v).v
    except ValueError as e:
        return 'caught ' + str(e)
print(tryit(0), tryit(3))
try:
    P()
except TypeError as e:
    print('TypeError', e)
try:
    P(1, 2, 3)
except TypeError as e:
    print('TypeError', e)
class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e:
    print('TypeError', e)
print(type(NoInit()).__name__)
class WithNew:
    def __new__(cls, x):
        print('new', x)
        return object.__new__(cls) if x else 'not an instance'
    def __init__(self, x):
        print('init', x)
print(type(WithNew(1)).__name__, WithNew(0))
class Meta(type):
    def __call__(cls, *a):
        return ('meta call', a)
class M(metaclass=Meta):
    def __init__(self, a):
        self.a = a
print(M(1))
class Later:
    def __init__(self):
        self.v = 1
def make_later():
    return Later().v
print(make_later())
Later.__init__ = lambda self: setattr(self, 'v', 2)
print(make_later())
def init3(self):
    self.v = 3
Later.__init__ = init3
print(make_later())
class Sub(Later):
    pass
print(Sub().v)
def init4(self):
    self.v = 4
Later.__init__ = init4
print(Sub().v)
class Gen:
    def __init__(self):
        yield 1
try:
    Gen()
except TypeError as e:
    print('TypeError', e)
class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n else None
d = Deep(50)
k = 0
while d.child is not None:
    d = d.child
    k += 1
print(k)
class Forever:
    def __init__(self):
        Forever()
try:
    Forever()
except RuntimeError as e:
    print('recursion error')
class Kw:
    def __init__(self, a, *, b=0):
        self.s = a + b
print(Kw(1).s, Kw(1, b=2).s)
class Cell:
    def __init__(self, v):
        def get():
            return v
        self.get = get
print(Cell(7).get())
