import sys
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

class Sleep:
    def __await__(self):
        yield 'tick'
        return 'slept'

async def agen(n):
    for i in range(n):
        r = await Sleep()
        yield i
    
async def main():
    out = []
    async for x in agen(3):
        out.append(x)
    print(out)
    print([x async for x in agen(4)])
    print([x * 2 async for x in agen(5) if x % 2])
    print({x: x async for x in agen(2)}, {x async for x in agen(2)})
    g = agen(2)
    print(type(g).__name__, g.__aiter__() is g)
    print(await g.__anext__(), await g.__anext__())
    try:
        await g.__anext__()
    except StopAsyncIteration as e:
        print('StopAsyncIteration', e.args)
    async def echo():
        try:
            x = yield 1
            while True:
                x = yield x * 10
        except ValueError as e:
            yield 'caught ' + str(e)
        finally:
            print('echo finally')
    e = echo()
    print(await e.asend(None))
    print(await e.asend(2))
    print(await e.asend(3))
    print(await e.athrow(ValueError('boom')))
    try:
        await e.asend(None)
    except StopAsyncIteration:
        print('done')
    e2 = echo()
    await e2.asend(None)
    await e2.aclose()
    print('closed')
    try:
        await e2.asend(None)
    except StopAsyncIteration:
        print('closed stops')
    async def bad():
        try:
            yield 1
        finally:
            yield 2
    b = bad()
    await b.__anext__()
    try:
        await b.aclose()
    except RuntimeError as ex:
        print('RuntimeError', ex)
    async def ret():
        yield 1
    r = ret()
    print(await r.__anext__())
    try:
        await r.__anext__()
    except StopAsyncIteration:
        print('end')
    # athrow on a fresh agen
    try:
        await ret().athrow(KeyError('k'))
    except KeyError as ex:
        print('KeyError', ex)
    # exception inside body propagates through async for
    async def raiser():
        yield 1
        raise IndexError('ix')
    try:
        async for v in raiser():
            print('v', v)
    except IndexError as ex:
        print('IndexError', ex)
    # StopIteration inside agen -> RuntimeError
    async def stopper():
        yield 1
        raise StopIteration
    try:
        async for v in stopper():
            pass
    except RuntimeError as ex:
        print('RuntimeError', ex)
    # break in async for
    async for v in agen(10):
        if v == 2: break
    print('broke at', v)
    # async with
    class CM:
        async def __aenter__(s):
            print('enter'); return 'cm'
        async def __aexit__(s, *a):
            print('exit', a[0].__name__ if a[0] else None); return True
    async with CM() as c:
        print(c)
        raise ValueError
    print('after')
    # async iterator class
    class AIt:
        def __init__(s): s.i = 0
        def __aiter__(s): return s
        async def __anext__(s):
            s.i += 1
            if s.i > 3: raise StopAsyncIteration
            return s.i
    print([x async for x in AIt()])
    # async gen with return value -> syntax error, skip; await inside comprehension
    async def double(x):
        return x * 2
    print([await double(x) for x in range(3)])
    print(repr(agen).startswith('<function'), str(type(agen(1))))
    print(hasattr(g, 'ag_running'), g.ag_running, hasattr(g, 'ag_frame'))
    # async for over non-async iterable
    try:
        async for x in [1, 2]:
            pass
    except TypeError as ex:
        print('TypeError', ex)
    # asend a value to just-started agen
    try:
        await echo().asend(5)
    except TypeError as ex:
        print('TypeError', ex)
    return 'main done'

print(run(main()))
