# function calls and recursion
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def add(a, b=1):
    return a + b

def loop(n):
    t = 0
    for i in range(n):
        t = add(t, i)
        t = add(t)
    return t

print(fib(27), loop(300000))
