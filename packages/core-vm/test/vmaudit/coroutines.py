import sys
def run(c):
    try:
        while True:
            c.send(None)
    except StopIteration as e:
        return e.value
async def add(a, b):
    return a + b
async def main():
    print(await add(1, 2))
    try:
        await 5
    except TypeError as e:
        print('TypeError', e)
    class Aw:
        def __await__(s):
            return iter([None, None])
    print(await Aw())
    class BadAw:
        def __await__(s):
            return 5
    try:
        await BadAw()
    except TypeError as e:
        print('TypeError', e)
    c = add(1, 1)
    print(type(c).__name__, hasattr(c, 'send'), hasattr(c, '__await__'))
    print(await c)
    try:
        await c
    except RuntimeError as e:
        print('RuntimeError', e)
    async def raiser():
        raise ValueError('from coro')
    try:
        await raiser()
    except ValueError as e:
        print('ValueError', e)
    async def agen():
        yield 1
    try:
        await agen()
    except TypeError as e:
        print('TypeError', e)
    return 'main-done'
print(run(main()))
c = add(1, 2)
try:
    iter(c)
except TypeError as e:
    print('TypeError', e)
c.close()
async def waits():
    await Sleep()
class Sleep:
    def __await__(s):
        v = yield 'sleeping'
        return v
w = waits()
print(w.send(None))
try:
    w.send('woken')
except StopIteration as e:
    print('StopIteration', e.value)
w2 = waits(); w2.send(None)
try:
    w2.throw(KeyError('k'))
except KeyError as e:
    print('KeyError', e)
print(w2.cr_running if hasattr(w2, 'cr_running') else '', type(waits).__name__)
