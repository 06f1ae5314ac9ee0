import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DOCUMENT_SCHEMA_VERSION, newDocument } from '../../../../shared/domain/document';
import { migrateDocument, migrateRecord, type DocumentMigration } from '../../../../shared/domain/documentMigrations';

const current = () => newDocument({ id: randomUUID(), now: new Date('2026-11-23T10:00:00Z'), author: { name: 'Kari', email: '' } });

describe('migrateDocument', () => {
  it('accepts a current document unchanged', () => {
    const doc = current();
    expect(migrateDocument(JSON.parse(JSON.stringify(doc)))).toEqual({ kind: 'ok', document: doc, migratedFrom: null });
  });

  it('refuses a file from a newer Melding without touching it', () => {
    expect(migrateDocument({ ...current(), schemaVersion: DOCUMENT_SCHEMA_VERSION + 1, futureField: true })).toEqual({ kind: 'newer', version: DOCUMENT_SCHEMA_VERSION + 1 });
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['no version', { title: 'x' }],
    ['version 0', { schemaVersion: 0 }],
    ['a fractional version', { schemaVersion: 1.5 }],
    ['a wrong shape', { ...newDocument({ id: randomUUID(), now: new Date(), author: { name: '', email: '' } }), title: 42 }],
  ])('calls %s invalid', (_name, raw) => {
    expect(migrateDocument(raw).kind).toBe('invalid');
  });
});

describe('migrateRecord (the runner)', () => {
  // A made-up history of three formats: v1 had `lead`, v2 renamed it `ingress`, v3 added `tags`.
  const V3 = z.object({ schemaVersion: z.literal(3), title: z.string(), ingress: z.string(), tags: z.array(z.string()) }).strict();
  const steps: DocumentMigration[] = [
    { from: 2, migrate: (raw) => ({ ...raw, tags: [] }) },
    { from: 1, migrate: ({ lead, ...rest }) => ({ ...rest, ingress: lead }) },
  ];

  it('runs every step in order, from any older version, and validates the result', () => {
    expect(migrateRecord({ schemaVersion: 1, title: 'T', lead: 'L' }, steps, 3, V3)).toEqual({
      kind: 'ok',
      document: { schemaVersion: 3, title: 'T', ingress: 'L', tags: [] },
      migratedFrom: 1,
    });
    expect(migrateRecord({ schemaVersion: 2, title: 'T', ingress: 'I' }, steps, 3, V3)).toMatchObject({ kind: 'ok', migratedFrom: 2 });
  });

  it('does not change the input', () => {
    const raw = { schemaVersion: 1, title: 'T', lead: 'L' };
    migrateRecord(raw, steps, 3, V3);
    expect(raw).toEqual({ schemaVersion: 1, title: 'T', lead: 'L' });
  });

  it('calls a missing step or a step that produces the wrong shape invalid', () => {
    expect(migrateRecord({ schemaVersion: 1, title: 'T', lead: 'L' }, [steps[0] as DocumentMigration], 3, V3)).toEqual({ kind: 'invalid', reason: 'no migration from version 1' });
    const broken: DocumentMigration[] = [{ from: 1, migrate: (raw) => raw }, steps[0] as DocumentMigration];
    expect(migrateRecord({ schemaVersion: 1, title: 'T', lead: 'L' }, broken, 3, V3).kind).toBe('invalid');
  });
});

describe('document format 1 -> 2', () => {
  it('adds an empty workflow record, and a publication time to published documents', () => {
    const { approval: _a, audit: _b, publishedAt: _c, ...v1 } = { ...current(), schemaVersion: 1, status: 'publisert' as const };
    const migrated = migrateDocument(JSON.parse(JSON.stringify(v1)));
    expect(migrated).toMatchObject({ kind: 'ok', migratedFrom: 1, document: { schemaVersion: 2, approval: null, audit: [], publishedAt: v1.updatedAt, title: v1.title } });
  });

  it('leaves drafts unpublished', () => {
    const { approval: _a, audit: _b, publishedAt: _c, ...v1 } = { ...current(), schemaVersion: 1 };
    expect(migrateDocument(JSON.parse(JSON.stringify(v1)))).toMatchObject({ kind: 'ok', document: { publishedAt: null, status: 'utkast' } });
  });
});
