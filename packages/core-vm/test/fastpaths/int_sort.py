# list.sort/sorted of all-int lists (native numeric sort) against the general merge sort
seed = [12345]
def rnd(lo, hi):
    seed[0] = (seed[0] * 1103515245 + 12345) % 2147483648
    return lo + seed[0] % (hi - lo + 1)
for n in (0, 1, 2, 5, 20, 1000):
    a = [rnd(-50, 50) for _ in range(n)]
    b = sorted(a); a.sort(); c = sorted(a, reverse=True)
    print(n, a == b, b[:8], c[:8])
big = [2**53 - 1, -(2**53 - 1), 0, 3, -3, 2**52, 7]
print(sorted(big), sorted(big, reverse=True))
print(sorted([3, 1, 2.5, True]), sorted([10**20, 5, -10**20]))
