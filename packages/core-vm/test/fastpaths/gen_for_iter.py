# FOR_ITER resuming generators inside the dispatch loop: yields, returns, exceptions, exception state
import sys
def g(n):
    for i in range(n):
        yield i
    return 'done'
print([x for x in g(3)], list(g(2)))
def bad():
    yield 1
    raise StopIteration
try:
    for x in bad():
        print('got', x)
except RuntimeError as e:
    print('RuntimeError', e, type(e.__cause__).__name__, e.__suppress_context__)
def boom():
    yield 1
    yield 1 // 0
try:
    for x in boom():
        print('boom', x)
except ZeroDivisionError as e:
    print('ZDE', e)
it = g(5)
for x in it:
    if x == 2:
        break
print('after break', next(it), list(it))
def selfref():
    yield next(me)
me = selfref()
try:
    for x in me:
        pass
except ValueError as e:
    print('ValueError', e)
def excinfo():
    yield sys.exc_info()[0]
    try:
        raise KeyError('k')
    except KeyError:
        yield sys.exc_info()[0]
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]
try:
    raise IndexError
except IndexError:
    for t in excinfo():
        print('exc', t, sys.exc_info()[0])
for t in excinfo():
    print('exc2', t, sys.exc_info()[0])
def outer():
    for x in g(3):
        for y in g(x):
            yield (x, y)
print(list(outer()))
def deleg():
    r = yield from g(3)
    yield r
for v in deleg():
    print('deleg', v)
def catcher():
    try:
        yield 1
        yield 2
    finally:
        print('finally in gen')
for v in catcher():
    print('c', v)
c = catcher()
for v in c:
    break
c.close()
def tb():
    yield 1
    raise ValueError('in gen')
def user():
    for v in tb():
        pass

try:
    user()
except ValueError as e:
    print('caught', e)
def ret_early():
    yield 1
    return
    yield 2
print(sum(x for x in ret_early()), [x for x in g(0)])
def rec(n):
    if n:
        for x in rec(n - 1):
            yield x
        yield n
print(list(rec(30)))
gg = g(3)
print(next(gg))
for x in gg:
    print('resumed', x)
print(gg.gi_running if hasattr(gg, 'gi_running') else 'n/a')
def sender():
    x = yield 1
    print('sent', x)
    yield 2
for v in sender():
    print('s', v)
