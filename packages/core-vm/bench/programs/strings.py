# string building and methods
def build(n):
    parts = []
    for i in range(n):
        parts.append('item%d' % i)
    s = ','.join(parts)
    return len(s), s.count('item1'), s[:20]

def methods(n):
    words = 'The quick brown fox jumps over the lazy dog'.split()
    total = 0
    for i in range(n):
        w = words[i % len(words)]
        u = w.upper().lower().replace('o', '0')
        if u.startswith('t') or u.endswith('g'):
            total += len(u)
        total += len(f'{w}-{i}') + u.find('0')
    return total

def concat(n):
    s = ''
    for i in range(n):
        s += str(i)
    return len(s)

print(build(100000), methods(150000), concat(100000))
