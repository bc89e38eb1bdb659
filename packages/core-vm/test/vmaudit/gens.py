def g1():
    try:
        yield 1
        yield 2
    finally:
        print('g1 finally')
g = g1()
print(next(g))
g.close()
print(list(g))
g.close()
# close on a generator that yields in finally
def g2():
    try:
        yield 1
    finally:
        yield 'in finally'
g = g2(); next(g)
try:
    g.close()
except RuntimeError as e:
    print('RuntimeError', e)
# throw into just-started generator
def g3():
    print('never runs')
    yield 1
g = g3()
try:
    g.throw(ValueError('early'))
except ValueError as e:
    print('ValueError', e)
print(next(g, 'exhausted'))
# throw caught and yields
def g4():
    while True:
        try:
            x = yield
            print('got', x)
        except KeyError as e:
            print('caught', e)
            yield 'after catch'
g = g4(); next(g)
g.send(5)
print(g.throw(KeyError('k')))
print(g.send(None))
# throw uncaught finishes generator
try:
    g.throw(IndexError)
except IndexError:
    print('IndexError propagated')
print(next(g, 'done'))
# send to just-started
g = g4()
try:
    g.send(1)
except TypeError as e:
    print('TypeError', e)
# return value
def g5():
    yield 1
    return 'rv'
g = g5(); next(g)
try:
    next(g)
except StopIteration as e:
    print('StopIteration value', e.value, e.args)
# yield from with return value, send and throw delegation
def inner():
    x = yield 'i1'
    print('inner got', x)
    try:
        yield 'i2'
    except ValueError:
        print('inner caught')
        yield 'i3'
    return 'inner-rv'
def outer():
    r = yield from inner()
    print('outer got', r)
    yield 'o1'
g = outer()
print(next(g), g.send('S'), g.throw(ValueError), next(g))
print(next(g, 'end'))
# close propagates to inner
def inner2():
    try:
        yield 1
    finally:
        print('inner2 finally')
def outer2():
    try:
        yield from inner2()
    finally:
        print('outer2 finally')
g = outer2(); next(g); g.close()
# generator running
def self_ref():
    yield next(gr)
gr = self_ref()
try:
    next(gr)
except ValueError as e:
    print('ValueError', e)
# StopIteration in generator -> RuntimeError
def si():
    yield 1
    raise StopIteration('x')
try:
    list(si())
except RuntimeError as e:
    print('RuntimeError', e, type(e.__cause__).__name__)
# generator expression scoping and laziness
xs = [1, 2, 3]
ge = (x * 2 for x in xs)
xs.append(4)
print(list(ge))
try:
    (1 / x for x in [0]).__next__()
except ZeroDivisionError:
    print('lazy error')
print(type(x for x in []).__name__, sum(x for x in range(5)))
# gi_ attributes
def gg():
    yield
g = gg()
print(g.gi_running, g.__name__, g.gi_frame is not None)
# context manager inside generator closed properly
class CM:
    def __enter__(s): print('cm enter'); return s
    def __exit__(s, *a): print('cm exit', a[0].__name__ if a[0] else None); return False
def gcm():
    with CM():
        yield 1
        yield 2
g = gcm(); next(g); g.close()
g = gcm(); next(g)
try:
    g.throw(KeyError)
except KeyError:
    print('keyerror out')
def gcm2():
    with CM():
        yield 1
for v in gcm2():
    pass
# throw with traceback and type+value forms
def gt():
    try:
        yield
    except Exception as e:
        yield type(e).__name__ + ':' + str(e)
g = gt(); next(g)
print(g.throw(ValueError, 'val'))
g = gt(); next(g)
print(g.throw(ValueError, ValueError('inst')))
g = gt(); next(g)
try:
    g.throw(ValueError('a'), 'b')
except TypeError as e:
    print('TypeError', e)
# generator that catches GeneratorExit and returns
def gr2():
    try:
        yield 1
    except GeneratorExit:
        return 'ignored'
g = gr2(); next(g); print(g.close())
# next on exhausted
def ge1():
    yield 1
g = ge1(); list(g)
print(next(g, 'd'), list(g))
# generator in finally after return
def gfin():
    try:
        return
        yield
    finally:
        print('gfin finally')
print(list(gfin()))
# yield inside try/except within loop with send
def acc():
    total = 0
    while True:
        v = yield total
        if v is None: break
        total += v
a = acc(); next(a)
print(a.send(1), a.send(2))
try:
    a.send(None)
except StopIteration:
    print('stopped')
# yield from non-generator iterables
def yf():
    yield from [1, 2]
    yield from 'ab'
    yield from range(2)
print(list(yf()))
# yield from a generator already closed
def yfc():
    r = yield from (x for x in [])
    return r
print(list(yfc()))
# lambda generator
lg = lambda: (yield 5)
print(list(lg()))
# iterator protocol on custom class used by yield from with send
class Echo:
    def __init__(s): s.n = 0
    def __iter__(s): return s
    def __next__(s):
        s.n += 1
        if s.n > 2: raise StopIteration('echo-rv')
        return s.n
    def send(s, v): return ('sent', v)
def ye():
    r = yield from Echo()
    yield r
g = ye()
print(next(g), g.send('x'), next(g), next(g))
