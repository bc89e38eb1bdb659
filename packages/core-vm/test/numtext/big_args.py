# huge int arguments (indices, widths, repeat counts, * widths) and the utf-8-sig codec: CPython's errors
from _check import show
for src in ["'abc'[2**70]", "'abc'[2**62]", "'abc'[-2**70]", "[1][2**70]", "[1][2**62]", "(1,)[2**70]", "b'a'[2**70]",
            "bytearray(b'a')[2**70]", "memoryview(b'a')[2**70]", "memoryview(b'a')[-2**62]", "range(3)[2**70]",
            "'a' * 2**70", "[1] * 2**70", "b'a' * 2**62", "(1,) * 2**62", "bytes(2**62)", "bytes(2**70)", "bytearray(2**70)",
            "[1].pop(2**70)", "[1].pop(2**62)", "[1].pop(-2**70)", "[1].insert(2**70, 1)", "'a'.center(2**70)", "'a'.center(-2**40)",
            "'a'.rjust(-2**70)", "'a'.ljust(2**62)", "'a'.zfill(2**70)", "'a'.zfill(-2**40)", "b'a'.center(2**70)", "b'a'.zfill(2**40)",
            "'a\\tb'.expandtabs(2**70)", "'a\\tb'.expandtabs(-2**40)", "b'a\\tb'.expandtabs(2**31)", "'a%*d' % (2**70, 1)",
            "'%.*f' % (2**70, 1.0)", "'%.*f' % (2**31, 1.0)", "'%.*s' % (-2**40, 'a')", "b'%*d' % (2**70, 1)", "'{:.{}f}'.format(1.0, 2**70)",
            "'{:{}}'.format(1, 2**70)",
            "'abc'.encode('utf-8-sig')", "'é'.encode('UTF-8-SIG')", "'é'.encode('utf_8_sig')", "b'\\xef\\xbb\\xbfa\\xef\\xbb\\xbf'.decode('utf-8-sig')",
            "b'\\xef\\xbb'.decode('utf-8-sig', 'replace')", "b'\\xef\\xbb\\xbf\\xff'.decode('utf-8-sig')", "b'\\xff'.decode('utf-8-sig')",
            "'\\udc80'.encode('utf-8-sig', 'surrogateescape')", "'\\udc80'.encode('utf-8-sig')", "str(b'\\xef\\xbb\\xbfx', 'utf-8-sig')",
            "'x'.encode('utf8-sig')"]:
    show(src)
