import { localSiteGrant, type BackendGrant } from '../../../shared/domain/backendGrant';

/** What the backend with this id grants the active user; null when it is not known (not tested yet). */
export type GrantSource = (backendId: string) => BackendGrant | null;

/**
 * A grant source that knows only the embedded local site (everyone may do everything there),
 * for tests of the workflow without a backends store. The app uses `BackendsStore.grantFor`.
 */
export function localGrantSource(now: () => Date): GrantSource {
  return (backendId) => (backendId === 'local-site' ? localSiteGrant(now()) : null);
}
