from _check import show
for s in ['0', '-0', '+12', '  42  ', '\t-7\n', '1_000', '1__0', '_1', '1_', '0x1f', '0b101', '0o17', '12abc', '', ' ', '١٢٣', '٣_٣',
          '99999999999999999999999999999999', '-0000', '00', '0_0', '007', '1e3', '1.0', '+', '-', '0x', '\u2003 5 \u2003', '5\x00']:
    show('int(%r)' % s)
    for base in [0, 2, 8, 10, 16, 36]:
        show('int(%r, %d)' % (s, base))
for src in ['int("z", 37)', 'int("z", 1)', 'int("10", -1)', 'int("0x_1f", 0)', 'int("0X1F", 16)', 'int("0b_1", 0)', 'int("0B11", 0)',
            'int("zz", 36)', 'int("ZZ", 36)', 'int(b"12")', 'int(b"  12 ", 16)', 'int(bytearray(b"7"))', 'int(12, 10)', 'int(1.5, 10)',
            'int(None)', 'int([1])', 'int("1" * 500) % 1000007', 'int("-" + "9" * 40, 10)', 'int(base=16, x="ff")', 'int("ff", base=16)',
            'int(x="3")', 'int("3", 10, 1)', 'int("\\u0661\\u0662")', 'int("12", 0)', 'int("012", 0)', 'int("0o12", 0)', 'int("1.5")',
            'int("1e5")', 'int(" 0x10 ", 16)', 'int("0x10", 10)', 'int("-0x10", 16)', 'int("- 5")', 'int("+-5")',
            'int("１２")']:
    show(src)
class A(int):
    pass
class B(int):
    def __int__(self):
        return 5
a = A(10)
print(type(a).__name__, a, a + 1, type(a + 1).__name__, int(a), type(int(a)).__name__, A("ff", 16), -a, abs(A(-3)), a == 10, hash(a) == hash(10))
print(repr(A(7)), str(A(7)), '%d' % A(7), '{}'.format(A(7)), format(A(7), 'x'), A(7) * 2, 2 ** A(3), A(3).bit_length())
print(B(3), int(B(3)), B(3) + 0)
class C(A):
    def __repr__(self):
        return 'C!'
print(repr(C(1)), str(C(1)), [C(1)], C(1) + C(2))
class D:
    def __index__(self):
        return 7
class E:
    def __int__(self):
        return 9
class F:
    def __trunc__(self):
        return 11
for src in ['int(D())', 'int(E())', 'hex(D())', '[1,2,3,4,5,6,7,8][D()]', 'bin(D())', 'pow(D(), 2)', '"ab" * D()', 'range(D())', 'int(F())']:
    show(src, {'D': D, 'E': E, 'F': F})
