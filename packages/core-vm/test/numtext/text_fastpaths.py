# long texts take native fast paths (UTF-8 encode/decode, UTF-16 assembly in str.title); each result must
# equal the exact path's, including error handlers, byte order marks and lone surrogates
from _check import show
long = 'naïve café 😀 déjà vu ' * 4
for text in [long, '\ufeff' + long, long + '\ud800', '\udc00' + long, 'x' * 40, 'ΣΑΣ ' * 12, 'ﬃ ß ǆ ' * 9, '𐐨𐐩 ' * 20, 'A' * 33 + '\ud800' + 'b' * 3]:
    print(ascii(text.title()), ascii(text.title().title()), text.title() == text.title())
    for errors in ['strict', 'surrogatepass', 'surrogateescape', 'replace', 'ignore', 'backslashreplace']:
        try:
            b = text.encode('utf-8', errors)
            print(errors, len(b), b[:12], b[-12:])
        except UnicodeError as e:
            print(errors, type(e).__name__, e.start, e.end, e.reason)
good = long.encode()
for data in [good, b'\xef\xbb\xbf' + good, good + b'\xff', good[:-2] + b'\xf0\x9f', b'\xed\xa0\x80' + good, good + b'\xc0\xaf', b'x' * 50 + b'\xe2\x82']:
    for errors in ['strict', 'replace', 'ignore', 'surrogateescape', 'surrogatepass', 'backslashreplace']:
        try:
            t = data.decode('utf-8', errors)
            print(errors, len(t), ascii(t[:6]), ascii(t[-6:]))
        except UnicodeError as e:
            print(errors, type(e).__name__, e.start, e.end, e.reason)
show('(b"\\xef\\xbb\\xbf" + b"a" * 40).decode()[0]')
show('bytearray("é" * 40, "utf-8").decode() == "é" * 40')
show('memoryview(("€" * 40).encode())[3:].tobytes().decode() == "€" * 39')
# UnicodeEncodeError/UnicodeDecodeError carry CPython's five arguments and build their message from them
for args in [('utf-8', 'a\ud800b', 1, 2, 'surrogates not allowed'), ('ascii', 'x\U0001f600\xe9', 1, 3, 'ordinal not in range(128)'), ('ascii', '\xe9', 0, 1, 'bad'), ('ascii', 'ab', 5, 6, 'far')]:
    e = UnicodeEncodeError(*args)
    print(str(e), e.args == args, e.encoding, e.object == args[1], e.start, e.end, e.reason, isinstance(e, ValueError))
for args in [('utf-8', b'\xff', 0, 1, 'invalid start byte'), ('utf-8', bytearray(b'ab\xf0\x9f'), 2, 4, 'unexpected end of data'), ('utf-8', b'', 0, 1, 'empty')]:
    e = UnicodeDecodeError(*args)
    print(str(e), type(e.object).__name__, e.object, e.start, e.end, e.reason)
for bad in ['("utf-8", "x", 0, 1)', '(1, "x", 0, 1, "r")', '("utf-8", b"x", 0, 1, "r")', '("utf-8", "x", "0", 1, "r")']:
    show('UnicodeEncodeError' + bad)
show('UnicodeDecodeError("utf-8", "x", 0, 1, "r")')
print(str(UnicodeError('plain message')), UnicodeError('plain message').args)
try:
    b'ab\xffcd'.decode()
except UnicodeDecodeError as e:
    print(e.args, e.object, e.start, e.end)
try:
    'ab\xffcd\u20ac'.encode('ascii')
except UnicodeEncodeError as e:
    print(e.args, e.start, e.end, str(e))
