import type { CompanionStatus } from '../../../../shared/domain/publishing';
import { ok } from '../../../../shared/ipc/result';
import type { WpClient, WpResult } from './wpClient';

/** What a site offers beyond core WordPress: the companion plugin and the meta keys registered. */
export interface SiteInfo {
  readonly companion: CompanionStatus;
  /** Post meta keys the site exposes over REST (unregistered keys are dropped silently). */
  readonly postMeta: ReadonlySet<string>;
  readonly mediaMeta: ReadonlySet<string>;
}

/** The route the companion plugin answers on. */
export const COMPANION_STATUS_ROUTE = 'melding/v1/status';

/**
 * Reads the plugin's status route (404 rest_no_route: not installed) and the meta keys in the
 * posts' and media's REST schema (OPTIONS), so Melding never sends what the site would drop.
 */
export async function readSiteInfo(client: WpClient, signal?: AbortSignal): Promise<WpResult<SiteInfo>> {
  const [status, posts, media] = await Promise.all([
    client.request(COMPANION_STATUS_ROUTE, { signal, accept: [404] }),
    client.request('wp/v2/posts', { method: 'OPTIONS', signal }),
    client.request('wp/v2/media', { method: 'OPTIONS', signal }),
  ]);
  if (!status.ok) return status;
  if (!posts.ok) return posts;
  if (!media.ok) return media;
  const json = status.value.json as { plugin?: unknown; version?: unknown } | null;
  const installed = status.value.status === 200 && json?.plugin === 'melding-companion';
  const companion: CompanionStatus = { installed, version: installed && typeof json?.version === 'string' ? json.version.slice(0, 50) : null };
  return ok({ companion, postMeta: metaKeys(posts.value.json), mediaMeta: metaKeys(media.value.json) });
}

function metaKeys(options: unknown): Set<string> {
  const props = (options as { schema?: { properties?: { meta?: { properties?: unknown } } } } | null)?.schema?.properties?.meta?.properties;
  return new Set(props && typeof props === 'object' ? Object.keys(props) : []);
}

/**
 * What is not possible on a site, as keys under publishing.limits.* (empty with the plugin).
 * Without it Melding still finds its posts again (an id marker in the content) and notices site
 * edits (modified_gmt), but neither is a guarantee: a request that reaches the site after its
 * retry can make a second post, and two saves within one second look the same.
 */
export function siteLimits(site: SiteInfo): string[] {
  const limits: string[] = [];
  if (!site.companion.installed) limits.push('noIdempotentLookup', 'noConflictVersion');
  if (!site.postMeta.has('language')) limits.push('noLanguageMeta');
  if (!site.mediaMeta.has('photographer')) limits.push('noPhotographerMeta');
  return limits;
}
