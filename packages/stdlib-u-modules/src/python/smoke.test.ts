import { expect, it } from 'vitest';
import { lines } from '../../test/python.js';
it('imports', () => {
  expect(lines('import binascii, hashlib, heapq, errno\nprint(binascii.hexlify(b"ab"), errno.ENOENT, errno.errorcode[2])\nh=[3,1,2]\nheapq.heapify(h)\nprint(h)\nprint(hashlib.sha256(b"abc").hexdigest())')).toEqual([]);
});
