from _check import show
vals = [0, 1, -1, 7, -7, 2**31, -2**31, 2**53 - 1, 2**53, -2**53, 2**63, 2**64 + 12345, -(3**80), 10**30 + 7]
for a in vals:
    for b in vals:
        print(a, b, a + b, a - b, a * b, a & b, a | b, a ^ b, a == b, a < b, a >= b)
        if b:
            print(' ', a // b, a % b, divmod(a, b), a / b)
    print(' ', -a, ~a, abs(a), a.bit_length(), bool(a), hash(a), a << 3, a >> 3, a >> 70, a << 70)
for e in range(0, 70, 7):
    print(3 ** e, (-3) ** e, 2 ** e, 7 ** e % 1000003)
print(pow(3, 200, 10**9 + 7), pow(-3, 201, 97), pow(3, -1, 7), pow(5, -3, 2**61 - 1), pow(10**20, 10**20, 12345678901))
for src in ['pow(2, -1, 4)', 'pow(0, -1)', 'pow(2, 3, 0)', '1 // 0', '1 % 0', 'divmod(1, 0)', '1 << -1', '1 >> -1',
            '2 ** -2', '(-2) ** -3', '0 ** 0', 'pow(2, 0.5, 3)', '10 ** 20 / 3', '(10 ** 400) / (10 ** 399)', '(10**400) * 1.0',
            '2**1000 // 3**100', '-(2**1000) % 7', 'divmod(-(10**30), 7)', 'divmod(10**30, -7)', 'round(12345, -2)',
            'round(12350, -2)', 'round(12250, -2)', 'round(-12350, -2)', 'round(10**30 + 5 * 10**9, -10)', 'int.__round__(7)',
            '(255).to_bytes(2, "big")', '(255).to_bytes(1, "little", signed=True)', '(-1).to_bytes(4, "big", signed=True)',
            '(-129).to_bytes(1, "big", signed=True)', '(2**64).to_bytes(9, "little")', '(0).to_bytes(0, "big")', '(1).to_bytes(0, "big")',
            '(-1).to_bytes(2, "big")', 'int.from_bytes(b"\\xff\\xfe", "big")', 'int.from_bytes(b"\\xff\\xfe", "little", signed=True)',
            'int.from_bytes(bytearray(b"\\x80" + b"\\x00" * 10), "big", signed=True)', 'int.from_bytes([1, 2, 3], "big")',
            'int.from_bytes(b"", "big", signed=True)', '(5).to_bytes(2, "middle")', '(12).bit_length()', '(-2**100).bit_length()',
            '(0).bit_length()', 'int(True)', 'True + True', 'True * 3.5', '-True', '~False', 'True << 40', 'int(-0.0)', 'int(1e20)',
            'int(-1.5e300) == -15 * 10**299', 'int(2.5)', 'int(-2.5)', 'int(float("inf"))', 'int(float("nan"))', 'int(10**20).__hash__() == hash(10**20)',
            '(123456789 ** 5).__index__()', 'abs(-10**50)', 'max(10**20, 3.5)', 'min(-10**20, -1e21)', '10**20 == 1e20', '10**23 == 1e23',
            '2**53 + 1 == 2.0**53', '2**53 + 1 > 2.0**53', '(2**1024) > float("inf")', '-(2**1024) < -1e308', '7 .real', '7 .imag',
            '(7).numerator', '(7).denominator', '(7).conjugate()', 'int.__add__(3, 4)', 'int.__add__(3, 4.0)', '(3).__radd__(4)',
            '(3).__truediv__(0)', 'int.__new__(int, "12")', '3 .__sizeof__() > 0', '(10**10).__pow__(2, 7)', 'sum(range(10**6))',
            'sum([10**20, 10**20, -10**20])', '0 - 2**63', '-(2**63) // -1', '(-2**63) * -1', '2**62 + 2**62', 'hex(2**70)', 'oct(-2**70)',
            'bin(-5)', 'hex(-255)', 'bin(0)', 'int.bit_count(255)' if hasattr(int, 'bit_count') else '0', 'int.as_integer_ratio(7)' if hasattr(int, 'as_integer_ratio') else '0']:
    show(src)
