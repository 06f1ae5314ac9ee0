import { localSiteGrant, type BackendGrant } from '../../../shared/domain/backendGrant';

/** What the backend with this id grants the active user; null when it is not known (not tested yet). */
export type GrantSource = (backendId: string) => BackendGrant | null;

/**
 * The grant source until the publishing services provide one (`publishing.grantFor`): the
 * embedded local site lets everyone do everything; other backends are not known here.
 */
export function localGrantSource(now: () => Date): GrantSource {
  return (backendId) => (backendId === 'local-site' ? localSiteGrant(now()) : null);
}
