# subclasses of int, float and str: arithmetic results, conversions, str/repr/format of instances
class A(int):
    __add__ = lambda self, other: A(int(self) + other)
a = A(42)
print(a + a, type(a + a).__name__)
class B(float):
    def __repr__(self): return 'B(%s)' % float.__repr__(self)
b = B(1.5)
print(b, repr(b), b + 1, [b], '%s %r %.1f' % (b, b, b), f'{b}', '{}'.format(b), str(b), format(b, ''))
class S(str):
    def upper(self): return S('UP:' + str.upper(self))
s = S('abc')
print(s.upper(), s.lower(), s + 'x', s * 2, s[0], s == 'abc', s in {'abc'}, '%s' % s, f'{s!r}')
class IntE(int):
    def __str__(self): return 'IntE!'
print(IntE(5), str(IntE(5)), repr(IntE(5)), f'{IntE(5)}', '{}'.format(IntE(5)), '%s %d' % (IntE(5), IntE(5)), format(IntE(5), 'x'))
print(int(A(3)), type(int(A(3))).__name__, float(B(2.0)), type(float(B(2.0))).__name__, hash(A(2**64)) == hash(2**64), hash(B(0.1)) == hash(0.1))
print(A(7).to_bytes(1, 'big'), A.from_bytes(b'\x07', 'big'), type(A.from_bytes(b'\x07', 'big')).__name__, bool(A(0)), -A(3), abs(A(-3)), A(3) ** 2, divmod(A(7), 2))
print(isinstance(True, A), issubclass(A, int), round(B(2.5)), round(A(25), -1), int('10', base=A(2)))
