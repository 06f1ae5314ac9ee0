import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LanguageWorkerClient } from '../../../../../electron/services/language/languageWorkerClient';
import { silentLogger, type Logger } from '../../../../../electron/services/logger';

/**
 * A stand-in worker speaking the protocol, without dictionaries: "crash" ends the thread,
 * "slow" busy-waits 300 ms, a suggestion echoes the word, resourcesDir "fail" fails to load.
 */
const FAKE_WORKER = `
import { parentPort, workerData } from 'node:worker_threads';
if (workerData.resourcesDir === 'fail') parentPort.postMessage({ kind: 'failed', message: 'no dictionary' });
else parentPort.postMessage({ kind: 'ready', loadMs: 12.3 });
let personal = [...workerData.personal];
parentPort.on('message', (m) => {
  if (m.kind === 'personal') { personal = [...m.words]; return; }
  if (m.kind === 'suggest') { parentPort.postMessage({ id: m.id, kind: 'suggested', suggestions: [m.word, ...personal] }); return; }
  const text = m.blocks[0]?.text;
  if (text === 'crash') process.exit(3);
  if (text === 'slow') { const until = Date.now() + 300; while (Date.now() < until); }
  if (text === 'throw') { parentPort.postMessage({ id: m.id, kind: 'error', message: 'boom' }); return; }
  parentPort.postMessage({ id: m.id, kind: 'checked', blocks: m.blocks.map((b) => ({ key: b.key, issues: [], stats: { words: personal.length, thisForm: 0, otherForm: 0 } })) });
});
`;

let workerUrl: URL;
beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'melding-fake-worker-'));
  await writeFile(join(dir, 'fakeWorker.mjs'), FAKE_WORKER);
  workerUrl = pathToFileURL(join(dir, 'fakeWorker.mjs'));
});

const clients: LanguageWorkerClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

function client(options: { resourcesDir?: string; personal?: string[]; logger?: Logger } = {}) {
  const c = new LanguageWorkerClient({ maalform: 'nb', workerUrl, resourcesDir: options.resourcesDir ?? '/res', personal: () => options.personal ?? [], logger: options.logger ?? silentLogger });
  clients.push(c);
  return c;
}
const block = (text: string) => [{ key: 'k', text }];

describe('LanguageWorkerClient', () => {
  it('starts the worker on first use and reports its state', async () => {
    const c = client();
    expect(c.status()).toEqual({ state: 'idle', loadMs: null });
    const checked = c.check(block('hei'));
    expect(c.status().state).toBe('loading');
    expect((await checked).ok).toBe(true);
    expect(c.status()).toEqual({ state: 'ready', loadMs: 12 });
  });

  it('cancels waiting suggestions when a newer one comes, but not the one running nor any check', async () => {
    const c = client();
    await c.check(block('warm'));
    const slow = c.check(block('slow'));
    const a = c.suggest('a');
    const check = c.check(block('after'));
    const b = c.suggest('b');
    const d = c.suggest('d');
    expect(await a).toEqual({ ok: false, error: { code: 'language_cancelled', message: expect.any(String) } });
    expect((await b).ok ? 'answered' : 'cancelled').toBe('cancelled');
    expect(await d).toEqual({ ok: true, value: ['d'] });
    expect((await slow).ok).toBe(true);
    expect((await check).ok).toBe(true);
  });

  it('answers the running job and starts a new worker when the old one dies', async () => {
    const errors: string[] = [];
    const c = client({ logger: { ...silentLogger, error: (event) => errors.push(event) } });
    const crashed = await c.check(block('crash'));
    expect(crashed.ok ? null : crashed.error.code).toBe('internal');
    expect(errors).toContain('language.worker_exit');
    const again = await c.check(block('fine'));
    expect(again.ok).toBe(true);
    expect(c.status().state).toBe('ready');
  });

  it('turns an error inside the worker into internal and goes on', async () => {
    const c = client();
    const failed = await c.check(block('throw'));
    expect(failed.ok ? null : failed.error.code).toBe('internal');
    expect((await c.check(block('fine'))).ok).toBe(true);
  });

  it('fails every request with language_unavailable when loading fails, without starting again', async () => {
    const c = client({ resourcesDir: 'fail' });
    const first = c.check(block('a'));
    const second = c.suggest('b');
    const f = await first;
    expect(f.ok ? null : f.error.code).toBe('language_unavailable');
    const s = await second;
    expect(s.ok ? null : s.error.code).toBe('language_unavailable');
    expect(c.status()).toEqual({ state: 'failed', loadMs: null });
    const later = await c.check(block('c'));
    expect(later.ok ? null : later.error.code).toBe('language_unavailable');
  });

  it('hands the worker the personal dictionary at start and on every change', async () => {
    const c = client({ personal: ['en'] });
    const first = await c.check(block('x'));
    expect(first.ok && first.value[0]?.stats.words).toBe(1);
    c.setPersonal(['en', 'to', 'tre']);
    const second = await c.check(block('x'));
    expect(second.ok && second.value[0]?.stats.words).toBe(3);
  });

  it('answers queued requests when closed', async () => {
    const c = client();
    const pending = c.check(block('a'));
    await c.close();
    const result = await pending;
    expect(result.ok ? null : result.error.code).toBe('internal');
    const after = await c.check(block('b'));
    expect(after.ok ? null : after.error.code).toBe('internal');
  });
});
