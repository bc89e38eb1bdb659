# raising and catching exceptions
class MyError(Exception):
    pass

def check(i):
    if i % 3 == 0:
        raise MyError(i)
    return i

def run(n):
    caught = 0
    total = 0
    for i in range(n):
        try:
            total += check(i)
        except MyError as e:
            caught += 1
        finally:
            total += 1
    d = {}
    for i in range(n):
        try:
            d[i % 10] += 1
        except KeyError:
            d[i % 10] = 1
    return caught, total, d[3]

print(run(200000))
