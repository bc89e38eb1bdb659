// uerrno: the codes and the read-only errorcode table (MicroPython's ROM dict, basics/dict_fixed.py).
import { describe, expect, it } from 'vitest';
import { run } from './python.js';

describe('uerrno', () => {
  it('maps codes to names in errorcode, a dict that cannot be changed', () => {
    const src = [
      'import uerrno, errno',
      'ec = uerrno.errorcode',
      'print(type(ec) is dict, ec[uerrno.ENOENT], errno.errorcode is ec, len(ec) > 10)',
      'before = ec.copy()',
      'for f in (lambda: ec.popitem(), lambda: ec.pop(uerrno.EIO), lambda: ec.setdefault(0, 0), lambda: ec.update([(1, 2)]),',
      '          lambda: ec.__setitem__(1, "x"), lambda: ec.__delitem__(uerrno.EIO), lambda: ec.clear()):',
      '    try:',
      '        f()',
      '        print("changed")',
      '    except TypeError:',
      '        print("TypeError")',
      'print(ec == before, ec.get(uerrno.EIO), uerrno.EIO in ec)',
      'c = ec.copy()',
      'c[1] = "x"',
      'print(c[1])',
    ].join('\n');
    expect(run(src).out).toBe('True ENOENT True True\n' + 'TypeError\n'.repeat(7) + 'True EIO True\nx\n');
  });
});
