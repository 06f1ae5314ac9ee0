import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NodePlatform } from '../../../../../electron/devhost/nodePlatform';
import { createDispatcher } from '../../../../../electron/services/dispatcher';
import { EventBus } from '../../../../../electron/services/eventBus';
import { LanguageService } from '../../../../../electron/services/language/languageService';
import { silentLogger, type Logger } from '../../../../../electron/services/logger';
import { createHandlers, createServices } from '../../../../../electron/services/services';
import { buildLanguageWorker } from '../../../../../scripts/buildLanguageWorker.mjs';

const resourcesDir = join(import.meta.dirname, '../../../../../resources');
let workerUrl: URL;
beforeAll(async () => {
  workerUrl = await buildLanguageWorker();
}, 60_000);

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function openService(options: { dataDir?: string; resources?: string; logger?: Logger } = {}) {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'melding-language-')));
  const bus = new EventBus();
  const events: unknown[] = [];
  bus.subscribe((event, payload) => events.push([event, payload]));
  const service = await LanguageService.open({ dataDir, resourcesDir: options.resources ?? resourcesDir, workerUrl, bus, logger: options.logger ?? silentLogger });
  open.push(service);
  return { service, dataDir, events };
}

// Each test starts fresh workers (a dictionary load each) on a machine that may be busy: a wide
// ceiling, not a speed assertion.
const SLOW = 90_000;

describe('LanguageService (worker threads, real dictionaries)', () => {
  it('loads a målform on first use, in its own worker, and checks blocks in order', async () => {
    const { service } = await openService();
    expect(service.status()).toEqual({ nb: { state: 'idle', loadMs: null }, nn: { state: 'idle', loadMs: null } });
    const checked = await service.check('nn', [
      { key: 'a', text: 'Kommunane skal ikke gjere dette.' },
      { key: 'b', text: '' },
      { key: 'c', text: 'Helseføretaka og sjukehusbehandling, regjeirnga.' },
    ]);
    expect(checked.ok && checked.value.blocks.map((b) => [b.key, b.issues.map((i) => [i.kind, i.word, i.suggestion])])).toEqual([
      ['a', [['maalform', 'ikke', 'ikkje']]],
      ['b', []],
      ['c', [['spelling', 'regjeirnga', null]]],
    ]);
    const status = service.status();
    expect(status.nn.state).toBe('ready');
    expect(status.nn.loadMs).toBeGreaterThan(0);
    expect(status.nb).toEqual({ state: 'idle', loadMs: null });
  }, SLOW);

  it('keeps the personal dictionary across a reopen, applies it and announces changes', async () => {
    const first = await openService();
    const text = [{ key: 'p', text: 'Vi bruker vrømpfliksen.' }];
    const before = await first.service.check('nb', text);
    expect(before.ok && before.value.blocks[0]?.issues.map((i) => i.word)).toEqual(['vrømpfliksen']);
    expect(await first.service.addWord('nb', 'vrømpfliksen')).toEqual({ ok: true, value: { words: ['vrømpfliksen'] } });
    expect(await first.service.addWord('nb', 'Aksjonsplan-X')).toEqual({ ok: true, value: { words: ['Aksjonsplan-X', 'vrømpfliksen'] } });
    expect(first.events).toContainEqual(['language:changed', { maalform: 'nb' }]);
    const after = await first.service.check('nb', text);
    expect(after.ok && after.value.blocks[0]?.issues).toEqual([]);
    expect((await first.service.addWord('nb', 'to ord')).ok).toBe(false);
    await first.service.close();

    const second = await openService({ dataDir: first.dataDir });
    expect(second.service.personalWords('nb')).toEqual({ words: ['Aksjonsplan-X', 'vrømpfliksen'] });
    expect(second.service.personalWords('nn')).toEqual({ words: [] });
    const reopened = await second.service.check('nb', text);
    expect(reopened.ok && reopened.value.blocks[0]?.issues).toEqual([]);
    expect(await second.service.removeWord('nb', 'vrømpfliksen')).toEqual({ ok: true, value: { words: ['Aksjonsplan-X'] } });
    const removed = await second.service.check('nb', text);
    expect(removed.ok && removed.value.blocks[0]?.issues.map((i) => i.word)).toEqual(['vrømpfliksen']);
  }, SLOW);

  it('suggests on demand; a newer suggestion cancels the ones still waiting, never a check', async () => {
    const { service } = await openService();
    // All sent while the dictionary loads, so all wait in the queue.
    const check = service.check('nb', [{ key: 'k', text: 'Regjringen.' }]);
    const first = service.suggest('nb', 'regjringen');
    const second = service.suggest('nb', 'departmentet');
    const third = service.suggest('nb', 'departemnetet');
    const other = service.suggest('nn', 'regjeirnga');
    const firstResult = await first;
    expect(firstResult.ok ? null : firstResult.error.code).toBe('language_cancelled');
    const secondResult = await second;
    expect(secondResult.ok ? null : secondResult.error.code).toBe('language_cancelled');
    const thirdResult = await third;
    expect(thirdResult.ok && thirdResult.value.suggestions[0]).toBe('departementet');
    const checked = await check;
    expect(checked.ok && checked.value.blocks[0]?.issues.map((i) => i.word)).toEqual(['Regjringen']);
    const otherResult = await other;
    expect(otherResult.ok && otherResult.value).toEqual({ word: 'regjeirnga', suggestions: expect.arrayContaining(['regjeringa']) });
  }, SLOW);

  it('answers language_unavailable when the dictionary is missing or damaged, and keeps answering', async () => {
    const errors: unknown[] = [];
    const logger: Logger = { ...silentLogger, error: (event, fields) => errors.push([event, fields]) };
    const empty = await mkdtemp(join(tmpdir(), 'melding-no-resources-'));
    const { service } = await openService({ resources: empty, logger });
    const missing = await service.check('nb', [{ key: 'a', text: 'Hei.' }]);
    expect(missing.ok ? null : missing.error.code).toBe('language_unavailable');
    expect(service.status().nb.state).toBe('failed');
    const again = await service.suggest('nb', 'hei');
    expect(again.ok ? null : again.error.code).toBe('language_unavailable');
    expect(errors).toContainEqual(['language.unavailable', expect.objectContaining({ maalform: 'nb' })]);
    // The personal dictionary does not depend on the dictionaries.
    expect((await service.addWord('nb', 'ord')).ok).toBe(true);

    const damaged = await mkdtemp(join(tmpdir(), 'melding-bad-resources-'));
    await cp(resourcesDir, damaged, { recursive: true });
    await writeFile(join(damaged, 'dictionaries', 'nn.dic.gz'), 'not gzip at all');
    const bad = await openService({ resources: damaged });
    const result = await bad.service.check('nn', [{ key: 'a', text: 'Hei.' }]);
    expect(result.ok ? null : result.error.code).toBe('language_unavailable');
    const fine = await bad.service.check('nb', [{ key: 'a', text: 'Regjringen.' }]);
    expect(fine.ok && fine.value.blocks[0]?.issues).toHaveLength(1);
  }, SLOW);

  it('survives garbage input and keeps working', async () => {
    const { service } = await openService();
    const junk = [
      { key: 'x', text: 'x'.repeat(50_000) },
      { key: 'y', text: `\ud800\udfff\ud800 lone \udc00surrogates\ud800 ${'\u0000'.repeat(100)} ${'ææ '.repeat(10_000)}` },
      { key: 'z', text: Array.from({ length: 2_000 }, (_, i) => String.fromCharCode(0x20 + ((i * 7919) % 0xd000))).join('') },
    ];
    const checked = await service.check('nb', junk);
    expect(checked.ok).toBe(true);
    if (checked.ok) for (const [i, block] of checked.value.blocks.entries()) for (const issue of block.issues) expect(junk[i]?.text.slice(issue.from, issue.to)).toBe(issue.word);
    const suggested = await service.suggest('nb', '\ud800\udfff\ud800');
    expect(suggested.ok).toBe(true);
    const after = await service.check('nb', [{ key: 'a', text: 'Departemnetet.' }]);
    expect(after.ok && after.value.blocks[0]?.issues.map((i) => i.word)).toEqual(['Departemnetet']);
  }, SLOW);
});

describe('language channels through the dispatcher', () => {
  it('validates input and answers from the services', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'melding-language-wiring-'));
    const services = await createServices(new NodePlatform(dataDir, '1.0.0', silentLogger, resourcesDir), silentLogger, { languageWorkerUrl: workerUrl });
    open.push(services);
    const dispatch = createDispatcher(createHandlers(services), silentLogger);
    const trusted = { trusted: true } as const;
    const checked = await dispatch('language:check', { maalform: 'nb', blocks: [{ key: 'b1', text: 'Han sa ikkje noe.' }] }, trusted);
    expect(checked).toEqual({
      ok: true,
      value: { blocks: [{ key: 'b1', issues: [{ kind: 'maalform', from: 7, to: 12, word: 'ikkje', suggestion: 'ikke' }], stats: { words: 4, thisForm: 1, otherForm: 1 } }] },
    });
    const tooMany = await dispatch('language:check', { maalform: 'nb', blocks: Array.from({ length: 2001 }, (_, i) => ({ key: `k${i}`, text: '' })) }, trusted);
    expect(tooMany.ok ? null : tooMany.error.code).toBe('invalid_input');
    expect((await dispatch('language:suggest', { maalform: 'nb', word: '' }, trusted)).ok).toBe(false);
    expect(await dispatch('language:addWord', { maalform: 'nn', word: 'Melding' }, trusted)).toEqual({ ok: true, value: { words: ['Melding'] } });
    expect(await dispatch('language:personalWords', { maalform: 'nn' }, trusted)).toEqual({ ok: true, value: { words: ['Melding'] } });
    const status = await dispatch('language:status', undefined, trusted);
    expect(status.ok && status.value).toEqual({ nb: { state: 'ready', loadMs: expect.any(Number) }, nn: { state: 'idle', loadMs: null } });
  }, SLOW);
});
