#!/usr/bin/env python3
"""Regenerate test/fixtures/re-cpython.json: what CPython's `re` does for a table of patterns.

Run by hand (python3 scripts/gen-re-oracle.py > test/fixtures/re-cpython.json); the output is committed
and the unit tests compare our engine against it. Patterns whose quantified part can match the empty
string are left out on purpose: MicroPython (and so mpy-ts) reports those as RuntimeError when the loop
spins without consuming input, where CPython stops the loop.
"""
import json
import random
import re
import sys

HAND = [
    # (pattern, flags, [subjects])
    (r"abc", 0, ["abc", "xabcx", "ab", ""]),
    (r".+", 0, ["abc", "", "a\nb"]),
    (r"(.+)1", 0, ["xyz781", "1", "11"]),
    (r"[a-cu-z]", 0, ["a", "z", "d", "A"]),
    (r"[^a-cu-z]", 0, ["a", "z", "d", "A"]),
    (r"[-a]+", 0, ["-a]d"]),
    (r"[a-]+", 0, ["-a]d"]),
    (r"o+", 0, ["foobar"]),
    (r"a+?", 0, ["ab", "aaa"]),
    (r"a*?", 0, ["ab"]),
    (r"a??b", 0, ["ab", "b"]),
    (r"^ab$", 0, ["ab", "ab\n", "abc"]),
    (r"a|b|c", 0, ["c", "xb"]),
    (r"^b|b$", 0, ["abc", "ab", "b"]),
    (r"a\.c", 0, ["a.c", "abc"]),
    (r"[a\-z]", 0, ["abc", "-", "f"]),
    (r"[.\]]*", 0, [".].]a"]),
    (r"[.\]+]*", 0, [".]+.]a"]),
    (r"[a-f0-9x\-yz]*", 0, ["abxcd1-23"]),
    (r"[a\\b]*", 0, ["a\\aa\\bb\\bbab"]),
    (r"[a\]z]", 0, ["a", "]"]),
    (r"(([0-9]*)([a-z]*)[0-9]*)", 0, ["1234hello567"]),
    (r"([0-9]*)(([a-z]*)([0-9]*))", 0, ["1234hello567"]),
    (r"(a)?b(c)", 0, ["abc", "bc"]),
    (r"(a|b)*c", 0, ["ababc", "c", "abab"]),
    (r"(a+|b+)+c", 0, ["aabbc", "abab"]),
    (r"\d+", 0, ["10 20", "abc", "x123y", "\u0663\u0664"]),
    (r"\D+", 0, ["10 20", "abc"]),
    (r"\w+", 0, ["hello world", "_x9", "\u00e9t\u00e9", "--"]),
    (r"\W+", 0, ["hello, world", "abc"]),
    (r"\s+", 0, ["a \t\n\r\x0b\x0cb", "ab", "a\u2003b", "a\x1cb", "a\x85b"]),
    (r"\S+", 0, ["  ab  "]),
    (r"[\d\s]+", 0, ["12 34x"]),
    (r"[^\d\s]+", 0, ["12 ab34x"]),
    (r"[\w-]+", 0, ["foo-bar baz"]),
    (r"\bfoo\b", 0, ["foo", "a foo b", "foobar", "xfoo"]),
    (r"\Bfoo", 0, ["xfoo", "foo"]),
    (r"\Aabc", 0, ["abc", "xabc"]),
    (r"abc\Z", 0, ["abc", "abc\n"]),
    (r"abc$", 0, ["abc", "abc\n", "abc\n\n"]),
    (r"^abc", re.M, ["x\nabc", "abc"]),
    (r"abc$", re.M, ["abc\nx", "abcx"]),
    (r"a.c", 0, ["a\nc", "abc"]),
    (r"a.c", re.S, ["a\nc"]),
    (r"abc", re.I, ["ABC", "aBc", "abd"]),
    (r"[a-c]+", re.I, ["ABCabcD"]),
    (r"[^a-c]+", re.I, ["xyzABC"]),
    (r"(?i)hello", 0, ["HeLLo"]),
    (r"(?i:a)b", 0, ["Ab", "AB"]),
    (r"a{3}", 0, ["aaaa", "aa"]),
    (r"a{2,}", 0, ["a", "aaaaa"]),
    (r"a{,2}", 0, ["aaa", ""]),
    (r"a{1,3}?", 0, ["aaa"]),
    (r"(ab){2,3}", 0, ["abababab", "ab"]),
    (r"(ab){2,3}?", 0, ["abababab"]),
    (r"x{2}y{0}z", 0, ["xxz"]),
    (r"a{", 0, ["a{", "a"]),
    (r"a{1", 0, ["a{1"]),
    (r"a{x}", 0, ["a{x}"]),
    (r"{", 0, ["{"]),
    (r"a{,}", 0, ["aaa"]),
    (r"(?:ab)+", 0, ["ababx"]),
    (r"(?:a|b)(c)", 0, ["bc"]),
    (r"(?P<first>\w+) (?P<last>\w+)", 0, ["Jane Doe"]),
    (r"(?P<q>['\"]).*?(?P=q)", 0, ["say 'hi' \"there\""]),
    (r"(a)\1", 0, ["aa", "ab"]),
    (r"(a)(b)?\2", 0, ["ab", "abb", "a"]),
    (r"(a)(?i:\1)", 0, ["aA"]),
    (r"foo(?=bar)", 0, ["foobar", "foobaz"]),
    (r"foo(?!bar)", 0, ["foobar", "foobaz"]),
    (r"(?<=a)b", 0, ["ab", "cb"]),
    (r"(?<!a)b", 0, ["ab", "cb"]),
    (r"(?<=(a))b", 0, ["ab"]),
    (r"(?=(a+))a*b", 0, ["aaab"]),
    (r"\x41\u00e9\n\t\\", 0, ["A\u00e9\n\t\\"]),
    (r"\101\0", 0, ["A\x00"]),
    (r"[\x41-\x43]+", 0, ["ABCD"]),
    (r"[\n]", 0, ["\n"]),
    (r"[\b]", 0, ["\b"]),
    (r"a#b", 0, ["a#b"]),
    (r"a b # comment", re.X, ["ab"]),
    (r"(?#comment)ab", 0, ["ab"]),
    (r"[]a]", 0, ["]", "a"]),
    (r"[^]a]", 0, ["]", "b"]),
    (r"[a-a]", 0, ["a"]),
    (r"\u00e9+", re.I, ["\u00c9\u00e9"]),
    (r"(a|ab)(c|bcd)(d*)", 0, ["abcd"]),
    (r"((a)|b)+", 0, ["ab", "ba"]),
    (r"(a|(b))*", 0, ["ba"]),
    (r".*b", 0, ["aaabaab"]),
    (r".*?b", 0, ["aaabaab"]),
    (r"[^\n]*", 0, ["abc\ndef"]),
    (r"\$\^\*", 0, ["$^*"]),
    (r"caf\u00e9", 0, ["le caf\u00e9"]),
    (r"\w\b", re.A, ["\u00e9a "]),
    (r"\d", re.A, ["\u0663 1"]),
    # errors
    (r"?", 0, []), (r"*", 0, []), (r"+", 0, []), (r")", 0, []), (r"[", 0, []), (r"([", 0, []),
    (r"([)", 0, []), (r"[a\]", 0, []), (r"a**", 0, []), (r"a*+", 0, []), (r"(", 0, []), (r"(?P<a>x)(?P<a>y)", 0, []),
    (r"\1", 0, []), (r"(a\1)", 0, []), (r"[z-a]", 0, []), (r"\q", 0, []), (r"\x4", 0, []), (r"a{3,2}", 0, []),
    (r"(?<=a+)b", 0, []), (r"(?P=x)", 0, []), (r"^*", 0, []), (r"\b+", 0, []), (r"x{", 0, []), (r"a)", 0, []),
    (r"(?z)", 0, []), (r"a|*", 0, []), (r"[\d-z]", 0, []),
]


def run(p, flags, s):
    out = {}
    for mode in ("match", "search", "fullmatch"):
        m = getattr(re.compile(p, flags), mode)(s)
        out[mode] = None if m is None else [list(m.span(i)) for i in range(len(m.groups()) + 1)]
    return out


def nullable_repeat_free(p):
    """Reject patterns where a quantifier applies to something that can match empty."""
    try:
        from re import _parser as sre_parse
    except ImportError:  # pragma: no cover
        import sre_parse
    tree = sre_parse.parse(p)

    def walk(items):
        for op, av in items:
            name = str(op)
            if name in ("MAX_REPEAT", "MIN_REPEAT"):
                lo, hi = av[0], av[1]
                sub = sre_parse.SubPattern(tree.state, list(av[2]))
                if hi > 1 and sub.getwidth()[0] == 0:
                    return False
                if not walk(av[2]):
                    return False
            elif name == "SUBPATTERN":
                if not walk(av[-1]):
                    return False
            elif name == "BRANCH":
                for b in av[1]:
                    if not walk(b):
                        return False
    
        return True

    return walk(tree)


def rand_pattern(rng, depth=0):
    atoms = ["a", "b", "c", ".", "[ab]", "[^a]", r"\d", r"\w", "x"]
    n = rng.randint(1, 4)
    out = ""
    for _ in range(n):
        r = rng.random()
        if r < 0.2 and depth < 2:
            a = "(" + rand_pattern(rng, depth + 1) + ")"
        elif r < 0.3 and depth < 2:
            a = "(?:" + rand_pattern(rng, depth + 1) + "|" + rand_pattern(rng, depth + 1) + ")"
        else:
            a = rng.choice(atoms)
        q = rng.choice(["", "", "", "*", "+", "?", "*?", "+?", "??", "{1,2}", "{2}", "{0,2}?"])
        out += a + q
    if rng.random() < 0.1:
        out = "^" + out
    if rng.random() < 0.1:
        out += "$"
    return out


cases = []
for p, flags, subjects in HAND:
    try:
        re.compile(p, flags)
    except re.error as e:
        cases.append({"p": p, "f": flags, "error": str(e).split(" at position")[0]})
        continue
    for s in subjects:
        cases.append({"p": p, "f": flags, "s": s, **run(p, flags, s)})

rng = random.Random(1234)
seen = set()
while len(seen) < 400:
    p = rand_pattern(rng)
    if p in seen or not nullable_repeat_free(p):
        continue
    seen.add(p)
    for _ in range(3):
        s = "".join(rng.choice("abcx1 ") for _ in range(rng.randint(0, 8)))
        cases.append({"p": p, "f": 0, "s": s, "random": True, **run(p, 0, s)})

json.dump({"python": sys.version.split()[0], "cases": cases}, sys.stdout, ensure_ascii=True, indent=0)
sys.stdout.write("\n")
