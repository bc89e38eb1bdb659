from _check import show, run
B = [b'', b'abc', b'Hello World', b'  pad\t\n', b'a,b,,c', b'\x00\xff\x80', b'x' * 3, b'MiXeD 123', b'tab\there', b'line1\nline2\r\nline3\r']
for b in B:
    print(repr(b), b.upper(), b.lower(), b.title(), b.capitalize(), b.swapcase(), b.isalpha(), b.isalnum(), b.isdigit(), b.isspace(), b.isupper(),
          b.islower(), b.istitle(), b.isascii(), b.strip(), b.split(), b.rsplit(None, 1), b.splitlines(), b.splitlines(True), b.expandtabs(4))
    print(' ', b.center(15, b'*'), b.ljust(12), b.rjust(12, b'-'), b.zfill(8), b.partition(b' '), b.rpartition(b' '), b.find(b'a'), b.rfind(97), b.count(b'l'))
    print(' ', b[::-1], b[1:4], b[::2], b[-1:] , list(b)[:4], b * 2, len(b), b.hex(), b.hex(':'), b.hex('-', 2), b.hex(' ', -2), b.removeprefix(b'He'))
    print(' ', bytearray(b), bytearray(b)[::-1], memoryview(b).tobytes(), memoryview(b).tolist()[:3], b.replace(b'l', b'L'), b.replace(b'', b'.', 2))
for src in ['bytes(3)', 'bytes([1, 2, 255])', 'bytes([256])', 'bytes([-1])', 'bytes("abc", "ascii")', 'bytes("é", "utf-8")', 'bytes("abc")',
            'bytes(source=b"x")', 'bytes("a", encoding="utf-8")', 'bytes("é", encoding="ascii", errors="ignore")', 'bytes(b"x", "utf-8")', 'bytes(1.5)',
            'bytes(range(5))', 'bytes(iter([65, 66]))', 'bytes(bytearray(b"q"))', 'bytes(memoryview(b"mv"))', 'bytes(-1)', 'bytes(None)', 'bytes()',
            'bytes.fromhex("de ad be ef")', 'bytes.fromhex("dead beef")', 'bytes.fromhex("d")', 'bytes.fromhex("zz")', 'bytes.fromhex(" 0a\\n0b ")',
            'bytearray.fromhex("ff00")', 'b"abc"[1]', 'b"abc"[-1]', 'b"abc"[3]', 'b"abc"[1:2]', 'b"abcdef"[::-2]', 'b"a" + b"b"', 'b"a" + bytearray(b"b")',
            'bytearray(b"a") + b"b"', 'b"a" + memoryview(b"z")', 'b"ab" * 2', '2 * b"ab"', 'b"ab" * -1', 'b"abc" == bytearray(b"abc")',
            'b"abc" < b"abd"', 'b"a" < "a"', 'b"a" == "a"', '97 in b"abc"', 'b"bc" in b"abc"', '"a" in b"abc"', '256 in b"abc"', 'b"a,b".split(b",")',
            'b"a  b".split(b" ")', 'b"a b c".split(maxsplit=1)', 'b"a b c".rsplit(maxsplit=1)', 'b"".split()', 'b"abc".split(b"")', 'b",".join([b"a", bytearray(b"b"), memoryview(b"c")])',
            'b",".join([b"a", "b"])', 'b"abc".strip(b"ac")', 'b"xxaxx".lstrip(b"x")', 'b"abc".strip("a")', 'b"hello".translate(None, b"l")',
            'b"hello".translate(bytes.maketrans(b"el", b"ip"))', 'bytes.maketrans(b"a", b"bc")', 'b"abc".startswith((b"x", b"a"))', 'b"abc".endswith(b"c", 0, 3)',
            'b"abc".startswith("a")', 'b"abc".index(b"d")', 'b"abc".index(98)', 'b"abcabc".rindex(b"c", 0, 4)', 'b"abc".find(b"")', 'b"aaa".count(b"")',
            'b"\\xff".decode()', 'b"\\xff".decode("utf-8", "replace")', 'b"\\xff".decode("utf-8", "ignore")', 'b"\\xff".decode("latin-1")',
            'b"\\xff".decode("ascii")', 'b"a\\xffb".decode("utf-8", "backslashreplace")', 'b"\\xff".decode("utf-8", "surrogateescape")',
            'b"\\xe2\\x82".decode()', 'b"\\xe2\\x82\\xac".decode()', 'b"\\xed\\xa0\\x80".decode()', 'b"\\xed\\xa0\\x80".decode("utf-8", "surrogatepass")',
            'b"\\xf4\\x90\\x80\\x80".decode()', 'b"\\xc0\\x80".decode()', 'b"\\x80abc".decode()', 'b"abc\\xe2".decode()', 'b"ab".decode(encoding="ascii")',
            'bytes(b"abc").decode("utf8")', 'b"abc".hex(sep="")', 'b"abc".hex(":", 0)', 'b"%s-%s" % (b"a", b"b")', 'repr(b"\\x00\\t\\n\\r\\\\\'\\"")',
            'repr(b"it\'s")', 'repr(b"say \\"hi\\"")', 'repr(bytearray(b"\\x01"))', 'str(b"ab")', 'hash(b"ab") == hash(b"ab")', 'b"abc".isalnum()',
            'bytes.isdigit(b"12")', 'b"abc".__len__()', 'b"AbC".swapcase()', 'b"hello world".title()', 'b"a\\tb".expandtabs()', 'b"x".center(4)',
            'b"ab".zfill(5)', 'b"-1".zfill(4)', 'b"abc".ljust(5, "x")', 'b"abc".ljust(5, b"xy")', 'b"ab".partition(b"")', 'int.from_bytes(b"\\x01\\x00", "little")']:
    show(src)
ba = bytearray(b'hello world')
ba[0] = 72; print(ba)
ba[0:5] = b'HELLO!'; print(ba)
ba[::2] = b'xxxxxx'; print(ba)
ba[1:3] = [65, 66, 67]; print(ba)
ba[2:4] = range(3); print(ba)
ba[5:5] = bytearray(b'__'); print(ba)
ba[-1:] = memoryview(b'END'); print(ba)
del ba[::3]; print(ba)
del ba[1]; print(ba)
del ba[2:4]; print(ba)
ba.append(33); ba.extend(b'ab'); ba.extend([1, 2]); ba.extend(x for x in (3, 4)); ba.insert(0, 64); ba.insert(-1, 65); ba.insert(100, 66); print(ba)
print(ba.pop(), ba.pop(0), ba.pop(-2), ba); ba.remove(65); print(ba); ba.reverse(); print(ba)
ba2 = ba.copy(); ba2.clear(); print(ba2, ba)
ba += b'xyz'; ba *= 2; print(ba, len(ba))
for src in ['ba[0] = 256', 'ba[0] = -1', 'ba[0] = "a"', 'ba[100] = 1', 'ba[::2] = b"x"', 'ba[0:2] = 5', 'ba[0:2] = "ab"']:
    run(src, {'ba': bytearray(b'xyz')})
for src in ['ba.remove(200)', 'bytearray().pop()', 'ba.append(300)',
            'bytearray(5)', 'bytearray([1, 2])', 'bytearray("é", "utf-8")', 'bytearray(b"ab") == b"ab"', 'hash(bytearray())', 'bytearray(b"abc").upper()',
            'type(bytearray(b"abc").upper()).__name__', 'bytearray(b"a b").split()', 'bytearray(b"xyz")[1:]', 'bytearray(b"xyz")[1]', 'bytearray(3)[::2]']:
    show(src, {'ba': ba})
b = bytearray(b'0123456789')
m = memoryview(b)
print(m[0], m[-1], m[2:5].tobytes(), bytes(m[::2]), m[::-1].tolist(), len(m[1:8:3]), m.nbytes, m.readonly, m.format, m.itemsize, m.ndim, m.shape, m.strides)
m2 = m[2:8]
m2[0] = 65
m2[1:3] = b'BC'
m2[::2] = b'xyz'
print(b, m2.tobytes(), m2[1:4].tobytes(), m2[::2].tobytes())
m3 = m[::2]
m3[1] = 33
print(b, m3.tobytes(), m3.tolist(), bytes(m3), m3 == b'x!4x8' , m3.hex())
mb = memoryview(b'abcdef')
run('mb[0] = 1', {'mb': memoryview(b'abc')})
for src in ['mb[1:3].tobytes()', 'mb[::-1].tobytes()', 'mb == b"abcdef"', 'mb == memoryview(b"abcdef")', 'mb[1:3] == b"bc"', 'mb[10]', 'mb[-7]',
            'mb.tolist()', 'mb.release()', 'memoryview(1)', 'memoryview("abc")', 'list(mb[1:4])', 'mb[::2][1]', 'mb[1:][::2].tobytes()', 'hash(mb)',
            'bytes(mb[2:])', 'mb.cast("B").tolist()[:2]', 'mb.toreadonly().readonly', 'len(mb[::3])']:
    show(src, {'mb': mb})
with memoryview(bytearray(b'ctx')) as mv:
    print(mv.tobytes())
print(mv.obj if False else 'released')
try:
    mv[0]
except ValueError as e:
    print('ValueError', e)
