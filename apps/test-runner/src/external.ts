// The `--cmd "<command> {file}"` executor: runs any interpreter as a child process, as run-tests.py runs
// `micropython`. The command is a shell command line; `{file}` becomes the test program and `{args}` the
// `# cmdline:` words of a `cmdline/` test (placed just before `{file}` when the template has no `{args}`).
import { spawn, spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { RawRun } from './compare.js';
import { cmdlineArgs } from './discover.js';
import { TEST_ENV, replInput } from './executor.js';
import type { Executor } from './executor.js';

export interface ExternalOptions {
  /** Extra environment variables for every test. */
  env?: Record<string, string>;
  /** REPL tests: how long the output must stay quiet before the next line is typed (default 100 ms). */
  replQuietMs?: number;
}

/** Quotes one word for a POSIX shell. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The shell command line for one test program (`file` may be `null` for a REPL: no program argument). */
export function commandLine(template: string, file: string | null, args: readonly string[]): string {
  const quotedArgs = args.map(shellQuote).join(' ');
  const fileWord = file === null ? '' : shellQuote(file);
  let command = template;
  if (!command.includes('{file}')) command += ' {file}';
  if (!command.includes('{args}')) command = command.replace('{file}', '{args} {file}');
  return command.replaceAll('{args}', quotedArgs).replaceAll('{file}', fileWord).replace(/\s+/g, ' ').trim();
}

export function externalExecutor(template: string, options: ExternalOptions = {}): Executor {
  const env = { ...process.env, ...TEST_ENV, ...options.env };
  const quietMs = options.replQuietMs ?? 100;
  let hasScript: boolean | undefined;
  return {
    description: `command: ${template}`,
    async run(test, timeoutMs) {
      const args = test.cmdline ? cmdlineArgs(await readFile(test.file, 'latin1')) : [];
      if (test.repl) {
        hasScript ??= spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
        if (!hasScript) return { skip: 'REPL tests need `script` (util-linux) for a pseudo-terminal' };
        const input = replInput(await readFile(test.file));
        return runInPty(commandLine(template, null, args), test.cwd, env, input, timeoutMs, quietMs);
      }
      // Normal tests get the absolute path; cmdline/ tests the path relative to the corpus root (their cwd).
      const file = test.cmdline ? test.path : test.file;
      return runCommand(commandLine(template, file, args), test.cwd, env, timeoutMs);
    },
    close: () => Promise.resolve(),
  };
}

/** Runs a shell command with stdout and stderr merged into one ordered stream. */
function runCommand(command: string, cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<RawRun> {
  return new Promise((resolvePromise) => {
    // One pipe for both streams keeps their order; a process group lets a timeout kill grandchildren too.
    const child = spawn('/bin/sh', ['-c', `{ ${command}\n} 2>&1`], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const chunks: Buffer[] = [];
    let timedOut = false;
    // Only the shell's own complaints (a syntax error in the template) arrive here.
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', (error) => {
      chunks.push(Buffer.from(`mpy-test: could not run ${command}: ${error.message}\n`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ output: Buffer.concat(chunks), exitCode: code, timedOut });
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {}
}

/**
 * Types `input` into an interactive interpreter through a pseudo-terminal (util-linux `script` owns the
 * PTY), as run-tests.py does: read the banner, then send one line at a time and collect the output until it
 * has been quiet for `quietMs`; finally Ctrl-D, whose output is not kept. The exit status is not judged.
 */
function runInPty(
  command: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
  input: Uint8Array[],
  timeoutMs: number,
  quietMs: number,
): Promise<RawRun> {
  return new Promise((resolvePromise) => {
    const child = spawn('script', ['-q', '-f', '-c', command, '/dev/null'], {
      cwd,
      env: { ...env, SHELL: '/bin/sh' },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    const chunks: Buffer[] = [];
    let seen = 0;
    let quietTimer: NodeJS.Timeout | undefined;
    let waiting: { required: boolean; done: () => void } | null = null;
    let finished = false;
    let keeping = true;

    const finish = (timedOut: boolean) => {
      if (finished) return;
      finished = true;
      clearTimeout(deadline);
      clearTimeout(quietTimer);
      killGroup(child.pid);
      resolvePromise({ output: Buffer.concat(chunks), exitCode: 0, timedOut });
    };
    const deadline = setTimeout(() => finish(true), timeoutMs);

    // Resolves once the output has been quiet for quietMs (and, if required, something arrived).
    const armQuiet = () => {
      clearTimeout(quietTimer);
      quietTimer = setTimeout(() => {
        if (waiting && (!waiting.required || chunks.length > seen)) {
          const { done } = waiting;
          waiting = null;
          seen = chunks.length;
          done();
        }
      }, quietMs);
    };
    const settle = (required: boolean) =>
      new Promise<void>((done) => {
        waiting = { required, done };
        armQuiet();
      });

    child.stdout.on('data', (chunk: Buffer) => {
      if (keeping) chunks.push(chunk);
      armQuiet();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (keeping) chunks.push(chunk);
    });
    child.stdin.on('error', () => {});
    child.on('error', (error) => {
      chunks.push(Buffer.from(`mpy-test: could not run script: ${error.message}\n`));
      finish(false);
    });
    child.on('close', () => finish(false));

    void (async () => {
      await settle(true); // the banner
      for (const chunk of input) {
        if (finished) return;
        child.stdin.write(chunk);
        await settle(false);
      }
      keeping = false;
      child.stdin.write(Uint8Array.of(0x04));
      await settle(false);
      finish(false);
    })();
  });
}
