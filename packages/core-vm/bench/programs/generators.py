# generators and generator expressions
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1

def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x

def squares(it):
    for x in it:
        yield x * x

def delegate(n):
    yield from squares(evens(count(n)))

print(sum(squares(evens(count(600000)))), sum(x for x in range(600000) if x % 3), sum(delegate(300000)))
