from _check import show
S = ['', 'a', 'abc', 'Hello World', '  padded\t\n', 'a,b,,c', 'ß straße', 'ǆemal ǉubljana', 'ﬁne ﬂow', 'ΣΑΣ ΟΔΟΣ', 'İstanbul',
     'hello\u2028world\r\nnext\x0bv\x0cf\x1cg\x85h', 'MiXeD CaSe 123', "they're bill's friends", '١٢٣', '²³½', '一二三', 'x\u0301y',
     'tab\there\tthere', '😀 emoji 🎉', 'A1_b2', '1abc', 'ǅ', '_', 'café', 'ÉCOLE', 'ﬀ', 'ŉ']
M0 = ['upper', 'lower', 'casefold', 'capitalize', 'title', 'swapcase', 'isalpha', 'isalnum', 'isdigit', 'isdecimal', 'isnumeric',
      'isspace', 'isupper', 'islower', 'istitle', 'isidentifier', 'isprintable', 'isascii', 'strip', 'lstrip', 'rstrip', 'split', 'rsplit',
      'splitlines', 'expandtabs', '__len__']
for s in S:
    print(repr(s), [getattr(s, m)() for m in M0])
    print(' ', s.center(15, '*'), s.ljust(12, '-'), s.rjust(12), s.zfill(10), s.split(None, 1), s.rsplit(None, 1), s.splitlines(True))
    print(' ', s.partition(' '), s.rpartition(' '), s.find('a'), s.rfind('a'), s.count('a'), s.count(''), s.replace('a', 'XY'), s.replace('', '-', 3))
    print(' ', s.startswith(('H', 'a')), s.endswith('c', 0, 3), s.startswith('b', 1), s.expandtabs(4), s.encode('utf-8'), s.encode('ascii', 'replace'))
    print(' ', s[::-1], s[1:4], s[::2], s[-3:], s[5:1:-2], list(s)[:4], s * 2, len(s), s.removeprefix('He'), s.removesuffix('ld'))
for src in ['"a b  c".split(" ")', '"a b  c".split(" ", 1)', '"a b  c".rsplit(" ", 1)', '"  a  b  ".split(None, 0)', '"  a  b  ".rsplit(None, 0)',
            '"a,b,c".split(",", -1)', '"abc".split("")', '"".split()', '"".split(",")', '"a\\nb\\r\\nc\\rd\\n".splitlines()', '"x\\n".splitlines(keepends=True)',
            '"abc".center(6)', '"abc".center(7)', '"ab".center(5)', '"ab".center(6, "xy")', '"-42".zfill(6)', '"+42".zfill(2)', '"42".zfill(-1)',
            '"abc".find("c", -1)', '"abc".find("", 3)', '"abc".find("", 4)', '"abc".rfind("", 1)', '"abcabc".index("c", 3)', '"abc".index("z")',
            '"abc".rindex("z")', '"abcabc".count("bc", 1, -1)', '"aaa".count("aa")', '"aaaa".replace("aa", "b", 1)', '"abc".replace("", "-")',
            '"abc".startswith(("x", "b"), 1)', '"abc".startswith("")', '"abc".startswith("", 4)', '"abc".endswith(("c", "x"), 0, 2)',
            '"abc".startswith(1)', '"abc".startswith(("a", 1))', '",".join(["a", "b"])', '",".join([])', '",".join(["a", 1])', '"".join("xyz")',
            '"-".join(x for x in "ab")', '"abc".strip("ac")', '"xxaxx".lstrip("x")', '"xxaxx".rstrip("x")', '"  x ".strip(None)', '"abc".strip(1)',
            '"a\\tb\\tc".expandtabs()', '"a\\tb\\tc".expandtabs(0)', '"12345\\t6".expandtabs(4)', '"a\\r\\tb".expandtabs(3)', '"abc".partition("")',
            '"hello".translate({101: "3", 108: None})', '"hello".translate(str.maketrans("el", "ip"))', 'str.maketrans("ab", "cd", "e")',
            'str.maketrans({"a": 1, 98: "x"})', 'str.maketrans("abc", "d")', '"abc".translate({97: 1234})', '"abc".translate({97: 0x110000})',
            '"a{0}b{1}".format_map({"0": 1})', '"{x}{y}".format_map({"x": 1, "y": 2})', '"abc".encode("latin-1")', '"ą".encode("latin-1")',
            '"ą".encode("latin-1", "ignore")', '"ą".encode("ascii", "xmlcharrefreplace")', '"ą".encode("ascii", "backslashreplace")',
            '"\\ud800".encode("utf-8")', '"\\ud800".encode("utf-8", "surrogatepass")', '"\\udc80".encode("utf-8", "surrogateescape")',
            '"x".encode("utf-16")', '"x".encode("nope")', '"ab".encode(encoding="utf-8")', '"x".encode("UTF8")', '"x".encode("utf_8")',
            'str(b"abc", "utf-8")', 'str(b"abc")', 'str(b"\\xff", "utf-8", "replace")', 'str(b"\\xff", "utf-8")', 'str(encoding="utf-8")',
            'str(b"a", errors="strict")', 'str(1, "utf-8")', 'str("a", "utf-8")', 'str(object=5)', 'str(bytearray(b"xy"), "ascii")',
            '"abc" < "abd"', '"abc" < "ab"', '"\\U0001F600" > "\\uffff"', '"a" * -1', '"ab" * 3', '3 * "ab"', '"a" + 1', '"abc"[10]',
            '"abc"[-4]', '"abc"[True]', '"abc"[::0]', '"abcdef"[1::2]', '"abcdef"[-1:-5:-2]', '"abcdef"[10:]',
            '"abcdef"[:-10]', '"abc"[None:None:-1]', '"a" in "abc"', '"" in "abc"', '1 in "abc"', 'ord("€")', 'ord("😀")', 'ord("ab")', 'ord("")',
            'chr(8364)', 'chr(0x1F600)', 'chr(-1)', 'chr(0x110000)', 'len("😀x")', '"😀x"[0]', '"😀x"[1]', '"a😀b"[::-1]', '"x😀y".find("y")',
            '"x😀y".index("😀")', '"😀😀".count("😀")', '"😀".encode()', 'b"\\xf0\\x9f\\x98\\x80".decode()', '"😀".isprintable()',
            '"\\u200b".isprintable()', '"\\x7f".isprintable()', '"\\xa0".isspace()', '"\\u3000".isspace()', '"\\x1f".isspace()', '"abc".isidentifier()',
            '"1a".isidentifier()', '"def".isidentifier()', '"a b".isidentifier()', '"_x1".isidentifier()', '"℘".isidentifier()', '"·".isidentifier()',
            '"Hello World".istitle()', '"Hello world".istitle()', '"HELLO".istitle()', '"A".istitle()', '"1A".istitle()', '"ǅ".istitle()',
            '"ABC1".isupper()', '"abc1".islower()', '"1".isupper()', '"ǅ".isupper()', '"ǅ".islower()', '"hello world".title()',
            '"they\'re bill\'s".title()', '"hELLO wORLD".swapcase()', '"ß".upper()', '"ß".swapcase()', '"ŉ".upper()', '"ǰ".title()',
            '"ΣΑΣ".lower()', '"Σ".lower()', '"AΣ".lower()', '"AΣb".lower()', '"ΑΣ ΣΑ".lower()', '"İ".lower()', '"ﬁ".capitalize()', '"ǆa".capitalize()',
            'str.upper("a")', 'str.upper(1)', '"%s" % "x"', 'str.__len__("abc")', '"abc".__contains__("b")', '"abc".__getitem__(1)',
            '"abc".__add__("d")', '"abc".__mul__(2)', '"abc".__rmul__(2)', '"abc".__mod__(())', '"a".__eq__(1)', '"a".__lt__("b")', 'hash("a") == hash("a")',
            '"abc".__iter__().__next__()', 'repr("it\'s")', 'repr(\'say "hi"\')', 'repr(\'both \\\' and "\')', 'repr("\\x00\\x1f\\x7f\\x80\\xa0\\xad")',
            'repr("\\u0378\\u200b\\u2028\\ud800\\U000e0001\\U0010ffff")', 'repr("é中😀")', 'ascii("é中😀\\n")', 'ascii(["é"])', 'repr("\\\\")',
            'str(["é", "\\n"])', 'repr("\\t\\r\\n")', '"abc".ljust(2)', '"abc".center(-3)', '"abc".ljust(5, "")', '"abc".ljust(5, "ab")',
            '"a".join(["b"]) is not None', '"Abc".casefold()', '"ΣΑΣ".casefold()', '"ﬃ".casefold()', '"ß".casefold() == "SS".casefold()']:
    show(src)
class S(str):
    pass
s = S('hello')
print(type(s).__name__, s, repr(s), s == 'hello', 'hello' == s, s + '!', type(s + '!').__name__, s.upper(), type(s.upper()).__name__,
      s[1:], type(s[1:]).__name__, len(s), hash(s) == hash('hello'), {s: 1}['hello'], {'hello': 2}[s], str(s), type(str(s)).__name__, s * 2, 'ell' in s)
class T(str):
    def __str__(self):
        return 'T!'
    def __repr__(self):
        return 'Trepr'
t = T('x')
print(str(t), repr(t), '%s %r' % (t, t), '{} {!r}'.format(t, t), f'{t}', [t], t + 'y', t.upper())
