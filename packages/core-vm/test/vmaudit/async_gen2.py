def run(coro):
    try:
        while True:
            print('  yielded', coro.send(None))
    except StopIteration as e:
        return e.value
class Sleep:
    def __await__(self):
        yield 'tick'
async def g1():
    try:
        yield 1
        yield 2
    finally:
        print('cleanup start')
        await Sleep()
        print('cleanup end')
async def main():
    g = g1()
    print(await g.__anext__())
    print('aclose ->', await g.aclose())
    print('aclose again ->', await g.aclose())
    try:
        print(await g.athrow(ValueError))
    except BaseException as e: print('athrow closed', type(e).__name__)
    try:
        print(await g.__anext__())
    except BaseException as e: print('anext closed', type(e).__name__)
    g = g1()
    print('aclose fresh ->', await g.aclose())
    try:
        print(await g.__anext__())
    except BaseException as e: print('anext after fresh close', type(e).__name__)
    # exhausted then aclose / athrow
    async def one():
        yield 1
    g = one()
    async for _ in g: pass
    print('aclose exhausted ->', await g.aclose())
    try:
        print(await g.athrow(ValueError('v')))
    except BaseException as e: print('athrow exhausted', type(e).__name__)
    # aclose where gen raises other exception
    async def r():
        try:
            yield 1
        finally:
            raise KeyError('x')
    g = r()
    await g.__anext__()
    try:
        await g.aclose()
    except KeyError as e: print('KeyError', e)
    # athrow caught, gen returns
    async def c():
        try:
            yield 1
        except ValueError:
            return
    g = c()
    await g.__anext__()
    try:
        await g.athrow(ValueError)
    except BaseException as e: print('athrow->return', type(e).__name__)
    # athrow with type + value
    async def d():
        try:
            yield 1
        except Exception as e:
            yield type(e).__name__ + ':' + str(e)
    g = d()
    await g.__anext__()
    print(str(await g.athrow(TypeError, TypeError('tv'))))
    # awaitable reuse
    g = d()
    a = g.__anext__()
    print(await a)
    try:
        await a
    except BaseException as e: print('reuse', type(e).__name__, e)
    # running agen
    async def e():
        yield 1
    g = e()
    aw = g.__anext__()
    it = aw.__await__() if hasattr(aw, '__await__') else aw
    print(type(aw).__name__)
    # aclose on agen suspended in await in body
    async def f():
        try:
            await Sleep()
            yield 1
        finally:
            print('f finally')
    g = f()
    aw = g.__anext__()
    print('send', aw.send(None))
    try:
        aw.throw(GeneratorExit)
    except BaseException as ex: print('throw GE into anext awaitable', type(ex).__name__)
    return 'ok'
print(run(main()))
