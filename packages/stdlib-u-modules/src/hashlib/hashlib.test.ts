import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HASH_NAMES, Hasher } from '../index.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('uhashlib against node:crypto', () => {
  const inputs = [Buffer.alloc(0), Buffer.from('123'), Buffer.from('abcd'.repeat(1000)), Buffer.alloc(64, 0xff), Buffer.alloc(56, 0xff), Buffer.alloc(55, 1), Buffer.alloc(200_000, 7)];
  for (const name of ['sha256', 'sha1', 'md5', 'sha224', 'sha384', 'sha512']) {
    it(`${name} digests like node:crypto, in one piece and in chunks`, () => {
      for (const data of inputs) {
        const h = Hasher.create(name)!;
        h.update(data);
        const want = createHash(name).update(data).digest('hex');
        expect(hex(h.digest())).toBe(want);
        expect(h.hexdigest()).toBe(want);
        const chunked = Hasher.create(name)!;
        for (let i = 0; i < data.length; i += 37) chunked.update(data.subarray(i, i + 37));
        expect(hex(chunked.digest())).toBe(want);
      }
    });
  }
  it('digest() may be repeated and updates may follow it (CPython)', () => {
    const h = Hasher.create('sha256')!;
    h.update(Buffer.from('123'));
    const first = hex(h.digest());
    expect(hex(h.digest())).toBe(first);
    h.update(Buffer.from('456'));
    expect(h.hexdigest()).toBe(createHash('sha256').update('123456').digest('hex'));
  });
  it('copy() forks the state', () => {
    const h = Hasher.create('md5')!;
    h.update(Buffer.from('a'));
    const c = h.copy();
    c.update(Buffer.from('b'));
    expect(h.hexdigest()).toBe(createHash('md5').update('a').digest('hex'));
    expect(c.hexdigest()).toBe(createHash('md5').update('ab').digest('hex'));
  });
  it('knows its sizes and names', () => {
    expect([Hasher.create('SHA256')!.digestSize, Hasher.create('sha1')!.digestSize, Hasher.create('md5')!.blockSize]).toEqual([32, 20, 64]);
    expect(Hasher.create('whirlpool')).toBeNull();
    expect(HASH_NAMES).toContain('sha256');
  });
  it('matches the conformance expectation (extmod/hashlib_sha1.py)', () => {
    const h = Hasher.create('sha1')!;
    h.update(Buffer.from('hello'));
    h.update(Buffer.from('world'));
    expect(hex(h.digest())).toBe(Buffer.from('j\xdf\xb1\x83\xa4\xa2\xc9J/\x92\xda\xb5\xad\xe7b\xa4x\x89\xa5\xa1', 'latin1').toString('hex'));
  });
});
