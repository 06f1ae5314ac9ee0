// A real WordPress for the publishing tests (../shared/backends/wordpress-up.sh, Debian packages,
// 127.0.0.1): port 8083 with the companion plugin installed as a mu-plugin, 8084 plain (no plugin,
// no test fields). In CI (CI=true) a WordPress that cannot start fails the run; elsewhere the
// tests skip with the reason printed.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { newDocument, type Document, type ImageUse } from '../../../../shared/domain/document';
import type { OutboxAction, OutboxJob } from '../../../../shared/domain/outboxJob';
import type { WithdrawMode } from '../../../../shared/domain/publishing';
import { silentLogger } from '../../../../electron/services/logger';
import { MediaStore } from '../../../../electron/services/media/mediaStore';
import type { RunContext } from '../../../../electron/services/publishing/publishingBackend';
import { WordPressBackend } from '../../../../electron/services/publishing/wordpress/wordPressBackend';

const ROOT = resolve(import.meta.dirname, '../../../..');
const SCRIPT = process.env.MELDING_WP_UP ?? join(ROOT, '..', 'shared', 'backends', 'wordpress-up.sh');
export const PLUGIN_FILE = join(ROOT, 'resources/wordpress/melding-companion/melding-companion.php');

export type Role = 'admin' | 'editor' | 'author' | 'contributor';

export interface WpSite {
  readonly port: number;
  readonly base: string;
  readonly plugin: boolean;
  readonly users: Readonly<Record<Role, { user: string; password: string }>>;
  readonly stateDir: string;
}

/**
 * Brings a WordPress up (or finds it up) and installs the plugin where asked. Answers the site or
 * why not; under CI=true "why not" throws, so a missing WordPress never passes as skipped tests.
 */
export function bringUp(port: number, plugin: boolean): WpSite | string {
  const why = tryBringUp(port, plugin);
  if (typeof why === 'string' && process.env.CI === 'true') throw new Error(`WordPress on ${port} is needed in CI: ${why}`);
  if (typeof why === 'string') console.warn(`skipped: WordPress publishing tests on port ${port} (${why})`);
  return why;
}

function tryBringUp(port: number, plugin: boolean): WpSite | string {
  if (!existsSync(SCRIPT)) return `WordPress test backend script not found at ${SCRIPT}`;
  if (process.getuid?.() !== 0) return 'wordpress-up.sh needs root to start WordPress';
  try {
    const out = execFileSync('bash', [SCRIPT, String(port)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000, env: { ...process.env, WP_PRESS_FIELDS: '0' } });
    const env = Object.fromEntries([...out.matchAll(/^(WP_\w+)=(.*)$/gm)].map((m) => [m[1], (m[2] ?? '').replace(/^'(.*)'$/, '$1')]));
    if (!env.WP_BASE_URL || !env.WP_ADMIN_APP_PASSWORD || !env.WP_STATE_DIR) return 'wordpress-up.sh printed no credentials';
    const muPlugins = join(env.WP_STATE_DIR, 'wp-content', 'mu-plugins');
    const installed = join(muPlugins, 'melding-companion.php');
    // The plain site must not have the test fields either (the script leaves them out with WP_PRESS_FIELDS=0).
    rmSync(join(muPlugins, 'press-fields.php'), { force: true });
    if (plugin) copyFileSync(PLUGIN_FILE, installed);
    else rmSync(installed, { force: true });
    const user = (role: Role) => ({ user: env[`WP_${role.toUpperCase()}_USER`] ?? role, password: env[`WP_${role.toUpperCase()}_APP_PASSWORD`] ?? '' });
    return { port, base: env.WP_BASE_URL, plugin, stateDir: env.WP_STATE_DIR, users: { admin: user('admin'), editor: user('editor'), author: user('author'), contributor: user('contributor') } };
  } catch (error) {
    return `WordPress could not start: ${(error as Error).message.split('\n')[0]}`;
  }
}

export function backendFor(site: WpSite, role: Role, options: { withdrawMode?: WithdrawMode; fetch?: typeof fetch; timeoutMs?: number; siteUrl?: string } = {}): WordPressBackend {
  return new WordPressBackend({
    id: `wp-test-${site.port}`,
    siteUrl: options.siteUrl ?? site.base,
    userName: site.users[role].user,
    password: site.users[role].password,
    withdrawMode: options.withdrawMode ?? 'draft',
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
  });
}

/** The REST API as the administrator, for setting up and checking what is on the site. */
export async function rest<T = unknown>(site: WpSite, method: string, path: string, body?: unknown, role: Role = 'admin'): Promise<T> {
  const { user, password } = site.users[role];
  const response = await fetch(`${site.base}/wp-json/${path}`, {
    method,
    headers: { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json: unknown = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json).slice(0, 300)}`);
  return json as T;
}

/** Every post on the site (any status), with the fields the checks need. */
export async function allPosts(site: WpSite): Promise<{ id: number; status: string; meta?: Record<string, unknown>; content: { raw: string }; title: { raw: string } }[]> {
  const out: { id: number; status: string; meta?: Record<string, unknown>; content: { raw: string }; title: { raw: string } }[] = [];
  for (let page = 1; ; page++) {
    const batch = await rest<typeof out>(site, 'GET', `wp/v2/posts?status=draft,pending,future,publish,private,trash&context=edit&per_page=100&page=${page}&_fields=id,status,meta,content,title`).catch(() => []);
    out.push(...batch);
    if (batch.length < 100) return out;
  }
}

export async function allMedia(site: WpSite): Promise<{ id: number; slug: string; meta?: Record<string, unknown> }[]> {
  const out: { id: number; slug: string; meta?: Record<string, unknown> }[] = [];
  for (let page = 1; ; page++) {
    const batch = await rest<typeof out>(site, 'GET', `wp/v2/media?per_page=100&page=${page}&_fields=id,slug,meta`).catch(() => []);
    out.push(...batch);
    if (batch.length < 100) return out;
  }
}

/** A media store in a temp folder with real photos made by sharp (a few hundred kB of noise each). */
export async function photoStore(count: number, size = 1600): Promise<{ store: MediaStore; ids: string[]; dispose: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'melding-wp-media-'));
  const store = await MediaStore.open({ dir, logger: silentLogger, now: () => new Date() });
  const ids = await addPhotos(store, count, size);
  return { store, ids, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Makes `count` distinct photos (`seed` varies them between calls) and ingests them. */
export async function addPhotos(store: MediaStore, count: number, size = 1600, seed = 0): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const height = Math.round(size * 0.66);
    const noise = Buffer.alloc(size * height * 3);
    for (let j = 0; j < noise.length; j++) noise[j] = (j * 7 + (i + seed) * 131 + ((j / 977) | 0)) & 0xff;
    const jpeg = await sharp(noise, { raw: { width: size, height, channels: 3 } }).jpeg({ quality: 80 }).toBuffer();
    const ingested = await store.ingest(`photo-${i}.jpg`, jpeg);
    if (!ingested.ok) throw new Error(ingested.error.message);
    ids.push(ingested.value.media.id);
  }
  return ids;
}

export function imageUse(mediaId: string, n: number, featured = false): ImageUse {
  return { id: `use-${n}`, mediaId, caption: `Bilete ${n} & «sitat»`, alt: `Alternativ tekst ${n}`, credit: `Fotograf ${n}`, rights: '', decorative: false, featured };
}

/** A press release with everything that is published: body with a heading, list, link, figures; contacts; tags. */
export function pressRelease(init: { maalform?: 'nb' | 'nn'; mediaIds?: readonly string[]; title?: string; tags?: string[] } = {}): Document {
  const doc = newDocument({ id: randomUUID(), now: new Date(), author: { name: 'Kari Nordmann', email: 'kari@example.invalid' }, maalform: init.maalform ?? 'nb' });
  const images = (init.mediaIds ?? []).map((id, i) => imageUse(id, i + 1, i === 0));
  return {
    ...doc,
    title: init.title ?? `Regjeringa styrkjer sjukehusa & «beredskapen» ${doc.id.slice(0, 8)}`,
    ingress: 'Departementet legg fram ein plan for <betre> beredskap.',
    body: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Første avsnitt med ' }, { type: 'text', marks: [{ type: 'bold' }], text: 'feit' }, { type: 'text', text: ' og ' }, { type: 'text', marks: [{ type: 'link', attrs: { href: 'https://www.regjeringen.no/' } }], text: 'lenkje' }, { type: 'text', text: '.' }] },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Tiltak' }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Eitt' }] }] }, { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'To' }] }] }] },
        ...images.slice(1).map((use) => ({ type: 'figure', attrs: { imageUseId: use.id } })),
        { type: 'paragraph', content: [{ type: 'text', text: 'Siste avsnitt.' }] },
      ],
    },
    contacts: [{ contactId: null, name: 'Ola Nordmann', roleNb: 'kommunikasjonssjef', roleNn: 'kommunikasjonssjef', phone: '+47 22 24 90 90', email: 'ola@example.invalid' }],
    images,
    tags: init.tags ?? ['beredskap', 'helse'],
  };
}

export function job(doc: Document, action: OutboxAction): OutboxJob {
  const at = new Date().toISOString();
  return { id: randomUUID(), documentId: doc.id, action, backendId: null, actor: { profileId: 'p1', name: 'Kari', email: '' }, createdAt: at, docRevision: doc.revision, approvalHash: null, comment: '', state: 'running', attempts: 0, nextAttemptAt: at, lastError: null, finishedAt: null, overwriteVersion: null };
}

export function context(media: MediaStore, overwriteVersion: string | null = null, signal: AbortSignal = new AbortController().signal): RunContext & { phases: string[] } {
  const phases: string[] = [];
  return { media, signal, overwriteVersion, phases, progress: (done, total, phase) => phases.push(`${phase}:${done}/${total}`) };
}

/** A document after a step: what the runner stores from the outcome. */
export function applied(doc: Document, outcome: { remote: Document['remote']; publishedAt?: string | null }, status?: Document['status']): Document {
  return { ...doc, remote: outcome.remote, revision: doc.revision + 1, ...(status ? { status } : {}), ...(outcome.publishedAt !== undefined ? { publishedAt: outcome.publishedAt } : {}) };
}
