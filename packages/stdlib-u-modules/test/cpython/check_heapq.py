# uheapq, spec 4.1.10: heappush, heappop, heapify (and CPython's heappushpop/heapreplace).
import heapq

# heappush(heap, item): "Push the item onto the heap." (the heap's layout is CPython's)
h = []
for x in (5, 3, 8, 1, 9, 2, 7, 3, 0, 6):
    heapq.heappush(h, x)
    print(h)

# heappop(heap): "Pop the first item from the heap, and return it."
out = []
while h:
    out.append(heapq.heappop(h))
    print(h)
print(out)
# "Raises IndexError if heap is empty."
try:
    heapq.heappop([])
except IndexError:
    print('IndexError')

# heapify(x): "Convert the list x into a heap. This is an in-place operation."
for n in range(12):
    x = [(i * 7 + 3) % 11 for i in range(n)]
    r = heapq.heapify(x)
    print(r, x)
x = ['pear', 'apple', 'fig', 'kiwi', 'banana']
heapq.heapify(x)
print(x, heapq.heappop(x), x)
x = [(2, 'b'), (1, 'z'), (1, 'a'), (3, 'c')]
heapq.heapify(x)
print([heapq.heappop(x) for _ in range(4)])

# the heap argument must be a list
for bad in ((), (1, 2), 'abc', None):
    for f in (lambda: heapq.heappush(bad, 1), lambda: heapq.heappop(bad), lambda: heapq.heapify(bad)):
        try:
            f()
        except TypeError:
            print('TypeError')
# items that cannot be compared
try:
    heapq.heappush([1], 'a')
except TypeError:
    print('TypeError')

# heappushpop, heapreplace
h = [1, 4, 2, 8]
heapq.heapify(h)
print(heapq.heappushpop(h, 0), h)
print(heapq.heappushpop(h, 5), h)
print(heapq.heapreplace(h, 0), h)
print(heapq.heapreplace(h, 9), h)
try:
    heapq.heapreplace([], 1)
except IndexError:
    print('IndexError')
