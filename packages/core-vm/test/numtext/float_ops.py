from _check import show
vals = [0.0, -0.0, 1.0, -1.5, 0.1, 1e-310, 5e-324, 1.7976931348623157e308, 123456789.125, 2.5, -2.5, 1e16, 1e15, 0.0001, 0.00001,
        float('inf'), float('-inf'), float('nan'), 1/3, 2/3, 9007199254740993.0, 4.35, 0.5, 1.5, 1e22, 1e23, 3.0e-5]
for v in vals:
    print(repr(v), str(v), v.is_integer(), hash(v) if v == v else None, v == int(v) if v == v and abs(v) != float('inf') else None, float(repr(v)) == v or v != v)
    print(' ', round(v) if v == v and abs(v) != float('inf') else None, round(v, 1), round(v, 2), round(v, -1), round(v, 0), v.hex())
    print(' ', abs(v), -v, +v, v * 2, v / 3, v // 1.5 if v == v else None, v % 1.5 if abs(v) != float('inf') else None, divmod(v, 0.7) if abs(v) != float('inf') else None)
    if v == v and abs(v) != float('inf'):
        print(' ', v.as_integer_ratio(), int(v), float.fromhex(v.hex()) == v)
for src in ['round(2.675, 2)', 'round(0.125, 2)', 'round(0.375, 2)', 'round(1e300, -300)', 'round(5e-324, 323)', 'round(123.456, -2)',
            'round(-0.5)', 'round(0.5)', 'round(1.5)', 'round(2.5)', 'round(-2.5)', 'round(float("inf"))', 'round(float("nan"))',
            'round(1.5, None)', 'round(2.5, 0)', 'round(1e20, 2)', 'round(0.1 + 0.2, 15)', 'round(7.0, -1)', 'round(15.0, -1)', 'round(25.0, -1)',
            '1.0 / 0', '1.0 // 0.0', '1.0 % 0.0', 'divmod(1.0, 0)', '0.0 ** -1', '(-8.0) ** (1/3)', '(-8) ** 0.5', '2.0 ** 1024', '10.0 ** -400',
            '1e308 * 10', '-1e308 * 10', 'float("1e400")', 'float("-1e400")', 'float("1e-400")', 'float("  -1.5e3  ")', 'float("1_000.5")',
            'float("1__0")', 'float("_1.0")', 'float("1.0_")', 'float("1._5")', 'float("1e_5")', 'float("0x10")', 'float("")', 'float("nan")',
            'float("-nan")', 'float("+inf")', 'float("-Infinity")', 'float("infinit")', 'float("inf5")', 'float(".5")', 'float("5.")', 'float(".")',
            'float("e5")', 'float("1e")', 'float("1e+")', 'float(b"1.5")', 'float(bytearray(b" 2 "))', 'float(b"abc")', 'float([])', 'float(None)',
            'float("\\u0661.\\u0665")', 'float("1" * 400)', 'float(10**400)', 'float(-10**400)', 'float(2**1023 * 2 - 1)', 'float(True)',
            'float.fromhex("0x1.8p1")', 'float.fromhex("-0x1p-1074")', 'float.fromhex("0x1p-1075")', 'float.fromhex("0x1.00000000000008p0")',
            'float.fromhex("0x1.00000000000018p0")', 'float.fromhex("inf")', 'float.fromhex("0x1p1024")', 'float.fromhex("1.8")', 'float.fromhex("0xg")',
            'float.fromhex(" 0x.8 ")', '(0.1).hex()', '(-0.0).hex()', '(5e-324).hex()', '(1e308).hex()', 'float("inf").hex()',
            '1e16', '1e15 + 0.3', '12345678901234567.0', '0.000123', '1.5e-7', '-1e-5', '100.0', '1e100', '1.0e-100', '2**0.5', '1/7',
            '3.0 == 3', '3.5 > 3', '2**53 + 1.0', '0.1 + 0.2', '0.1 * 3', 'float.__add__(1.0, 2)', 'float.__radd__(1.0, 2)',
            '(1.5).conjugate()', '(1.5).real', '(1.5).imag', 'float.__round__(2.5)', 'float.__trunc__(-2.5)', 'float.__floor__(-2.5)',
            'float.__ceil__(-2.5)', 'float.__int__(1e20)', 'int(1e300) % 1000', 'hash(1e300)', 'hash(-2.5)', 'hash(0.1)', 'hash(1e-300)',
            'hash(float("inf"))', 'hash(float("-inf"))', 'hash(2.0**61)', 'hash(2.0**100)', 'hash(-(2.0**100))', 'hash(complex(1.5, -2.5))',
            'hash(1j)', 'hash(complex(0.1, 2))', 'float("1.5").__hash__() == hash(1.5)', 'sum([0.1] * 10)', 'max(1.0, 2, 0.5)',
            'min(float("nan"), 1.0)', 'sorted([3.5, 1, 2.25, -0.0, 0])', 'int(-0.9)', 'int(0.9999999999999999)', '5 / 2', '-5 / 2', '5 // -2.0',
            '-5.5 % 2', '5.5 % -2', 'divmod(-5.5, 2)', 'divmod(7.0, -0.0)' , '1e-320 / 10', '-1e-320 / 1e10', 'float("0.1e-310")',
            'float("2.2250738585072011e-308")', 'float("4.9406564584124654e-324")', 'float("2.4703282292062328e-324")', 'float("2.4703282292062327e-324")']:
    show(src)
class F(float):
    pass
f = F(2.5)
print(type(f).__name__, f, repr(f), f + 1, type(f + 1).__name__, float(f), type(float(f)).__name__, F('1.5'), -f, round(f), hash(f) == hash(2.5))
