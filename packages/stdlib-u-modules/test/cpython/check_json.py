# ujson, spec 4.1.12: dump, dumps, load, loads; CPython's output format and errors.
import json
from io import StringIO

# dumps(obj): "Return obj represented as a JSON string."
for obj in (None, True, False, 0, -1, 2**70, 1.5, -0.0, 1e300, 1e-7, 0.1, float('inf'), float('-inf'), '', 'abc',
            'quote " backslash \\ slash / nl \n tab \t ctrl \x01 \x1f', 'caf\u00e9 \u20ac \U0001f600', [], [1, [2, [3]]], (),
            (1, 'a'), {}, {'a': 1, 'b': [True, None]}, {1: 'int', 2.5: 'float', True: 'bool', None: 'none'},
            [{'nested': {'deep': [1.25, {}]}}]):
    print(json.dumps(obj))
print(json.dumps(float('nan')))
# separators
print(json.dumps({'a': [1, 2]}, separators=(',', ':')), json.dumps([1, {'k': 'v'}], separators=[';', '='] ))
print(json.dumps({'b': 1, 'a': 2, 'c': {'z': 1, 'y': 2}}, sort_keys=True), json.dumps('\u00e9', ensure_ascii=False))
print(json.dumps({'x': {1, 2}}, default=sorted), json.dumps([object] , default=lambda o: 'obj'))
# TypeError for objects that are not serialisable (spec 6.4.4: as CPython)
for bad in (b'bytes', bytearray(b'x'), {1, 2}, object(), 1j, {(1, 2): 'tuple key'}, [b'in list']):
    try:
        json.dumps(bad)
        print('no error')
    except TypeError as e:
        print('TypeError', e)
l = [1]
l.append(l)
try:
    json.dumps(l)
except ValueError as e:
    print('ValueError', e)
d = {}
d['self'] = d
try:
    json.dumps(d)
except ValueError as e:
    print('ValueError', e)

# dump(obj, stream): "Serialise obj to a JSON string, writing it to the given stream."
s = StringIO()
print(json.dump({'list': [1, 2.5, 'x']}, s), s.getvalue())
s = StringIO()
json.dump([1, 2], s, separators=(',', ':'))
print(s.getvalue())

# loads(str): "Parse the JSON str and return an object."
for doc in ('null', 'true', 'false', '0', '-12', '123456789012345678901234567890', '1.5', '-0.0', '1e3', '1E-2', '2.5e+2',
            '""', '"abc"', '"\\u00e9\\n\\t\\"\\\\\\/"', '"\\ud83d\\ude00"', '[]', '[1, [2, [3, []]]]', '{}',
            '{"a": 1, "b": {"c": [true, false, null]}}', ' \t\n [ 1 , 2 ] \n', '{"a": 1, "a": 2}', 'NaN', 'Infinity',
            '-Infinity', '[1e400]', b'[1, 2]', bytearray(b'{"k": "v"}')):
    v = json.loads(doc)
    print(repr(v), type(v).__name__)
# "Raises ValueError if the string is not correctly formed."
for doc in ('', ' ', '[', '[1,', '[1,]', '{"a"}', '{"a":}', '{a: 1}', "'single'", '"unterminated', '"bad \\x escape"',
            '01', '1.', '.5', '-', 'tru', 'nul', '[1 2]', '{"a": 1,}', '1 2', '"\x01"', '"\\u12"', 'True'):
    try:
        json.loads(doc)
        print('no error', repr(doc))
    except ValueError as e:
        print('ValueError', repr(doc), e, isinstance(e, json.JSONDecodeError))
try:
    json.loads(1)
except TypeError:
    print('TypeError')
e = None
try:
    json.loads('[1,\n  x]')
except ValueError as err:
    e = err
print(e.msg, e.pos, e.lineno, e.colno)

# load(stream): "Parsing continues until end-of-file is encountered."
print(json.load(StringIO('{"a": [1, 2, {"b": null}]}')), json.load(StringIO(' 42 ')))
try:
    json.load(StringIO('[1] [2]'))
except ValueError:
    print('ValueError')
# hooks
print(json.loads('{"a": 1.5, "b": 2}', parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads('[{"a": 1}]', object_hook=lambda d: sorted(d.items())), json.loads('{"b": 1, "a": 2}', object_pairs_hook=list))
print(json.loads('[NaN]', parse_constant=lambda c: 'const ' + c))

# round trips
for obj in ([1, 'two', 3.0, None, True, {'k': [{}]}], {'unicode': '\u2603\U0001f600', 'ctrl': '\x00\x1f'}, list(range(50))):
    assert json.loads(json.dumps(obj)) == obj
    assert json.loads(json.dumps(obj, ensure_ascii=False)) == obj
print('round trips ok')
