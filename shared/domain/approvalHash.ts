import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Document } from './document';

/** Everything an approval covers: what is published, and nothing else (not the internal note). */
export type ApprovedContent = Pick<Document, 'type' | 'maalform' | 'title' | 'ingress' | 'body' | 'images' | 'contacts' | 'tags' | 'embargoAt'>;

/** Bumped if what the hash covers ever changes, so old approvals read as stale rather than equal. */
const HASH_FORMAT = 1;

/**
 * SHA-256 (hex) over a canonical JSON of the published content. Object keys are sorted at every
 * depth, so the same text hashes the same whichever way its JSON was built (the editor and a
 * file read back from disk order attributes differently). Images keep their order (it is the
 * order on the page) and carry only what is published with them; a contact's link to the
 * register is bookkeeping and left out. The sperrefrist is normalised to UTC, so "+01:00" and
 * "Z" spellings of one instant agree.
 */
export function approvalHash(content: ApprovedContent): string {
  const canonical = {
    format: HASH_FORMAT,
    type: content.type,
    maalform: content.maalform,
    title: content.title,
    ingress: content.ingress,
    body: publishedForm(content.body),
    images: content.images.map(({ mediaId, caption, alt, credit, rights, decorative, featured }) => ({ mediaId, caption, alt, credit, rights, decorative, featured })),
    contacts: content.contacts.map(({ name, roleNb, roleNn, phone, email }) => ({ name, roleNb, roleNn, phone, email })),
    tags: content.tags,
    embargoAt: normaliseInstant(content.embargoAt),
  };
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(canonical))));
}

/**
 * The body as it is published: a link is its href (the serialiser writes nothing else of it),
 * and an attribute without a value is no attribute. The editor writes a link as
 * `{ href, target: null, rel, class: null }`, a sample, an import or an item pulled from a site
 * as `{ href }`: the same text, which must hash the same, or approving it right after opening
 * it fails as "changed since it was opened".
 */
function publishedForm(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(publishedForm);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === 'attrs' && value !== null && typeof value === 'object') {
      const isLink = (node as { type?: unknown }).type === 'link';
      const attrs = Object.entries(value as Record<string, unknown>).filter(([name, v]) => v !== null && v !== undefined && (!isLink || name === 'href'));
      if (attrs.length > 0) out.attrs = Object.fromEntries(attrs);
    } else out[key] = publishedForm(value);
  }
  return out;
}

function normaliseInstant(value: string | null): string | null {
  if (value === null) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

/** JSON with object keys sorted at every depth; `undefined` members dropped as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
