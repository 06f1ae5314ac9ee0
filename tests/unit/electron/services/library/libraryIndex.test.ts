import { randomUUID } from 'node:crypto';
import { appendFile, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryIndex } from '../../../../../electron/services/library/libraryIndex';
import { newDocument } from '../../../../../shared/domain/document';
import { toSummary } from '../../../../../shared/domain/documentSummary';
import { libraryDir } from '../../../support/libraryFixture';

const summary = (title: string) => ({ ...toSummary(newDocument({ id: randomUUID(), now: new Date('2026-11-23T10:00:00Z'), author: { name: 'Kari', email: '' } })), title });

describe('LibraryIndex', () => {
  it('journals each change as one appended line instead of rewriting the index', async () => {
    const dir = await libraryDir();
    const { index, state } = await LibraryIndex.open(dir);
    expect(state).toBe('missing');
    await index.replaceAll([]);
    const indexSize = (await stat(join(dir, 'index.json'))).size;
    const a = summary('A');
    await index.put(a);
    await index.put({ ...a, title: 'A2' });
    expect((await stat(join(dir, 'index.json'))).size).toBe(indexSize);
    expect((await readFile(join(dir, 'index.journal'), 'utf8')).trim().split('\n')).toHaveLength(2);
    const reopened = await LibraryIndex.open(dir);
    expect(reopened.state).toBe('ok');
    expect(reopened.index.entries.get(a.id)?.title).toBe('A2');
  });

  it('ignores a torn last journal line (power cut mid-append)', async () => {
    const dir = await libraryDir();
    const { index } = await LibraryIndex.open(dir);
    const a = summary('A');
    await index.put(a);
    await appendFile(join(dir, 'index.journal'), '{"op":"put","s":{"id":"');
    const reopened = await LibraryIndex.open(dir);
    expect(reopened.index.entries.get(a.id)?.title).toBe('A');
  });

  it('keeps the first line appended after a torn one, rather than gluing it to the torn bytes', async () => {
    const dir = await libraryDir();
    const { index } = await LibraryIndex.open(dir);
    await index.put(summary('A'));
    await appendFile(join(dir, 'index.journal'), '{"op":"put","s":{"id":"');
    const b = summary('B');
    await (await LibraryIndex.open(dir)).index.put(b);
    expect((await LibraryIndex.open(dir)).index.entries.get(b.id)?.title).toBe('B');
    const lines = (await readFile(join(dir, 'index.journal'), 'utf8')).split('\n').filter((l) => l !== '');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toHaveLength(2);
  });

  it('replays removals and compacts into index.json', async () => {
    const dir = await libraryDir();
    const { index } = await LibraryIndex.open(dir);
    const a = summary('A');
    const b = summary('B');
    await index.put(a);
    await index.put(b);
    await index.remove(a.id);
    await index.close();
    const raw = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as { entries: { id: string }[] };
    expect(raw.entries.map((e) => e.id)).toEqual([b.id]);
    await expect(stat(join(dir, 'index.journal'))).rejects.toThrow();
  });

  it('reports a damaged index so the library rebuilds it', async () => {
    const dir = await libraryDir();
    await writeFile(join(dir, 'index.json'), '');
    expect((await LibraryIndex.open(dir)).state).toBe('corrupt');
    await writeFile(join(dir, 'index.json'), '{"format":99,"entries":[]}');
    expect((await LibraryIndex.open(dir)).state).toBe('corrupt');
    await writeFile(join(dir, 'index.json'), JSON.stringify({ format: 2, entries: [{ id: 'not-a-summary' }] }));
    expect((await LibraryIndex.open(dir)).state).toBe('corrupt');
  });

  it('reports an index in the older summary format as outdated, and ignores its journal', async () => {
    const dir = await libraryDir();
    const { publishedAt: _p, submittedBy: _s, approvedBy: _a, ...old } = summary('Gammal');
    await writeFile(join(dir, 'index.json'), JSON.stringify({ format: 1, entries: [old] }));
    await writeFile(join(dir, 'index.journal'), `${JSON.stringify({ op: 'put', s: { ...old, title: 'Endra' } })}\n`);
    const opened = await LibraryIndex.open(dir);
    expect(opened.state).toBe('outdated');
    expect(opened.index.entries.size).toBe(0);
  });
});
