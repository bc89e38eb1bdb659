# dict, list and set heavy code
def words(n):
    counts = {}
    for i in range(n):
        w = 'w' + str(i % 997)
        counts[w] = counts.get(w, 0) + 1
    return len(counts), max(counts.values())

def lists(n):
    a = [i * 3 % 101 for i in range(n)]
    a.sort()
    b = [x for x in a if x % 2]
    c = sorted(set(a))
    d = list(reversed(b))[:10]
    return len(b), sum(c), d

def sets(n):
    s = set()
    for i in range(n):
        s.add(i % 5003)
    t = set(range(0, 10000, 3))
    return len(s & t), len(s | t), len(s - t)

def tuples(n):
    d = {}
    for i in range(n):
        d[(i % 100, i % 7)] = i
    return len(d), d[(5, 5)]

print(words(300000), lists(300000), sets(300000), tuples(200000))
