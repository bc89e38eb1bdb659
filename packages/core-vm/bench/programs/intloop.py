# integer loops and arithmetic
def work(n):
    total = 0
    x = 1
    for i in range(n):
        total += (i * i) % 7
        x = (x * 31 + i) & 0xFFFF
        if i % 3 == 0:
            total -= 1
    return total, x

def collatz(limit):
    best = 0
    for start in range(1, limit):
        n = start
        steps = 0
        while n != 1:
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            steps += 1
        if steps > best:
            best = steps
    return best

print(work(1500000), collatz(30000))
