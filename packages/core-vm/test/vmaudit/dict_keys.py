class K:
    def __hash__(s): return hash(1)
    def __eq__(s, o): return o == 1
class S:
    def __hash__(s): return hash('abc')
    def __eq__(s, o): return o == 'abc'
d = {1: 'a'}
print(d[K()], K() in d, K() in {1}, K() in frozenset([1]))
print({'abc': 5}[S()], S() in {'abc'})
d2 = {K(): 'k'}
print(d2[1], 1 in d2, True in d2, 1.0 in d2)
d2[1] = 'x'
print(len(d2), type(list(d2)[0]).__name__, d2[K()])
s = {K()}
s.add(1)
print(len(s))
s.discard(1)
print(len(s))
d3 = {1: 'i'}
d3[1.0] = 'f'; d3[True] = 'b'
print(d3, list(d3.keys())[0].__class__)
print({True: 1, 1: 2, 1.0: 3})
print({2**60: 'a'}[float(2**60)], 2.0**70 in {2**70}, 2**70 in {2.0**70})
print({10**300: 1}.get(1e300), int(1e300) in {1e300})
print({0: 'z'}[-0.0], {-0.0: 'z'}[0], {0: 1}.get(False))
print({1+0j: 'c'}[1], 1 in {1+0j}, {1: 'one'}[1+0j], {1.5: 'x'}.get(1.5+0j))
print({(1, 2): 't'}[(1, 2)], {(1, 2): 't'}.get((1.0, 2.0)))
print(frozenset([1]) in {frozenset([1.0]): 1})
class I(int): pass
print({I(5): 'i'}[5], I(5) in {5}, {5: 1}[I(5)])
class Str(str): pass
print({Str('a'): 1}['a'], Str('a') in {'a'})
class F(float): pass
print({F(2.0): 1}[2], 2 in {F(2.0)})
class KE:
    def __init__(s, v): s.v = v
    def __hash__(s): return hash(s.v)
    def __eq__(s, o): return isinstance(o, KE) and o.v == s.v
d4 = {KE(1): 'a', KE('x'): 'b', 1: 'int', 'x': 'str'}
print(len(d4), d4[1], d4['x'], d4[KE(1)], d4[KE('x')])
del d4[1]; del d4[KE('x')]
print(len(d4), list(d4.values()))
nan = float('nan')
print({nan: 1}.get(nan), {nan: 1}.get(float('nan')))
class Any:
    def __hash__(s): return 7
    def __eq__(s, o): return True
print(7 in {Any()}, Any() in {7}, 'q' in {Any()})
print({7: 'x', Any(): 'y'})
class L:
    def __eq__(s, o): return True
try:
    {L(): 1}
except TypeError as e: print(e)
try:
    L() in {1}
except TypeError as e: print(e)
try:
    {1:2}[[1]]
except TypeError as e: print(e)
import sys
g = globals()
g[S()] = 'via S'
print(g['abc'] if 'abc' in g else 'absent', S() in g)
