/** The parts of WordPress's REST answers Melding reads (context=edit), each checked where used. */
export interface WpPost {
  readonly id: number;
  readonly status: string;
  readonly date_gmt: string | null;
  readonly modified_gmt: string;
  readonly link: string;
  readonly slug: string;
  readonly title: { readonly raw?: string; readonly rendered?: string };
  readonly content: { readonly raw?: string; readonly rendered?: string };
  readonly excerpt: { readonly raw?: string; readonly rendered?: string };
  readonly categories: readonly number[];
  readonly tags: readonly number[];
  readonly featured_media: number;
  readonly meta?: Readonly<Record<string, unknown>>;
  /** Companion plugin fields. */
  readonly melding_version?: number;
  readonly melding_job_version?: number;
  readonly melding_source_hash?: string;
  readonly melding_modified_by?: string;
}

export interface WpMedia {
  readonly id: number;
  readonly source_url: string;
  readonly mime_type: string;
  readonly slug: string;
  readonly title: { readonly raw?: string; readonly rendered?: string };
  readonly caption: { readonly raw?: string; readonly rendered?: string };
  readonly alt_text: string;
  readonly media_details?: { readonly file?: string };
  readonly meta?: Readonly<Record<string, unknown>>;
}

export interface WpTerm {
  readonly id: number;
  readonly name: string;
  readonly slug: string;
}

export interface WpUser {
  readonly id: number;
  readonly name: string;
  readonly slug: string;
  readonly username?: string;
  readonly roles?: readonly string[];
  readonly capabilities?: Readonly<Record<string, boolean>>;
}

export function isWpPost(value: unknown): value is WpPost {
  const v = value as WpPost;
  return typeof v === 'object' && v !== null && typeof v.id === 'number' && typeof v.status === 'string' && typeof v.title === 'object' && typeof v.content === 'object';
}

export function isWpMedia(value: unknown): value is WpMedia {
  const v = value as WpMedia;
  return typeof v === 'object' && v !== null && typeof v.id === 'number' && typeof v.source_url === 'string';
}

export function isWpTerm(value: unknown): value is WpTerm {
  const v = value as WpTerm;
  return typeof v === 'object' && v !== null && typeof v.id === 'number' && typeof v.name === 'string' && typeof v.slug === 'string';
}

/** WordPress's GMT dates have no zone; they are UTC. */
export function wpGmtToIso(value: string | null | undefined): string | null {
  if (!value || value.startsWith('0000')) return null;
  const ms = Date.parse(`${value.replace(/Z$/, '')}Z`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** An instant as WordPress's date_gmt wants it: UTC, seconds, no zone. */
export function isoToWpGmt(value: string | Date): string {
  return new Date(value).toISOString().slice(0, 19);
}

/** Names and titles come back with HTML entities (rendered) or as typed (raw). */
export function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#039;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}
