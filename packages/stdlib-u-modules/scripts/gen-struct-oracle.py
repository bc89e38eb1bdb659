#!/usr/bin/env python3
"""Regenerate test/fixtures/struct-cpython.json: what CPython's struct does for a table of formats.

Run by hand (python3 scripts/gen-struct-oracle.py > test/fixtures/struct-cpython.json). Values are
encoded as {"i": "123"} (int), {"f": "<repr>"} (float), {"b": "hex"} (bytes), {"t": true} (bool),
{"s": "text"} (str), {"n": null} (None), {"l": [...]} (list). Native-mode formats that use l/L/n/N/P are left out because
CPython here is 64-bit and our native model is the 32-bit ESP8266.
"""
import json
import math
import random
import struct
import sys


def enc(v):
    if isinstance(v, bool):
        return {"t": v}
    if isinstance(v, int):
        return {"i": str(v)}
    if isinstance(v, float):
        return {"f": repr(v)}
    if isinstance(v, (bytes, bytearray)):
        return {"b": bytes(v).hex()}
    if isinstance(v, str):
        return {"s": v}
    if v is None:
        return {"n": None}
    if isinstance(v, list):
        return {"l": [enc(x) for x in v]}
    raise TypeError(v)


def err(e):
    return {"error": type(e).__name__, "msg": str(e)}


cases = []


def pack_case(fmt, *args):
    c = {"op": "pack", "fmt": fmt, "args": [enc(a) for a in args]}
    try:
        c["out"] = struct.pack(fmt, *args).hex()
        c["size"] = struct.calcsize(fmt)
        c["back"] = [enc(v) for v in struct.unpack(fmt, struct.pack(fmt, *args))]
    except Exception as e:  # noqa: BLE001
        c.update(err(e))
    cases.append(c)


def unpack_case(fmt, data, offset=None):
    c = {"op": "unpack" if offset is None else "unpack_from", "fmt": fmt, "data": data.hex()}
    if offset is not None:
        c["offset"] = offset
    try:
        r = struct.unpack(fmt, data) if offset is None else struct.unpack_from(fmt, data, offset)
        c["out"] = [enc(v) for v in r]
    except Exception as e:  # noqa: BLE001
        c.update(err(e))
    cases.append(c)


def pack_into_case(fmt, size, offset, *args):
    c = {"op": "pack_into", "fmt": fmt, "size": size, "offset": offset, "args": [enc(a) for a in args]}
    buf = bytearray(b"\xaa" * size)
    try:
        struct.pack_into(fmt, buf, offset, *args)
        c["out"] = buf.hex()
    except Exception as e:  # noqa: BLE001
        c.update(err(e))
    cases.append(c)


def calcsize_case(fmt):
    c = {"op": "calcsize", "fmt": fmt}
    try:
        c["out"] = struct.calcsize(fmt)
    except Exception as e:  # noqa: BLE001
        c.update(err(e))
    cases.append(c)


INT_CODES = "bBhHiIlLqQ"
rng = random.Random(42)
for prefix in "<>=!@":
    for code in INT_CODES:
        if prefix == "@" and code in "lL":
            continue
        size = struct.calcsize(prefix + code)
        bits = size * 8
        signed = code.islower()
        lo, hi = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)
        for v in (0, 1, -1, lo, hi, lo - 1, hi + 1, rng.randint(lo, hi), rng.randint(lo, hi), (1 << 70), -(1 << 70)):
            pack_case(prefix + code, v)
        pack_case(prefix + code, 1.5)
        pack_case(prefix + code, "x")
        pack_case(prefix + code, True)
    for code in "efd":
        for v in (0.0, -0.0, 1.0, -2.5, 0.1, 1e-5, 6e-8, 65504.0, 65520.0, 3.4e38, 3.5e38, 1e300, math.inf, -math.inf, 1, 2**60, 1e-40, 5e-324):
            pack_case(prefix + code, v)
        pack_case(prefix + code, "1.0")
        unpack_case(prefix + code, bytes(struct.calcsize(prefix + code)))
    pack_case(prefix + "e", math.nan)
    for v in (b"", b"a", b"abcdef", bytearray(b"xy"), "str"):
        pack_case(prefix + "5s", v)
        pack_case(prefix + "5p", v)
        pack_case(prefix + "0s", v)
        pack_case(prefix + "1p", v)
    for v in (b"a", b"", b"ab", "a", 65):
        pack_case(prefix + "c", v)
    for v in (0, 1, 2, [], [0], None, "", "a", 0.0):
        pack_case(prefix + "?", v)
    pack_case(prefix + "2x")

# Alignment in native mode and mixed formats
for fmt, args in [
    ("@bI", (1, 2)), ("@bH", (1, 2)), ("@bq", (1, 2)), ("@bd", (1, 2.0)), ("@bf", (1, 2.0)), ("@be", (1, 2.0)),
    ("@cH", (b"a", 2)), ("@3sI", (b"ab", 7)), ("@?h", (True, 7)), ("@hbi", (1, 2, 3)), ("@xxi", (5,)),
    ("<bI", (-128, 256)), (">bI", (-128, 256)), ("BHBI", (10, 100, 200, 300)), ("<3B2h", (1, 2, 3, 4, 5)),
    (">bxI3xH", (1, 2, 3)), ("<0s1s0H2H", (b"abc", b"abc", 258, 515)), ("!i", (123,)), ("< b 2h", (1, 2, 3)),
    ("bb", (1,)), ("bb", (1, 2, 3)), ("", ()), ("z", (1,)), ("1", ()), ("<P", (1,)), ("=n", (1,)), ("@2P", (1, 2)),
    ("@n", (-5,)), ("@N", (5,)), ("@P", (2**32 - 1,)), ("@P", (2**32,)),
]:
    if fmt.startswith("@") and any(c in fmt for c in "nNP"):
        # our native pointers are 32-bit: keep only formats that agree, record the calcsize separately
        pass
    pack_case(fmt, *args)

for fmt in ["", "b", "@bI", "<bI", "100sI", "97sI", "7xx", ">bxI3xH", "0s", "2H", "0s1s0H2H", "1", "0z", "z", "@bq", "@qb", "3e", "@?e", "@ci", "2p", "@5pI", " i ", "i i"]:
    calcsize_case(fmt)

for fmt, data in [("<bI", b"\x80\0\0\x01\0"), (">bI", b"\x80\0\0\x01\0"), ("<6sH", b"foo\0\0\0\x12\x34"), ("I", b"\0\0\0"),
                  ("<3B2h", b"foo\x12\x34\xff\xff"), ("0s", b""), ("2s", b"12"), ("<2H", b"1234"), ("2H", b"\0\0"),
                  ("<Q", bytes.fromhex("1234567890123456")), (">q", bytes.fromhex("f234567890123456")), ("<I", b"\xff" * 4),
                  ("<q", b"\xff" * 7 + b"\x7f"), ("5p", b"\x03abcd"), ("5p", b"\x09abcd"), ("0p", b""), ("?", b"\x02"), ("c", b"z"),
                  ("<e", b"\x00\x7c"), ("<e", b"\x01\x00"), ("<e", b"\x00\x7e"), ("<d", struct.pack("<d", 0.1)), ("<f", struct.pack("<f", 0.1)),
                  ("<i", b"\xff\xff\xff\x7f"), ("3x", b"abc")]:
    unpack_case(fmt, data)

buf = b"0123456789"
for off in (0, 4, -4, 9, 10, -1, -10, -11, 11):
    unpack_case("<b", buf, off)
    unpack_case("<h", buf, off)
for size, off, fmt, args in [(9, 3, "<bbb", (0x41, 0x42, 0x43)), (9, -6, "<bbb", (0x44, 0x45, 0x46)), (1, 0, "I", (0,)),
                             (9, 7, "<bbb", (1, 2, 3)), (9, -10, "<bbb", (1, 2, 3)), (9, -2, "<bbb", (1, 2, 3)), (4, 0, "2I", (0,)),
                             (12, 1, "<i", (0x30313233,)), (12, 3, "<ii", (0x34353637, 0x41424344)), (4, 0, "1", ("xx",))]:
    pack_into_case(fmt, size, off, *args)

json.dump({"python": sys.version.split()[0], "cases": cases}, sys.stdout, indent=0)
sys.stdout.write("\n")
