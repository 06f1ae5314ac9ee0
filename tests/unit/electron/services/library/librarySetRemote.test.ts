import { afterEach, describe, expect, it } from 'vitest';
import type { Library } from '../../../../../electron/services/library/library';
import { approvalHash } from '../../../../../shared/domain/approvalHash';
import { content, libraryDir, openLibrary } from '../../../support/libraryFixture';

let library: Library | null = null;
afterEach(async () => {
  await library?.close();
  library = null;
});

describe('Library.setRemote', () => {
  it('records the remote link and publication time without a new revision, and never revokes an approval', async () => {
    const dir = await libraryDir();
    const opened = await openLibrary(dir);
    library = opened.library;
    const created = await library.create({ type: 'pressemelding', maalform: 'nn' });
    if (!created.ok) throw new Error('create');
    const saved = await library.save(created.value.id, 0, content());
    if (!saved.ok) throw new Error('save');
    const read = await library.read(created.value.id);
    if (!read.ok) throw new Error('read');
    const approved = { ...read.value, status: 'publisert' as const, approval: { hash: approvalHash(read.value), by: { profileId: 'ola', name: 'Ola', email: '' }, at: read.value.updatedAt, docRevision: read.value.revision } };
    await library.put(approved, 'status');

    const link = { backend: 'local-site', remoteId: approved.id, remoteVersion: 'a'.repeat(64), url: 'file:///tmp/site/x.html' };
    const set = await library.setRemote(approved.id, link, '2026-11-23T10:00:00.000Z');
    if (!set.ok) throw new Error(set.error.message);
    expect(set.value).toMatchObject({ remote: link, publishedAt: '2026-11-23T10:00:00.000Z', revision: approved.revision, status: 'publisert', approval: approved.approval });

    // An editor open on the revision before keeps saving on it, and the link stays.
    const edited = await library.save(approved.id, approved.revision, content({ internalNote: 'Berre for redaksjonen' }));
    expect(edited.ok && edited.value.revoked).toBe(false);
    const after = await library.read(approved.id);
    expect(after.ok && after.value.remote).toEqual(link);

    // publishedAt undefined keeps it; null clears it (unpublished).
    const kept = await library.setRemote(approved.id, null);
    expect(kept.ok && kept.value.publishedAt).toBe('2026-11-23T10:00:00.000Z');
    const cleared = await library.setRemote(approved.id, null, null);
    expect(cleared.ok && cleared.value.publishedAt).toBeNull();

    // Across a restart.
    await library.close();
    library = (await openLibrary(dir)).library;
    const reopened = await library.read(approved.id);
    expect(reopened.ok && reopened.value.publishedAt).toBeNull();
    expect(reopened.ok && reopened.value.approval).toEqual(approved.approval);
  });
});
