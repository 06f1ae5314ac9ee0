import { mkdtemp } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NodePlatform } from '../../../../../electron/devhost/nodePlatform';
import { createDispatcher } from '../../../../../electron/services/dispatcher';
import { silentLogger } from '../../../../../electron/services/logger';
import { createHandlers, createServices, type Services } from '../../../../../electron/services/services';
import { DEFAULT_LIBRARY_QUERY } from '../../../../../shared/domain/defaultLibraryQuery';
import type { Document } from '../../../../../shared/domain/document';
import type { Profile } from '../../../../../shared/domain/profile';
import type { Result } from '../../../../../shared/ipc/result';
import { content } from '../../../support/libraryFixture';

let services: Services | null = null;
afterEach(async () => {
  await services?.close();
  services = null;
});

async function open() {
  const dir = await mkdtemp(join(tmpdir(), 'melding-workflow-channels-'));
  services = await createServices(new NodePlatform(join(dir, 'data'), '9.9.9', silentLogger), silentLogger, { outboxRunnerPaused: true });
  const dispatch = createDispatcher(createHandlers(services), silentLogger);
  return async <T>(channel: string, input: unknown): Promise<T> => {
    const result = (await dispatch(channel, input, { trusted: true })) as Result<T>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
}

describe('workflow and profile channels', () => {
  it('start with one profile from the system user, with every role, on the local site', async () => {
    const call = await open();
    const current = await call<{ profile: Profile; grant: { backendId: string; capabilities: Record<string, boolean> } | null }>('profiles:current', undefined);
    expect(current.profile).toMatchObject({ name: userInfo().username, roles: ['skribent', 'redaktor', 'publiserer'] });
    expect(current.grant?.backendId).toBe('local-site');
    expect(await call('profiles:list', undefined)).toEqual([current.profile]);
    // New documents are written by the active profile.
    const doc = await call<Document>('documents:create', { type: 'pressemelding', maalform: 'nn' });
    expect(doc.author).toEqual({ name: current.profile.name, email: current.profile.email });
  });

  it('take a document through submit and approve, list its queued steps, and revoke on an edit', async () => {
    const call = await open();
    const me = await call<Profile>('profiles:save', { id: null, name: 'Ola Redaktør', email: 'ola@dep.no', roles: ['skribent', 'redaktor'] });
    await call('profiles:activate', { id: me.id });
    const created = await call<Document>('documents:create', { type: 'nyhet', maalform: 'nn' });
    const text = content({ type: 'nyhet' });
    const saved = await call<{ revision: number; status: string; revoked: boolean }>('documents:save', { id: created.id, baseRevision: 0, content: text });
    expect(saved).toMatchObject({ revision: 1, status: 'utkast', revoked: false });

    const checklist = await call<{ items: { check: string; ok: boolean }[] }>('workflow:preflight', { id: created.id, stage: 'submit' });
    expect(checklist.items.find((i) => i.check === 'title')).toMatchObject({ ok: true });

    const submitted = await call<Document>('workflow:transition', { id: created.id, action: 'submit', comment: '', baseRevision: 1, acceptSpelling: true });
    expect(services?.library.list({ ...DEFAULT_LIBRARY_QUERY, queue: 'toApprove' }, 0, 10, { profileId: me.id, roles: me.roles }).total).toBe(1);
    const listed = await call<{ items: { id: string }[] }>('library:list', { query: { ...DEFAULT_LIBRARY_QUERY, queue: 'toApprove' }, offset: 0, limit: 10 });
    expect(listed.items.map((s) => s.id)).toEqual([created.id]);
    const approved = await call<Document>('workflow:transition', { id: created.id, action: 'approve', comment: 'Fint.', baseRevision: submitted.revision, acceptSpelling: true });
    expect(approved.status).toBe('godkjent');

    const jobs = await call<{ action: string; documentId: string }[]>('outbox:list', { documentId: created.id });
    expect(jobs.map((j) => j.action)).toEqual(['submit', 'approve']);
    expect(await call('outbox:list', { documentId: null })).toHaveLength(2);

    const edited = await call('documents:save', { id: created.id, baseRevision: approved.revision, content: { ...text, title: 'Endra tittel' } });
    expect(edited).toMatchObject({ status: 'til_godkjenning', revoked: true });
    expect((await call<{ action: string }[]>('outbox:list', { documentId: created.id })).map((j) => j.action)).toEqual(['submit', 'approve', 'revoke']);
  });

  it('answer the workflow error codes through the contract', async () => {
    const call = await open();
    const dispatch = createDispatcher(createHandlers(services as Services), silentLogger);
    const created = await call<Document>('documents:create', { type: 'nyhet', maalform: 'nb' });
    const refused = await dispatch('workflow:transition', { id: created.id, action: 'publish', comment: '', baseRevision: 0, acceptSpelling: false }, { trusted: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'workflow_not_allowed' } });
    const blocked = await dispatch('workflow:transition', { id: created.id, action: 'submit', comment: '', baseRevision: 0, acceptSpelling: true }, { trusted: true });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'preflight_blocked' } });
    const active = (await call<{ profile: Profile }>('profiles:current', undefined)).profile;
    expect(await dispatch('profiles:remove', { id: active.id }, { trusted: true })).toMatchObject({ ok: false, error: { code: 'profile_active' } });
    expect(await dispatch('profiles:save', { id: null, name: '', email: '', roles: [] }, { trusted: true })).toMatchObject({ ok: false, error: { code: 'profile_invalid' } });
  });
});
