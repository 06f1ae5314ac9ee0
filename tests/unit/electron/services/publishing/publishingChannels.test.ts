import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NodePlatform } from '../../../../../electron/devhost/nodePlatform';
import { createDispatcher } from '../../../../../electron/services/dispatcher';
import { silentLogger } from '../../../../../electron/services/logger';
import { createHandlers, createServices, type Services } from '../../../../../electron/services/services';
import type { Document } from '../../../../../shared/domain/document';
import type { PublishingStatus } from '../../../../../shared/domain/publishing';
import type { Settings } from '../../../../../shared/domain/settings';
import type { Result } from '../../../../../shared/ipc/result';
import { content } from '../../../support/libraryFixture';

let services: Services | null = null;
afterEach(async () => {
  await services?.close();
  services = null;
});

async function open(paused: boolean) {
  const dir = await mkdtemp(join(tmpdir(), 'melding-publishing-channels-'));
  services = await createServices(new NodePlatform(join(dir, 'data'), '9.9.9', silentLogger), silentLogger, { outboxRunnerPaused: paused });
  const dispatch = createDispatcher(createHandlers(services), silentLogger);
  const call = async <T>(channel: string, input: unknown): Promise<Result<T>> => (await dispatch(channel, input, { trusted: true })) as Result<T>;
  return { call, dataDir: join(dir, 'data') };
}

async function submitted(call: Awaited<ReturnType<typeof open>>['call']): Promise<Document> {
  const created = await call<Document>('documents:create', { type: 'nyhet', maalform: 'nn' });
  if (!created.ok) throw new Error('create');
  await call('documents:save', { id: created.value.id, baseRevision: 0, content: content({ type: 'nyhet' }) });
  const done = await call<Document>('workflow:transition', { id: created.value.id, action: 'submit', comment: '', baseRevision: 1, acceptSpelling: true });
  if (!done.ok) throw new Error(done.error.message);
  return done.value;
}

describe('publishing channels', () => {
  it('send a workflow step to the local site in <dataDir>/site', async () => {
    const { call, dataDir } = await open(false);
    const status = await call<PublishingStatus>('publishing:status', undefined);
    expect(status.ok && status.value).toEqual({ state: 'running', activeBackendId: 'local-site', current: [] });
    const doc = await submitted(call);
    await services!.runner.idle();
    expect(services!.outbox.list()).toEqual([]);
    const item = JSON.parse(await readFile(join(dataDir, 'site', 'items', `${doc.id}.json`), 'utf8'));
    expect(item).toMatchObject({ siteStatus: 'pending', workflowStatus: 'til_godkjenning' });
    expect(await readFile(join(dataDir, 'site', 'index.html'), 'utf8')).toContain('<html lang="nb">');
  });

  it('publish a document through the workflow onto the local site, approval and text untouched', async () => {
    const { call, dataDir } = await open(false);
    const doc = await submitted(call);
    const contacts = [{ contactId: null, name: 'Per Pressevakt', roleNb: 'pressevakt', roleNn: 'pressevakt', phone: '+47 22 24 90 90', email: 'per@dep.no' }];
    const saved = await call<{ revision: number }>('documents:save', { id: doc.id, baseRevision: doc.revision, content: content({ type: 'nyhet', contacts }) });
    if (!saved.ok) throw new Error(saved.error.message);
    const approved = await call<Document>('workflow:transition', { id: doc.id, action: 'approve', comment: '', baseRevision: saved.value.revision, acceptSpelling: true });
    if (!approved.ok) throw new Error(approved.error.message);
    const published = await call<Document>('workflow:transition', { id: doc.id, action: 'publish', comment: '', baseRevision: approved.value.revision, acceptSpelling: true });
    if (!published.ok) throw new Error(`${published.error.code}: ${published.error.message}`);
    await services!.runner.idle();
    expect(services!.outbox.list()).toEqual([]);
    const stored = await call<{ document: Document }>('documents:get', { id: doc.id });
    if (!stored.ok) throw new Error('get');
    expect(stored.value.document).toMatchObject({ status: 'publisert', revision: published.value.revision, approval: published.value.approval, title: published.value.title });
    expect(stored.value.document.remote?.url).toMatch(/^file:\/\/.*\.html$/);
    const page = await readFile(new URL(stored.value.document.remote!.url!), 'utf8');
    expect(page).toContain('<html lang="nn">');
    expect(page).toContain('Pressekontaktar');
    expect(await readFile(join(dataDir, 'site', 'index.html'), 'utf8')).toContain(published.value.title);
  });

  it('keep every job waiting when paused (MELDING_OUTBOX_RUNNER=paused), and cancel one', async () => {
    const { call } = await open(true);
    const doc = await submitted(call);
    const woke = await call<PublishingStatus>('publishing:wake', undefined);
    expect(woke.ok && woke.value.state).toBe('paused');
    await new Promise((r) => setTimeout(r, 50));
    const jobs = services!.outbox.list({ documentId: doc.id });
    expect(jobs.map((j) => [j.action, j.state])).toEqual([['submit', 'waiting']]);
    const retried = await call<{ state: string }>('publishing:retry', { jobId: jobs[0]!.id });
    expect(retried.ok && retried.value.state).toBe('waiting');
    const conflict = await call('publishing:conflict', { jobId: jobs[0]!.id });
    expect(!conflict.ok && conflict.error.code).toBe('conflict_not_found');
    expect((await call('publishing:cancel', { jobId: jobs[0]!.id })).ok).toBe(true);
    expect(services!.outbox.list()).toEqual([]);
    expect(await call('publishing:pullPending', undefined)).toEqual({ ok: true, value: { added: 0, updated: 0, unchanged: 0, ids: [] } });
  });

  it('open a plain-http link only on a WordPress site the user configured', async () => {
    const { call } = await open(true);
    const opened: string[] = [];
    services!.platform.openExternal = async (url: string) => {
      opened.push(url);
    };
    const link = 'http://127.0.0.1:8099/?p=12';
    const before = await call('shell:openExternal', { url: link });
    expect(!before.ok && before.error.code).toBe('invalid_url');
    const saved = await call('backends:saveWordPress', { id: null, label: 'Test', siteUrl: 'http://127.0.0.1:8099', userName: 'redaktor', password: 'abcd efgh ijkl mnop qrst uvwx', withdrawMode: 'draft' });
    expect(saved.ok).toBe(true);
    expect((await call('shell:openExternal', { url: link })).ok).toBe(true);
    expect((await call('shell:openExternal', { url: 'http://127.0.0.1:8098/?p=12' })).ok).toBe(false);
    expect(opened).toEqual([link]);
  });

  it('a change of UI language leaves the site in use, the translation settings and the rest as they were', async () => {
    const { call } = await open(true);
    const saved = await call<{ config: { id: string } }>('backends:saveWordPress', { id: null, label: 'Test', siteUrl: 'http://127.0.0.1:8099', userName: 'redaktor', password: 'abcd efgh ijkl mnop qrst uvwx', withdrawMode: 'draft' });
    if (!saved.ok) throw new Error(saved.error.message);
    expect((await call('backends:activate', { id: saved.value.config.id })).ok).toBe(true);
    const translation = { engine: 'apy', apyUrl: 'http://127.0.0.1:2737', nynorskInfinitive: 'a' };
    expect((await call('settings:update', { translation, nynorskNudgeDismissedYear: 2026 })).ok).toBe(true);
    const before = await call<Settings>('settings:get', undefined);
    expect((await call('settings:update', { uiLanguage: 'nn' })).ok).toBe(true);
    const after = await call<Settings>('settings:get', undefined);
    expect(after.ok && after.value).toEqual(before.ok && { ...before.value, uiLanguage: 'nn' });
    expect(after.ok && after.value).toMatchObject({ activeBackendId: saved.value.config.id, translation, nynorskNudgeDismissedYear: 2026 });
    const listed = await call<{ activeId: string }>('backends:list', undefined);
    expect(listed.ok && listed.value.activeId).toBe(saved.value.config.id);
  });
});
