from _check import show
class I:
    def __index__(self):
        return 42
class R:
    def __round__(self, n=None):
        return ('rounded', n)
class F:
    def __float__(self):
        return 2.5
class C:
    def __complex__(self):
        return 1 + 2j
env = {'I': I, 'R': R, 'F': F, 'C': C}
for src in ['bin(10)', 'bin(-10)', 'bin(I())', 'bin(1.5)', 'oct(8)', 'oct(-8)', 'hex(255)', 'hex(-255)', 'hex(2**100)', 'hex(True)', 'hex("a")',
            'chr(65)', 'chr(0x10FFFF)', 'chr(0x110000)', 'chr(-1)', 'chr(1.5)', 'chr(I())', 'chr(2**70)', 'ord("a")', 'ord(b"a")', 'ord(bytearray(b"z"))',
            'ord("")', 'ord("ab")', 'ord(1)', 'ascii("é")', 'ascii(b"\\xe9")', 'ascii([1, "é", 1.5])', 'round(2.5)', 'round(3.5)', 'round(-2.5)',
            'round(2.675, 2)', 'round(1234.5678, -2)', 'round(12345, -2)', 'round(-12355, -1)', 'round(5, 0)', 'round(5.0, 0)', 'round(R())',
            'round(R(), 3)', 'round("x")', 'round(1.5, "x")', 'round(1e308, -308)', 'round(float("inf"), 2)', 'round(float("nan"))', 'round(True)',
            'divmod(7, 2)', 'divmod(-7, 2)', 'divmod(7, -2)', 'divmod(7.5, 2)', 'divmod(-7.5, 2)', 'divmod(7, 2.5)', 'divmod(2**100, 3)', 'divmod(True, 2)',
            'divmod(1j, 2)', 'divmod("a", 1)', 'pow(2, 10)', 'pow(2, -1)', 'pow(2.0, 3)', 'pow(-2, 0.5)', 'pow(2, 3, 5)', 'pow(2, 3, 5.0)', 'pow(2, -3, 7)',
            'pow(0, 0, 1)', 'pow(2, 1j)', 'pow(1j, 2)', 'pow(base=2, exp=3)', 'pow(2, 3, mod=3)', 'abs(-5)', 'abs(-5.5)', 'abs(3+4j)', 'abs(True)',
            'abs(-2**100)', 'abs("x")', 'sum([1, 2.5, 3])', 'sum([0.1] * 10)', 'sum([1, 2], 10)', 'sum([[1], [2]], [])', 'sum(["a"], "")',
            'sum([1j, 2])', 'sum(range(100), start=5)', 'max(1, 2.5, True)', 'min([3, 1.5, 2])', 'max("abc")', 'max([], default=0)',
            'min(1, "a")', 'int(F())', 'float(F())', 'float(I())', 'complex(C())', 'complex(F())', 'complex(I())', 'int("12", I())',
            '[1, 2, 3][I()]', '"abc" * I() == "abc" * 42', 'bool(0.0)', 'bool(-0.0)', 'bool(0j)', 'bool(float("nan"))', 'True + 1.5',
            'True / 2', 'False ** 0', '5 // True', '(5).__floordiv__(2.0)', '(5).__rtruediv__(2)', '1 == 1.0 == 1 + 0j', 'hash(1) == hash(1.0) == hash(1 + 0j)',
            'hash(-1)', 'hash(-2)', 'hash(2**61 - 1)', 'hash(2**61)', 'hash(-(2**61))', 'hash(2**64)', 'hash(1e100)', 'hash(0.5)', 'hash(-0.0)',
            'hash(True)', '{1: "a", 1.0: "b", True: "c"}', '{0.5: 1, 1/2: 2}', 'len({10**30, 1e30, float(10**30)})', 'str(10**50)',
            'repr(-10**50)', 'str(-0.0)', 'repr([1.5, 2e-7, -0.0, float("inf")])', 'repr((1e16, 1e-5, 123456789012345678.0))', 'str(1/3)',
            'format(10**30, "x")', '"%d" % 2**100', '"%x" % 2**100', '"%e" % 2**100', 'float(2**100) == 2**100', '2**53 + 1 == float(2**53 + 1)',
            'int(1e300) == 10**300', '10**300 < 1e300', '10**400 > 1e308', '-10**400 < float("-inf")', '10**400 == float("inf")',
            'isinstance(True, int)', 'type(True + True).__name__', 'type(2 ** -1).__name__', 'type(10 // 3.0).__name__', 'type(divmod(5, 2.0)[0]).__name__',
            'int.from_bytes(b"\\x00\\x01", byteorder="little")', '(1024).to_bytes(2, byteorder="little")', '(1024).to_bytes(length=2, byteorder="big")',
            '(-1).to_bytes(1, "big", signed=True)', '(1).to_bytes()', 'int.from_bytes(b"\\xff", "big", signed=True)']:
    show(src, env)
x = 3.14159
name = 'é😀'
print(f'{x!r} {x!s:>10} {name!a} {name=} {x*2=:.3f} {"{nested}"} {x:{"+"}.{2}f} {name:_^9} {[x][0]:e}')
print(f'{10**20:_} {-5:+} {255:#X} {0.1+0.2!r} {1e-7} {True:d} {None!r} {b"x"} {3+4j}')
width = 12
print(f'{"left":<{width}}|{"right":>{width}}|{"mid":^{width}}|')
