import type { z } from 'zod';
import { DOCUMENT_SCHEMA_VERSION, DocumentSchema, type Document } from './document';

/** One step of the stored format: `from` -> `from + 1`. Pure; never loses a field's content. */
export interface DocumentMigration {
  readonly from: number;
  migrate(raw: Record<string, unknown>): Record<string, unknown>;
}

/** Every step from the first stored format to DOCUMENT_SCHEMA_VERSION, in order. */
export const DOCUMENT_MIGRATIONS: readonly DocumentMigration[] = [
  {
    // 1 -> 2: the workflow's approval, audit log and publication time.
    from: 1,
    migrate: (raw) => ({
      ...raw,
      approval: null,
      audit: [],
      publishedAt: raw.status === 'publisert' && typeof raw.updatedAt === 'string' ? raw.updatedAt : null,
    }),
  },
];

export type MigrationOutcome<T = Document> =
  | { readonly kind: 'ok'; readonly document: T; readonly migratedFrom: number | null }
  | { readonly kind: 'newer'; readonly version: number }
  | { readonly kind: 'invalid'; readonly reason: string };

/**
 * Brings a parsed document file to the current format and validates it. A file from a newer
 * Melding is reported, not touched: opening it here could drop fields this version does not know.
 */
export function migrateDocument(raw: unknown): MigrationOutcome {
  return migrateRecord(raw, DOCUMENT_MIGRATIONS, DOCUMENT_SCHEMA_VERSION, DocumentSchema);
}

/** The runner behind migrateDocument, for any versioned record and schema. */
export function migrateRecord<T>(raw: unknown, migrations: readonly DocumentMigration[], target: number, schema: z.ZodType<T>): MigrationOutcome<T> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { kind: 'invalid', reason: 'not an object' };
  let current = raw as Record<string, unknown>;
  const version = current.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { kind: 'invalid', reason: 'no schema version' };
  if (version > target) return { kind: 'newer', version };
  for (let v = version; v < target; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) return { kind: 'invalid', reason: `no migration from version ${v}` };
    current = { ...step.migrate(structuredClone(current)), schemaVersion: v + 1 };
  }
  const parsed = schema.safeParse(current);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'invalid', reason: issue ? `${issue.path.join('.')}: ${issue.message}` : 'schema mismatch' };
  }
  return { kind: 'ok', document: parsed.data, migratedFrom: version === target ? null : version };
}
