// uio: MicroPython's stream extensions (the CPython-compatible part is test/cpython/check_io.py).
import { describe, expect, it } from 'vitest';
import { lines } from './python.js';

describe('uio MicroPython extensions', () => {
  it('write(buf, len) and write(buf, off, len) write a slice of buf', () => {
    expect(lines([
      'import uio',
      'b = uio.BytesIO()',
      'print(b.write(b"foobar", 3), b.write(b"foobar", 2, 2), b.write(b"foobar", 4, 100), b.write(b"foobar", 100, 1), b.getvalue())',
      's = uio.StringIO()',
      'print(s.write("foobar", 3), s.write("foobar", 2, 2), s.getvalue())',
    ].join('\n'))).toEqual(["3 2 2 0 b'fooobar'", '3 2 fooob']);
  });

  it('readinto(buf, n) reads at most n bytes', () => {
    expect(lines('import uio\nb = uio.BytesIO(b"123456")\nbuf = bytearray(5)\nprint(b.readinto(buf, 2), bytes(buf), b.readinto(buf), bytes(buf))'))
      .toEqual(["2 b'12\\x00\\x00\\x00' 4 b'3456\\x00'"]);
  });

  it('a negative seek raises OSError(EINVAL) on both kinds (a consistent stream interface)', () => {
    expect(lines([
      'import uio, uerrno',
      'for f in (uio.BytesIO(b"abc"), uio.StringIO("abc")):',
      '    try:',
      '        f.seek(-10)',
      '    except OSError as e:',
      '        print(e.args[0] == uerrno.EINVAL)',
    ].join('\n'))).toEqual(['True', 'True']);
  });

  it('BytesIO(n) preallocates an empty buffer; FileIO and TextIOWrapper are the types of open() files', () => {
    expect(lines([
      'import uio',
      'print(uio.BytesIO(100).getvalue())',
      'with open("/f.txt", "w") as f: print(type(f) is uio.TextIOWrapper)',
      'with open("/f.txt", "rb") as f: print(type(f) is uio.FileIO)',
      'print(uio.open("/f.txt").read() == "")',
    ].join('\n'))).toEqual(["b''", 'True', 'True', 'True']);
  });

  it('sys.stdout may be replaced by a StringIO', () => {
    expect(lines([
      'import sys, uio',
      'old = sys.stdout',
      'sys.stdout = s = uio.StringIO()',
      'print("captured", 42)',
      'sys.stdout = old',
      'print(repr(s.getvalue()))',
    ].join('\n'))).toEqual(["'captured 42\\n'"]);
  });
});
