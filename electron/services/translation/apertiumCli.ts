import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { TranslationStatus } from '../../../shared/domain/translation';
import { err, ok, type Result } from '../../../shared/ipc/result';
import { countClosedPieces, unwrapPieces, wrapPieces } from './apertiumMarkup';
import { NEEDED_PAIRS, type TranslateOptions, type TranslationEngine } from './translationEngine';

/** Finds an executable on a PATH, as a shell would. */
export function findOnPath(name: string, path: string | undefined): string | null {
  for (const dir of (path ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here; the next directory.
    }
  }
  return null;
}

interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly cancelled: boolean;
}

/**
 * Apertium's command line (`apertium -f html <pair>`, Debian packages apertium and
 * apertium-nno-nob). Each call costs the pipeline's start-up (about 0.7 s), so a whole document
 * goes through in ONE call; progress is read from the pieces that have come out so far.
 */
export class ApertiumCli implements TranslationEngine {
  readonly kind = 'cli' as const;

  /** `env`: the environment the program is looked up in and run with (tests pass an empty PATH). */
  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  locate(): string | null {
    return findOnPath('apertium', this.env.PATH);
  }

  async probe(): Promise<TranslationStatus> {
    const path = this.locate();
    if (!path) return { engine: 'cli', available: false, detail: `apertium is not on the PATH (${this.env.PATH ?? ''})`, pairs: [], problem: 'cli_not_found' };
    const listed = await this.run(path, ['-l'], new AbortController().signal, () => undefined);
    const pairs = listed.code === 0 ? listed.stdout.split('\n').map((l) => l.trim()).filter((l) => l !== '') : [];
    const missing = NEEDED_PAIRS.filter((p) => !pairs.includes(p));
    if (missing.length > 0) return { engine: 'cli', available: false, detail: `${path}: missing ${missing.join(', ')}`, pairs, problem: 'pair_missing' };
    return { engine: 'cli', available: true, detail: path, pairs, problem: null };
  }

  async translate(pair: string, pieces: readonly string[], options: TranslateOptions): Promise<Result<string[]>> {
    const path = this.locate();
    if (!path) return err('translation_unavailable', 'apertium is not on the PATH');
    if (pieces.length === 0) return ok([]);
    const total = pieces.length;
    // The text goes in as a file: the script reads /dev/stdin, which cannot be opened when
    // stdin is a socket (as Node's child stdio is).
    const dir = await mkdtemp(join(tmpdir(), 'melding-apertium-'));
    let finished: Finished;
    try {
      const input = join(dir, 'input.html');
      await writeFile(input, wrapPieces(pieces), { mode: 0o600 });
      finished = await this.run(path, ['-f', 'html', pair, input], options.signal, (out) => options.onProgress(Math.min(total, countClosedPieces(out))));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    if (finished.cancelled) return err('translation_cancelled', 'Translation cancelled');
    if (finished.code !== 0) return err('translation_failed', `apertium ${pair} exited with ${finished.code}: ${finished.stderr.slice(0, 500)}`);
    const translated = unwrapPieces(finished.stdout, 0, total);
    if (!translated) return err('translation_failed', `Apertium’s answer lost the boundaries between texts (${finished.stderr.slice(0, 300)})`);
    options.onProgress(total);
    return ok(translated);
  }

  private run(path: string, args: string[], signal: AbortSignal, onOutput: (stdout: string) => void): Promise<Finished> {
    return new Promise((resolve) => {
      // Its own process group: the `apertium` script runs a pipeline of a dozen programs, and a
      // cancel must end all of them, not only the script.
      const child = spawn(path, args, { env: { ...this.env, APERTIUM_TRANSFUSE: 'no' }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      let cancelled = false;
      const kill = () => {
        cancelled = true;
        try {
          if (child.pid) process.kill(-child.pid, 'SIGTERM');
        } catch {
          child.kill('SIGTERM');
        }
      };
      if (signal.aborted) kill();
      signal.addEventListener('abort', kill, { once: true });
      child.stdout.setEncoding('utf8');
      child.stderr.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        onOutput(stdout);
      });
      child.stderr.on('data', (chunk: string) => {
        stderr += chunk;
      });
      child.on('error', (error) => {
        signal.removeEventListener('abort', kill);
        resolve({ code: -1, stdout, stderr: stderr + error.message, cancelled });
      });
      child.on('close', (code) => {
        signal.removeEventListener('abort', kill);
        resolve({ code, stdout, stderr, cancelled });
      });
    });
  }
}
