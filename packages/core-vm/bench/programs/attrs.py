# attribute and method access on instances
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def move(self, dx, dy):
        self.x += dx
        self.y += dy
    def norm1(self):
        return abs(self.x) + abs(self.y)

class Counter:
    total = 0
    def __init__(self):
        self.count = 0
    def inc(self):
        self.count += 1
        Counter.total += 1

def run(n):
    p = Point(0, 0)
    c = Counter()
    s = 0
    for i in range(n):
        p.move(1, -1)
        c.inc()
        s += p.norm1() + p.x - p.y
    return s, c.count, Counter.total

print(run(400000))
