// Compiled code (the @mpy-ts/bytecode marshal format written by `mpy-ts compile`): run as a program and
// imported as a module, by a VM whose compiler refuses to work, so nothing is compiled on the way.
import { serialize } from '@mpy-ts/bytecode';
import { compile } from '@mpy-ts/compiler';
import { describe, expect, it } from 'vitest';
import { createVM, isCompiled, MemoryFs, MemoryHost } from '../src/index.js';

function compiled(source: string, filename: string): Uint8Array {
  return serialize(compile(source, { filename, mode: 'exec' }));
}

function vmWith(files: Record<string, string | Uint8Array>) {
  const fs = new MemoryFs();
  for (const [p, c] of Object.entries(files)) fs.writeFile(p, c);
  const host = new MemoryHost({ fs, cwd: '/app' });
  const noCompiler = () => {
    throw new Error('the compiler must not be used');
  };
  return { host, vm: createVM({ host, compile: noCompiler, path: [''] }) };
}

describe('compiled code', () => {
  it('runs a compiled program file and imports compiled modules without the compiler', () => {
    const { host, vm } = vmWith({
      '/app/main.mpyc': compiled('import helper\nprint(helper.double(21), __name__)\n', 'main.py'),
      '/app/helper.mpyc': compiled('def double(x):\n    return 2 * x\n', 'helper.py'),
    });
    expect(vm.runFile('main.mpyc')).toBe(0);
    expect(host.output).toBe('42 __main__\n');
  });

  it('prefers helper.py over helper.mpyc, as MicroPython prefers .py over .mpy', () => {
    const fs = new MemoryFs();
    fs.writeFile('/app/helper.py', 'WHO = "source"\n');
    fs.writeFile('/app/helper.mpyc', compiled('WHO = "compiled"\n', 'helper.py'));
    const host = new MemoryHost({ fs, cwd: '/app' });
    const vm = createVM({ host, path: [''] });
    expect(vm.runMain('import helper\nprint(helper.WHO)\n')).toBe(0);
    expect(host.output).toBe('source\n');
  });

  it('keeps the source file name and line numbers in tracebacks', () => {
    const { host, vm } = vmWith({ '/app/bad.mpyc': compiled('x = 1\n\nraise ValueError("boom")\n', 'bad.py') });
    expect(vm.runFile('bad.mpyc')).toBe(1);
    expect(host.errors).toBe('Traceback (most recent call last):\n  File "bad.py", line 3, in <module>\nValueError: boom\n');
  });

  it('rejects a damaged file with ValueError, never a JavaScript error', () => {
    const good = compiled('print(1)\n', 'x.py');
    const bad = good.slice(0, good.length - 3);
    const importer = compiled('try:\n    import y\nexcept ValueError as e:\n    print("caught", str(e)[:6])\n', 'imp.py');
    const { host, vm } = vmWith({ '/app/x.mpyc': bad, '/app/y.mpyc': good.slice(0, 6), '/app/imp.mpyc': importer });
    expect(isCompiled(bad)).toBe(true);
    expect(vm.runFile('x.mpyc')).toBe(1);
    expect(host.errors).toMatch(/^ValueError: x\.mpyc: invalid compiled code: /m);
    expect(vm.runFile('imp.mpyc')).toBe(0);
    expect(host.output).toBe('caught y.mpyc\n');
  });

  it('lists its built-in modules', () => {
    const vm = createVM();
    const names = vm.builtinModuleNames();
    for (const name of ['builtins', 'sys', 'gc', 'micropython']) expect(names).toContain(name);
  });
});

describe('stdin and interrupts', () => {
  it('input() raises KeyboardInterrupt, not EOFError, when the host stops reading because of Ctrl-C', () => {
    const interrupt = new Int32Array(new SharedArrayBuffer(8));
    // what a terminal host does when Ctrl-C arrives while it waits for input: set the flag, return nothing
    const reader = () => {
      Atomics.or(interrupt, 0, 1);
      return new Uint8Array(0);
    };
    const host = new MemoryHost({ stdin: reader, interrupt });
    const vm = createVM({ host });
    const status = vm.runMain('try:\n    input()\nexcept KeyboardInterrupt:\n    print("interrupted")\nexcept EOFError:\n    print("eof")\n');
    expect(status).toBe(0);
    expect(host.output).toBe('interrupted\n');
  });

  it('input() raises EOFError at the end of input', () => {
    const host = new MemoryHost({ stdin: '' });
    const vm = createVM({ host });
    expect(vm.runMain('try:\n    input()\nexcept EOFError:\n    print("eof")\n')).toBe(0);
    expect(host.output).toBe('eof\n');
  });
});

describe('syntax errors', () => {
  it('print their location without a block name, as MicroPython does', () => {
    const host = new MemoryHost();
    const vm = createVM({ host });
    expect(vm.runMain('x = 1\ndef f(:\n    pass\n', '<stdin>')).toBe(1);
    expect(host.errors).toBe('Traceback (most recent call last):\n  File "<stdin>", line 2\nSyntaxError: invalid syntax\n');
  });
});

describe('tracebacks', () => {
  it('keep the ": " after an exception without arguments, as MicroPython (KeyboardInterrupt: )', () => {
    const host = new MemoryHost();
    const vm = createVM({ host });
    expect(vm.runMain('raise KeyboardInterrupt', '<stdin>')).toBe(1);
    expect(host.errors).toBe('Traceback (most recent call last):\n  File "<stdin>", line 1, in <module>\nKeyboardInterrupt: \n');
  });
});
