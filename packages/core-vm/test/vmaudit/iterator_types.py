# the type names of builtin iterators and views, as CPython 3.11 names them, and that they still iterate
exprs = ['iter([])', 'iter(())', 'iter("")', 'iter("ab")', 'iter("é")', 'iter(b"")', 'iter(bytearray())', 'iter({})',
         'iter(set())', 'iter(frozenset())', 'iter(range(0))', 'range(0).__iter__()', 'iter({}.keys())',
         'iter({}.values())', 'iter({}.items())', '{}.keys()', '{}.values()', '{}.items()', 'zip()',
         'map(abs, [])', 'filter(None, [])', 'enumerate([])', 'reversed([])', 'reversed(())', 'reversed("")',
         'reversed(range(0))', 'reversed({})', 'reversed({}.keys())', 'reversed({}.values())', 'reversed({}.items())',
         '(x for x in ())', 'iter(memoryview(b""))', 'iter(int, 1)', 'iter(iter([]))', 'iter(reversed([]))']
for e in exprs:
    t = type(eval(e))
    print(e, t.__name__, t.__qualname__, repr(t))
d = {'a': 1, 'b': 2, 'c': 3}
print(list(reversed(d)), list(reversed(d.keys())), list(reversed(d.values())), list(reversed(d.items())))
print([x for x in (1, 2, 3)], list(reversed((1, 2, 3))), list(reversed('aé😀')), ''.join(reversed('abc')))
for r in [range(0), range(5), range(1, 10, 3), range(10, 0, -2), range(-3, 3), range(5, 5), range(0, -10, -3),
          range(2**53 - 3, 2**53 + 2), range(10**20, 10**20 + 3)]:
    print(list(reversed(r)) == list(r)[::-1], end=' ')
print()
it = reversed(range(3))
print(next(it), list(it), list(it))
print(sorted(iter({3, 1, 2})), list(iter(bytearray(b'ab'))), list(iter(memoryview(b'xy'))), list(iter('é')))
print(isinstance(reversed(()), reversed), isinstance(reversed([]), reversed), isinstance(reversed('ab'), reversed))
t = (1, 2, 3)
it = iter(t)
print(next(it), [a for a in it], list(it))
s = set([1])
it = iter(s)
s.add(2)
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError')
