import { newDocument, type Document } from '../../../shared/domain/document';
import type { Actor } from '../../../shared/domain/profile';
import { ROLES, type Role, type WorkflowStatus } from '../../../shared/domain/vocabulary';
import { approvalHash } from '../../../shared/domain/workflow';

export const DOC_ID = '7d1f0c2e-4b8a-4c3e-9f6d-2a5b8c9d0e1f';
export const NOW = new Date('2026-06-10T10:00:00Z');
export const KARI: Actor = { profileId: 'kari', name: 'Kari Nordmann', email: 'kari@dep.no' };
export const OLA: Actor = { profileId: 'ola', name: 'Ola Redaktør', email: 'ola@dep.no' };
export const MEDIA_ID = 'a'.repeat(64);

/** Every non-empty combination of roles: a person may hold several. */
export const ROLE_SETS: readonly (readonly Role[])[] = Array.from({ length: 2 ** ROLES.length - 1 }, (_, i) => ROLES.filter((_role, bit) => ((i + 1) >> bit) & 1));

/** Ids 1, 2, 3 … for audit entries, so tests can name them. */
export function counter(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

/** A complete press release (passes every check) in `status`, approved where that status carries an approval. */
export function docIn(status: WorkflowStatus, overrides: Partial<Document> = {}): Document {
  const base: Document = {
    ...newDocument({ id: DOC_ID, now: new Date('2026-06-01T08:00:00Z'), author: { name: KARI.name, email: KARI.email }, maalform: 'nn' }),
    title: 'Nytt tilskot til kystkulturen',
    ingress: 'Regjeringa aukar tilskotet.',
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Brødtekst.' }] }] },
    contacts: [{ contactId: 'c1', name: 'Per Pressevakt', roleNb: 'pressevakt', roleNn: 'pressevakt', phone: '+47 22 24 90 90', email: 'per@dep.no' }],
    images: [{ id: 'use-1', mediaId: MEDIA_ID, caption: 'Kaia i Florø.', alt: 'Ei kai med båtar', credit: 'Foto: NTB', rights: '', decorative: false, featured: true }],
    tags: ['kyst'],
    revision: 7,
    ...overrides,
    status,
  };
  const approved = status === 'godkjent' || status === 'planlagt' || status === 'publisert';
  return {
    ...base,
    approval: approved ? { hash: approvalHash(base), by: OLA, at: '2026-06-09T09:00:00.000Z', docRevision: base.revision } : null,
    publishedAt: status === 'publisert' ? '2026-06-09T10:00:00.000Z' : null,
    ...('approval' in overrides ? { approval: overrides.approval ?? null } : {}),
  };
}
