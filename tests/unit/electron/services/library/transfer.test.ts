import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fileNameFor, Transfer } from '../../../../../electron/services/library/transfer';
import { silentLogger } from '../../../../../electron/services/logger';
import { MediaStore } from '../../../../../electron/services/media/mediaStore';
import { DEFAULT_LIBRARY_QUERY } from '../../../../../shared/domain/libraryQuery';
import { content, libraryDir, openLibrary } from '../../../support/libraryFixture';

async function twoLibraries() {
  const a = await openLibrary(await libraryDir());
  const b = await openLibrary(await libraryDir());
  const deps = { now: a.clock.now, newId: randomUUID, appVersion: '0.1.0' };
  const media = async () => MediaStore.open({ dir: await libraryDir(), logger: silentLogger, now: a.clock.now });
  return { a, b, exportFrom: new Transfer(a.library, await media(), deps), importTo: new Transfer(b.library, await media(), deps) };
}

describe('Transfer: .melding between two libraries', () => {
  it('carries a document across and answers "unchanged" for the same file twice', async () => {
    const { a, b, exportFrom, importTo } = await twoLibraries();
    const doc = await a.library.create({ type: 'pressemelding', maalform: 'nn' });
    if (!doc.ok) throw new Error('create failed');
    await a.library.save(doc.value.id, 0, content({ title: 'Til redaktøren' }));
    const exported = await exportFrom.exportDocument(doc.value.id);
    expect(exported.ok && exported.value.fileName).toBe('Til redaktøren.melding');
    if (!exported.ok) return;
    const first = await importTo.importFile(exported.value.bytes, 'ask');
    expect(first).toMatchObject({ ok: true, value: { outcome: 'imported', document: { id: doc.value.id, title: 'Til redaktøren' } } });
    expect(await importTo.importFile(exported.value.bytes, 'ask')).toMatchObject({ ok: true, value: { outcome: 'unchanged' } });
    const history = await b.library.revisionList(doc.value.id);
    expect(history.ok && history.value.map((r) => r.kind)).toEqual(['import']);
  });

  it('never overwrites silently: asks, then keeps both or replaces with a snapshot first', async () => {
    const { a, b, exportFrom, importTo } = await twoLibraries();
    const doc = await a.library.create({ type: 'pressemelding', maalform: 'nn' });
    if (!doc.ok) throw new Error('create failed');
    await a.library.save(doc.value.id, 0, content({ title: 'Versjon frå A' }));
    const exported = await exportFrom.exportDocument(doc.value.id);
    if (!exported.ok) throw new Error('export failed');
    await importTo.importFile(exported.value.bytes, 'ask');
    const mine = await b.library.get(doc.value.id);
    if (!mine.ok) throw new Error('get failed');
    await b.library.save(doc.value.id, mine.value.document.revision, content({ title: 'Mi endring i B' }));

    const asked = await importTo.importFile(exported.value.bytes, 'ask');
    expect(asked).toMatchObject({ ok: true, value: { outcome: 'conflict', existing: { title: 'Mi endring i B' }, incoming: { title: 'Versjon frå A' } } });

    const both = await importTo.importFile(exported.value.bytes, 'keep-both');
    expect(both.ok && both.value.outcome === 'imported' && both.value.document.id).not.toBe(doc.value.id);
    expect(b.library.list(DEFAULT_LIBRARY_QUERY, 0, 10).items.map((s) => s.title).sort()).toEqual(['Mi endring i B', 'Versjon frå A']);

    const replaced = await importTo.importFile(exported.value.bytes, 'replace');
    expect(replaced).toMatchObject({ ok: true, value: { outcome: 'imported', document: { id: doc.value.id, title: 'Versjon frå A' } } });
    const history = await b.library.revisionList(doc.value.id);
    const before = history.ok ? history.value.find((r) => r.kind === 'before-import') : undefined;
    expect(before?.title).toBe('Mi endring i B');
  });

  it('refuses a file that is not a Melding file and changes nothing', async () => {
    const { b, importTo } = await twoLibraries();
    const result = await importTo.importFile(new TextEncoder().encode('not a zip'), 'ask');
    expect(result).toMatchObject({ ok: false, error: { code: 'import_not_melding' } });
    expect(b.library.list(DEFAULT_LIBRARY_QUERY, 0, 10).total).toBe(0);
  });

  it('names files after the title, safely', () => {
    const base = { id: '0f8fad5b-d9cb-469f-a165-70867728950e' };
    expect(fileNameFor({ ...base, title: 'Ventetidene skal ned: 2 mrd.' } as never)).toBe('Ventetidene skal ned 2 mrd');
    expect(fileNameFor({ ...base, title: '../../etc/passwd\u0000' } as never)).toBe('.. .. etc passwd');
    expect(fileNameFor({ ...base, title: '' } as never)).toBe('melding-0f8fad5b');
  });
});
