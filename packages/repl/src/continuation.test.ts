// Cases from ../shared/conformance/cmdline/repl_cont.py (what MicroPython continues and what it runs)
// and the rules listed in protocols.md §2.1.
import { describe, expect, it } from 'vitest';
import { continueWithInput } from './continuation.js';

describe('continueWithInput', () => {
  it.each([
    ['', false],
    ['1 + 2', false],
    ['1 \\', true],
    ['print(', true],
    ['l = [1,', true],
    ["d = {1:'one',", true],
    ['print(1 + 2)', false],
    ['x = (1,\n2)', false],
    ["'''abc", true],
    ["'''abc\ndef'''", false],
    ['"""ABC', true],
    ['"""ABC\nDEF"""', false],
    ["'\"'", false],
    ['"\'"', false],
    ["'\\''", false],
    ['"\\""', false],
    ["'\\'('", false],
    ['"\\"("', false],
    ['print("\\"(")', false],
    ["print('\\'(')", false],
    ['print("\\\'(")', false],
    ["'(", false],
    ['")', false],
    ['def f(x):', true],
    ['def f(x):\n    print(x)', true],
    ['def f(x):\n    print(x)\n', false],
    ['if1=1', false],
    ['if1 = 2', false],
    ['if x:', true],
    ['while True:', true],
    ['for i in x:', true],
    ['try:', true],
    ['with a:', true],
    ['class A:', true],
    ['async def f():', true],
    ['@decorator', true],
    ['@decorator\n', false],
    ['iffy', false],
    ['classy = 1', false],
    ['x = 1 # if', false],
    ['print(")")', false],
    ['f(a, (b', true],
  ])('%j -> %s', (input, expected) => {
    expect(continueWithInput(input)).toBe(expected);
  });
});
