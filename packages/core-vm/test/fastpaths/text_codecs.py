# str.title and the utf-8 codec fast paths (long, well-formed text) against the exact paths
for s in ['', 'a', 'hello world', 'HELLO wORLD', "they're bill's friends", 'naïve café 😀 déjà vu', 'ΣΑΣ σας', 'ǆemal ǅ', 'ﬁne ﬂow', 'x\u0345y', 'ß straße', '1a 2B _c', 'Ａｂｃ ｄ', 'ⅰⅱ ⓐⓑ', '\U00010428\U00010429 x']:
    print(repr(s.title()), s.title() == s)
s = 'naïve café 😀 déjà vu ' * 20
print(s.replace('é', 'e').title()[:60], len(s.title()))
b = (s * 3).encode()
print(len(b), b.decode() == s * 3, b[:40])
print(bytes(range(256)).decode('latin-1').encode()[:10], ('\ufeffabc' * 20).encode()[:8], (b'\xef\xbb\xbf' + b'x' * 40).decode()[:3])
try:
    (b'a' * 40 + b'\xff').decode()
except UnicodeDecodeError as e:
    print(e)
try:
    ('a' * 40 + '\ud800').encode()
except UnicodeEncodeError as e:
    print(e)
print(('a' * 40 + '\ud800').encode('utf-8', 'surrogatepass')[-3:], (b'a' * 40 + b'\xed\xa0\x80').decode('utf-8', 'surrogatepass')[-1] == '\ud800')
print((b'a' * 40 + b'\xff').decode('utf-8', 'replace')[-2:], (b'a' * 40 + b'\xff').decode('utf-8', 'ignore')[-2:])
