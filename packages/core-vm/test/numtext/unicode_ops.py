from _check import show
s = 'a😀b€c\U0010ffffd'
print(len(s), [c for c in s], [ord(c) for c in s], s[1], s[-2], s[1:3], s[::2], s[::-1], s[5:0:-2], s.find('€'), s.index('c'), s.rfind('😀'))
print(s.encode(), s.encode('utf-8').decode() == s, len(s.encode()), s.upper(), s.split('€'), s.partition('😀'), s.replace('😀', '!'), s.count('\U0010ffff'))
print(repr(s), ascii(s), str(s.encode()), '%s|%5s|%-5s|%.2s' % (s[:2], '😀', '😀', s), '{:^7}|{:.3}'.format('😀', s))
print(s.center(12, '😀'), '😀'.ljust(3, '€'), '€'.rjust(3, '😀'), s.startswith('a😀'), s.endswith('d'), s.startswith('b', 2), s.endswith('😀', 0, 2))
print(sorted(['😀', '\uffff', 'a', '\U00010000', 'é']), max('a😀z'), min('😀ab'), '😀' > '\ufffe', '\ud7ff' < '\ue000')
print(list(reversed('a😀b')), ''.join(reversed('a😀b')), 'x'.join('😀😁'), '😀😁'.split('😁'), '😀,😁'.split(','), ' 😀 '.strip())
print(chr(0xd800) == '\ud800', len('\U00010000'), repr('\ud83d'), ascii('\udfff'))
for src in ['"😀"[1]', '"ab😀"[-1]', '"😀" * 3', 'len("😀" * 3)', '"😀".encode("utf-16")', '"€".encode("latin-1")', '"é".encode("latin-1")',
            '"é😀".encode("ascii", "replace")', '"é😀".encode("ascii", "ignore")', '"é😀".encode("ascii", "backslashreplace")', '"é😀".encode("ascii", "xmlcharrefreplace")',
            '"é😀".encode("ascii")', '"😀".encode("latin-1")', 'b"\\xf0\\x9f\\x98".decode("utf-8", "replace")',
            'b"\\xf0\\x9f\\x98\\x80\\xf0".decode("utf-8", "replace")', 'b"a\\xc3\\x28b".decode("utf-8", "replace")', 'b"\\xe0\\x80\\x80".decode("utf-8", "replace")',
            'b"\\xf8\\x88\\x80\\x80\\x80".decode("utf-8", "replace")', 'b"\\xff\\xfe".decode("utf-8", "ignore")', 'b"\\xc3".decode()', 'b"\\xe2\\x28\\xa1".decode()',
            'b"\\xf0\\x28\\x8c\\xbc".decode()', 'b"ok\\xf0\\x9f".decode()', '"\\u20ac" == "€"', 'str(b"\\xc3\\xa9", "utf-8")',
            'bytes("😀", "utf-8")', 'bytearray("😀", "utf-8")', '"ä".encode("utf8")', '"a\\u0300".isalpha()', '"\\u0300".isalpha()', '"Ⅻ".isnumeric()',
            '"Ⅻ".isdigit()', '"①".isdigit()', '"①".isdecimal()', '"½".isnumeric()', '"٣".isdecimal()', '"𝟘".isdecimal()', 'int("𝟙𝟚")', 'float("𝟙.𝟝")',
            '"ǈ".istitle()', '"ǈ".upper()', '"ǈ".lower()', '"ǈ".title()', '"ǈa".swapcase()', '"ﬀ".upper()', '"ﬀ".title()', '"ŉ".title()',
            '"ß".title()', '"ßa".capitalize()', '"ǅx".capitalize()', '"ΑΣ".title()', '"Σ".isupper()', '"ς".islower()', '"ͅ".upper()',
            '"i̇".upper()', '"ẞ".lower()', '"ẞ".casefold()', '"Straße".casefold() == "STRASSE".casefold()', '"ᏸ".upper()', '"Ᏸ".casefold()',
            '"\\U0001F600".isprintable()', '"\\U000E0001".isprintable()', '"\\u00ad".isprintable()', '"\\u0378".isprintable()', '"\\ue000".isprintable()',
            '"\\x1b[0m".isprintable()', '"é".isidentifier()', '"𝔘𝔫𝔦𝔠𝔬𝔡𝔢".isidentifier()', '"\\u2118x".isidentifier()',
            '"x\\u00b7".isidentifier()', '"1".isidentifier()', '"".isidentifier()', 'repr("\\x85\\u061c\\u2029\\ufeff\\U0001F92F")',
            'repr("\\u0600\\U000110BD\\U00016FE4")', 'ascii("\\x85")', 'ascii(b"\\x85")', 'ascii(1.5)', 'ascii({"é": "ü"})']:
    show(src)
# repr() and str methods across the whole code space (a sample of code points)
line = []
for cp in range(0, 0x110000, 1009):
    c = chr(cp)
    line.append(repr(c) + ('P' if c.isprintable() else '') + ('A' if c.isalpha() else '') + ('D' if c.isdigit() else '') + ('N' if c.isnumeric() else '') + ('S' if c.isspace() else ''))
    if len(line) == 16:
        print(' '.join(line))
        line = []
print(' '.join(line))
