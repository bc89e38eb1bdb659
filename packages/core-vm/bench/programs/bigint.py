# big ints: pidigits (the unbounded spigot), factorials, modular exponentiation, str <-> int
def pidigits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, t, k, m, x = 10 * q, 10 * (r - m * t), t, k, (10 * (3 * q + r)) // t - 10 * m, x
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return ''.join(map(str, out))

def fact(n):
    p = 1
    for i in range(2, n + 1):
        p *= i
    return p

def powmods(n):
    m = (1 << 127) - 1
    acc = 0
    for i in range(n):
        acc ^= pow(3 + i, m - 2, m)
    return acc % 1000003

def roundtrip(n):
    x = 7 ** 3000
    total = 0
    for _ in range(n):
        total += len(str(x))
        x = int(str(x)) + 1
    return total

d = pidigits(1000)
print(d[:10], d[-10:], sum(len(str(fact(n))) for n in range(1000, 1200, 10)), powmods(100), roundtrip(200))
