import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { charToCp437, cp437ToChar } from './cp437.js';
import { FatError } from './errors.js';
import { encodeLongName, makeShortName, numberedShortName, shortNameChecksum, shortNameToString, validateName } from './names.js';

const sfn = (name: string): string => String.fromCharCode(...makeShortName(name).bytes);

describe('short names', () => {
  test('plain 8.3 upper-case names need no long name', () => {
    const s = makeShortName('BOOT.PY');
    expect(sfn('BOOT.PY')).toBe('BOOT    PY ');
    expect(s.needsLfn).toBe(false);
    expect(s.lossy).toBe(false);
    expect(s.ntFlags).toBe(0);
  });

  test('all-lower-case parts use the NT flags instead of a long name', () => {
    expect(makeShortName('readme.txt')).toMatchObject({ needsLfn: false, lossy: false, ntFlags: 0x18 });
    expect(makeShortName('readme.TXT')).toMatchObject({ needsLfn: false, ntFlags: 0x08 });
    expect(makeShortName('README.txt')).toMatchObject({ needsLfn: false, ntFlags: 0x10 });
    expect(sfn('readme.txt')).toBe('README  TXT');
  });

  test('mixed case inside a part needs a long name, but no tail', () => {
    expect(makeShortName('ReadMe.txt')).toMatchObject({ needsLfn: true, lossy: false, ntFlags: 0 });
    expect(sfn('ReadMe.txt')).toBe('README  TXT');
  });

  test('names that do not fit are lossy', () => {
    for (const name of ['verylongname.txt', 'a.text', 'a+b.txt', 'two words', '.hidden', 'a.b.c', 'x[1]']) {
      expect(makeShortName(name).lossy, name).toBe(true);
      expect(makeShortName(name).needsLfn, name).toBe(true);
    }
    expect(sfn('verylongname.txt')).toBe('VERYLONGTXT');
    expect(sfn('a+b;c=d[1].txt')).toBe('A_B_C_D_TXT');
    expect(sfn('.hidden')).toBe('HIDDEN     ');
    expect(sfn('two words')).toBe('TWOWORDS   ');
    expect(sfn('archive.tar.gz')).toBe('ARCHIVETGZ ');
  });

  test('characters beyond ASCII become code page 437 upper case, or a bare letter (lossy)', () => {
    // é -> É (0x90 in code page 437); ï has no upper case there: I.
    expect(makeShortName('café')).toMatchObject({ needsLfn: true, lossy: false });
    expect(makeShortName('café').bytes[3]).toBe(0x90);
    expect(makeShortName('naïve').lossy).toBe(true);
    expect(sfn('naïve')).toBe('NAIVE      ');
    expect(sfn('名前.txt').startsWith('__')).toBe(true);
  });

  test('a leading 0xE5 byte is stored as 0x05', () => {
    // 'σ' is 0xE5 in code page 437; its upper case 'Σ' is 0xE4, so use a character that is 0xE5 itself.
    const b = charToCp437('σ'.charCodeAt(0));
    expect(b).toBe(0xe5);
    expect(shortNameToString(Uint8Array.from([0x05, 0x41, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20]), 0, 0)).toBe('σA');
  });

  test('numeric tails', () => {
    const base = makeShortName('Long File Name.txt').bytes;
    const tail = (n: number): string => String.fromCharCode(...numberedShortName(base, 'Long File Name.txt', n));
    expect(tail(1)).toBe('LONGFI~1TXT');
    expect(tail(5)).toBe('LONGFI~5TXT');
    const hashed = new Set<string>();
    for (let n = 6; n < 200; n++) {
      const t = tail(n);
      expect(t).toMatch(/^LO[0-9A-F]{4}~\dTXT$/);
      hashed.add(t);
    }
    expect(hashed.size).toBe(194);
    expect(String.fromCharCode(...numberedShortName(makeShortName('ab').bytes, 'ab', 1))).toBe('AB~1       ');
  });

  test('shown names apply the NT flags', () => {
    const s = makeShortName('readme.txt');
    expect(shortNameToString(s.bytes, 0, s.ntFlags)).toBe('readme.txt');
    expect(shortNameToString(s.bytes, 0, 0)).toBe('README.TXT');
    expect(shortNameToString(makeShortName('NOEXT').bytes, 0, 0)).toBe('NOEXT');
  });
});

describe('long names', () => {
  test('validation strips trailing dots and spaces and refuses forbidden characters', () => {
    expect(validateName('name. . ')).toBe('name');
    expect(validateName(' lead')).toBe(' lead');
    for (const bad of ['', '...', '   ', 'a:b', 'a*', 'q?', 'a<b', 'a>b', 'a|b', 'a"b', 'tab\there', 'x'.repeat(256)]) {
      expect(() => validateName(bad), bad).toThrow(FatError);
    }
    expect(validateName('x'.repeat(255))).toHaveLength(255);
  });

  test('the short-name checksum', () => {
    // Independent computation of the rotate-right-and-add checksum over the 11 bytes.
    const name = Uint8Array.from('FILENAMETXT', (c) => c.charCodeAt(0));
    let sum = 0;
    for (const b of name) sum = ((sum >> 1) | ((sum & 1) << 7)) + b;
    expect(shortNameChecksum(name)).toBe(sum & 0xff);
  });

  test('long-name entries: order, sequence numbers, padding', () => {
    const parts = encodeLongName('abcdefghijklmnopq', 0x5a); // 17 characters: two entries
    expect(parts).toHaveLength(2);
    expect(parts[0][0]).toBe(0x42); // last part first, with the 0x40 flag
    expect(parts[1][0]).toBe(0x01);
    for (const p of parts) {
      expect(p[11]).toBe(0x0f);
      expect(p[13]).toBe(0x5a);
      expect(p[26] | p[27]).toBe(0);
    }
    // Second part holds "nopq", then a 0x0000 terminator, then 0xFFFF padding.
    expect(String.fromCharCode(parts[0][1], parts[0][3], parts[0][5], parts[0][7])).toBe('nopq');
    expect(parts[0][9] | parts[0][10]).toBe(0);
    expect(parts[0][14]).toBe(0xff);
    expect(parts[0][31]).toBe(0xff);
  });
});

describe('code page 437', () => {
  const py = spawnSync('python3', ['-c', 'import sys; sys.stdout.write(bytes(range(128,256)).decode("cp437"))'], { encoding: 'utf8' });
  test.skipIf(py.status !== 0)('agrees with CPython for every byte', () => {
    const text = py.stdout;
    for (let b = 0x80; b < 0x100; b++) {
      expect(cp437ToChar(b), `byte 0x${b.toString(16)}`).toBe(text[b - 0x80]);
      expect(charToCp437(text.charCodeAt(b - 0x80))).toBe(b);
    }
  });
});
