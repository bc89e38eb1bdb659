import { describe, expect, it } from 'vitest';
import { autocomplete, formatCompletionList } from './completion.js';
import type { CompletionSource } from './completion.js';

const tree: Record<string, Record<string, Record<string, never>>> = {
  machine: { Pin: {}, PWM: {}, freq: {} },
  x: { isdigit: {}, isalpha: {}, isspace: {}, lower: {} },
  _hidden: {},
};

const source: CompletionSource = {
  names(path) {
    if (path.length === 0) return Object.keys(tree);
    if (path.length === 1 && Object.hasOwn(tree, path[0])) return Object.keys(tree[path[0]]);
    return null;
  },
  moduleNames: () => ['machine', 'math', 'os'],
};

describe('autocomplete', () => {
  it('completes a unique attribute', () => {
    expect(autocomplete('1, x.isdi', source)).toEqual({ kind: 'insert', text: 'git' });
  });
  it('inserts a shared prefix', () => {
    expect(autocomplete('x.is', source)).toEqual({ kind: 'list', words: ['isalpha', 'isdigit', 'isspace'] });
    expect(autocomplete('x.l', source)).toEqual({ kind: 'insert', text: 'ower' });
  });
  it('hides _names on an empty prefix only', () => {
    expect(autocomplete('', source)).toEqual({ kind: 'list', words: ['machine', 'x'] });
    expect(autocomplete('_', source)).toEqual({ kind: 'insert', text: 'hidden' });
  });
  it('fails quietly on unknown objects and empty path parts', () => {
    expect(autocomplete('not_exist.', source)).toEqual({ kind: 'none' });
    expect(autocomplete('not_exist', source)).toEqual({ kind: 'none' });
    expect(autocomplete('x..is', source)).toEqual({ kind: 'none' });
    expect(autocomplete('.is', source)).toEqual({ kind: 'none' });
  });
  it('does nothing when the word is already complete and unique', () => {
    expect(autocomplete('machine', source)).toEqual({ kind: 'none' });
  });
  it('completes towards "import " only for the first word of the line', () => {
    expect(autocomplete('i', source)).toEqual({ kind: 'insert', text: 'mport ' });
    expect(autocomplete('impor', source)).toEqual({ kind: 'insert', text: 't ' });
    expect(autocomplete('y = i', source)).toEqual({ kind: 'none' });
    expect(autocomplete('import', source)).toEqual({ kind: 'insert', text: ' ' });
  });
  it('offers module names after "import "', () => {
    expect(autocomplete('import o', source)).toEqual({ kind: 'insert', text: 's' });
    expect(autocomplete('import ma', source)).toEqual({ kind: 'list', words: ['machine', 'math'] });
  });
  it('takes the word after the last non-name character', () => {
    expect(autocomplete('print(mach', source)).toEqual({ kind: 'insert', text: 'ine' });
    expect(autocomplete('a=machine.P', source)).toEqual({ kind: 'list', words: ['PWM', 'Pin'] });
  });
});

describe('formatCompletionList', () => {
  it('lays words out in 16-column slots with at least two spaces between them', () => {
    expect(formatCompletionList(['public_attr', 'public_method', 'public_property'])).toBe(
      '\npublic_attr     public_method   public_property\n',
    );
    // a 15-character word leaves one column: the gap grows to a whole extra slot
    expect(formatCompletionList(['abcdefghijklmno', 'x', 'y'], '\r\n')).toBe(
      '\r\nabcdefghijklmno' + ' '.repeat(17) + 'x' + ' '.repeat(15) + 'y\r\n',
    );
  });
  it('starts a new line when a word would pass column 64', () => {
    const words = ['a'.repeat(20), 'b'.repeat(20), 'c'.repeat(20)];
    expect(formatCompletionList(words)).toBe(`\n${'a'.repeat(20)}${' '.repeat(12)}${'b'.repeat(20)}\n${'c'.repeat(20)}\n`);
  });
});
