# ure, spec 4.1.14, plus what current MicroPython and CPython's re add. (split() with groups or with
# empty matches is MicroPython-specific and tested elsewhere.)
import re

# Supported operators: . [...] [^...] ^ $ ? * + ?? *? +? | (...)
for pat, s in (('.', 'a'), ('a.c', 'abc'), ('[abc]+', 'xcabz'), ('[^abc]+', 'abxyzc'), ('[a-cx-z]+', 'mbxq'), ('^ab', 'abab'),
               ('ab$', 'abab'), ('colou?r', 'color colour'), ('ab*', 'abbbc'), ('ab+', 'ac abbc'), ('a??b', 'ab'),
               ('<.*?>', '<a><b>'), ('a+?', 'aaa'), ('cat|dog', 'hotdog'), ('(ab)+', 'ababx'), ('(a|b)*c', 'abbac'),
               # beyond the spec: counted repetitions, classes, assertions, non-capturing and named groups
               ('a{2}', 'aaaa'), ('a{2,}', 'aaaaa'), ('a{,2}', 'aaa'), ('a{1,3}?', 'aaaa'), (r'\d+', 'ab123c'),
               (r'\w+', '  hello_1 '), (r'\s+', 'a \t\nb'), (r'\D+', '12ab34'), (r'\W+', 'ab, cd'), (r'\S+', '  xy  '),
               (r'\bfoo\b', 'a foo b'), (r'\Bfoo', 'afoo'), ('(?:ab)+c', 'ababc'), (r'(?P<year>\d{4})-(?P<m>\d\d)', 'on 2024-05'),
               (r'(\w)\1', 'abccd'), ('(?i)hello', 'HeLLo'), (r'\A\w', 'x y'), (r'\w\Z', 'x y'), ('a(?=b)', 'acab'),
               ('a(?!b)', 'abac'), ('(?<=x)y', 'ayxy'), ('[\\]]+', ']]x'), (r'\.\*\+', 'a.*+'), ('é+', 'café'),
               (r'[\d.]+', 'v1.2.3'), ('x*', 'abc'), ('', 'abc')):
    m = re.search(pat, s)
    print(repr(pat), m is not None and (m.group(0), m.span(), m.groups()))

# compile(regex_str[, flags]), regex.match/search, match.group([index])
r = re.compile('(a+)(b*)')
m = r.match('aabbbc')
print(m.group(), m.group(0), m.group(1), m.group(2), m.group(1, 2), m.groups(), m.span(2), m.start(1), m.end(1))
print(r.match('xab'), r.search('xab').group(), r.match('xab', 1).group(), r.search('aab', 0, 2).group(), r.fullmatch('aab').span())
print(r.pattern, r.groups, r.flags == re.compile('x').flags, r.match('aab').string, r.match('aab').re is r)
m = re.match('(a)(b)?', 'ac')
print(m.groups(), m.groups('dflt'), m.group(2), m.span(2), m.lastindex, m[0], m[1])
m = re.match(r'(?P<first>\w+) (?P<last>\w+)', 'Jane Doe')
print(m.group('first'), m['last'], m.groupdict(), r.groupindex, re.compile('(?P<x>a)').groupindex)
for g in (3, -1, 'nope'):
    try:
        re.match('(a)', 'a').group(g)
    except IndexError:
        print('IndexError', g)

# flags
print(re.match('abc', 'ABC', re.I).group(), re.search('^b', 'a\nb', re.M).group(), re.match('a.b', 'a\nb', re.S).group())
print(re.match(r'a b # comment', 'ab', re.X).group(), re.match(r'\w+', 'é1', re.A), re.match(r'\w+', 'é1').group())
print(re.IGNORECASE == re.I, re.MULTILINE == re.M, re.DOTALL == re.S)

# module functions take str, bytes or a compiled regex
print(re.match(b'a+', b'aab').group(), re.search(re.compile('b'), 'abc').group(), re.fullmatch('a*', 'aaa').group())
for a, b in (('a', b'a'), (b'a', 'a')):
    try:
        re.match(a, b)
    except TypeError:
        print('TypeError')
try:
    re.match(123, 'a')
except TypeError:
    print('TypeError')

# split(string, max_split=-1)
print(re.split(',', 'a,b,,c'), re.split(r'\s+', 'a b  c'), re.split(',', 'a,b,c', 1), re.compile(';').split('x;y;z', maxsplit=1))
print(re.split('x', ''), re.split(',', 'abc'), re.split(b'-', b'a-b'))

# sub, subn
print(re.sub(r'\d+', '#', 'a1b22c333'), re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'me@home you@work'))
print(re.sub('a', 'b', 'aaa', 2), re.sub('a', 'b', 'aaa', count=1), re.subn('o', '0', 'foo boo'))
print(re.sub(r'(?P<n>\d)', r'<\g<n>\g<0>\g<1>>', 'a1b2'), re.sub('x', lambda m: m.group().upper() * 2, 'axbx'))
print(re.sub('x*', '-', 'abc'), re.sub('', '.', 'ab'), re.sub('(a)|b', r'[\1]', 'ab'), re.sub(b'a', b'\\\\', b'cat'))
print(re.sub('a', '\\n\\t', 'a'), repr(re.sub('b', r'\\', 'abc')))
for tpl in (r'\2', r'\g<x>', '\\', r'\q'):
    try:
        re.sub('(a)', tpl, 'a')
    except (re.error, IndexError) as e:
        print(type(e).__name__, tpl)

# findall, finditer, escape
print(re.findall(r'\d+', 'a1b22c333'), re.findall(r'(\w)(\d)', 'a1 b2 c'), re.findall('(a)', 'aa'), re.findall('x*', 'ab'))
print([m.span() for m in re.finditer(r'\w+', 'ab cd  ef')], re.escape('a.b*c?'), re.escape(b'1+1'))

# errors: re.error
for pat in ('(', ')', '[a', 'a**', '*', 'a{2,1}', '(?P<1>a)', '(?<=a*)b', r'\1(a)', '[z-a]'):
    try:
        re.compile(pat)
        print('no error', pat)
    except re.error as e:
        print('error', repr(pat), e)

# match objects: repr, truth
print(re.match('ab', 'abc'), bool(re.match('', 'x')), re.compile('a+b'), re.compile(b'x', re.I))
