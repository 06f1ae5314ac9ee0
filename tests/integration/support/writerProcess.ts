import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { parseWriterLine, type WriterLine } from './writerLine';

export interface WriterRun {
  readonly lines: WriterLine[];
  readonly stderr: string;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** When to kill: `lifeMs` after the writer printed `from`. */
export interface KillPlan {
  readonly from: 'OPENING' | 'READY';
  readonly lifeMs: number;
}

const START_TIMEOUT_MS = 15_000;

/**
 * One crash writer. It is spawned ahead of its round and waits for GO on stdin before touching
 * the folder, so starting Node and loading the bundle (a few hundred milliseconds on a busy
 * machine) overlaps with checking the previous round, and the kill clock starts at a line the
 * writer printed, not at spawn, when a kill would touch nothing.
 */
export class WriterProcess {
  readonly #child: ChildProcessByStdio<Writable, Readable, Readable>;
  readonly #closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  #stdout = '';
  #stderr = '';
  #onStdout: () => void = () => {};
  #spawnError: Error | null = null;

  constructor(script: string, args: readonly string[]) {
    this.#child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.#child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      this.#stdout += chunk;
      this.#onStdout();
    });
    this.#child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.#stderr += chunk));
    this.#child.on('error', (error) => (this.#spawnError = error));
    this.#closed = new Promise((resolve) => this.#child.on('close', (code, signal) => resolve({ code, signal })));
  }

  /** Lets the writer start, kills it as planned, and answers everything it printed. */
  async run(plan: KillPlan): Promise<WriterRun> {
    let timer: NodeJS.Timeout | undefined;
    let hung = false;
    const fallback = setTimeout(() => {
      hung = true;
      this.#child.kill('SIGKILL');
    }, START_TIMEOUT_MS);
    this.#onStdout = () => {
      if (timer === undefined && this.#stdout.includes(`${plan.from}\n`)) {
        clearTimeout(fallback);
        timer = setTimeout(() => this.#child.kill('SIGKILL'), plan.lifeMs);
      }
    };
    this.#child.stdin.write('GO\n');
    const { code, signal } = await this.#closed;
    clearTimeout(fallback);
    clearTimeout(timer);
    if (this.#spawnError) throw this.#spawnError;
    if (hung) throw new Error(`The writer did not print ${plan.from} within ${START_TIMEOUT_MS} ms:\n${this.#stdout}\n${this.#stderr}`);
    // Whole lines only: a line without its newline was never fully printed, so it acknowledges nothing.
    const complete = this.#stdout.slice(0, this.#stdout.lastIndexOf('\n') + 1);
    return { lines: complete.split('\n').filter((l) => l !== '').map(parseWriterLine), stderr: this.#stderr, code, signal };
  }

  /** Ends a writer that never got its GO (the test failed or ended first). */
  async dispose(): Promise<void> {
    if (this.#child.exitCode === null && this.#child.signalCode === null) this.#child.kill('SIGKILL');
    await this.#closed;
  }
}
