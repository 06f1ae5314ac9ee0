import { err, type Result } from '../../../shared/ipc/result';
import type { SiteItem, SiteLanguageSource } from '../meter/siteLanguageSource';
import { WordPressSiteLanguageSource, type WordPressSiteOptions } from '../meter/wordPressSiteLanguageSource';
import type { BackendsStore } from './backendsStore';

/**
 * The målform meter's site part: what the active backend has published, when it is a WordPress
 * site (the local site has nothing to count beyond the library). The reader is made with the
 * backend's stored password, unsealed only when the meter first asks, and made again when the
 * active backend or its address or user name changes.
 */
export function activeSiteLanguageSource(
  backends: Pick<BackendsStore, 'activeId' | 'config' | 'password'>,
  make: (options: WordPressSiteOptions) => SiteLanguageSource = (options) => new WordPressSiteLanguageSource(options),
): () => SiteLanguageSource | null {
  let cached: { key: string; source: SiteLanguageSource } | null = null;
  return () => {
    const config = backends.config(backends.activeId());
    if (config?.kind !== 'wordpress') return null;
    const key = `${config.id}\n${config.siteUrl}\n${config.userName}`;
    if (cached?.key === key) return cached.source;
    let inner: Promise<Result<SiteLanguageSource>> | null = null;
    const source: SiteLanguageSource = {
      backendId: config.id,
      list: async (year: number): Promise<Result<SiteItem[]>> => {
        inner ??= backends.password(config.id).then((password) =>
          password.ok ? { ok: true as const, value: make({ backendId: config.id, siteUrl: config.siteUrl, userName: config.userName, password: password.value }) } : password,
        );
        const ready = await inner;
        if (!ready.ok) {
          // Asked again next time: the user may type the password anew in Settings.
          inner = null;
          return err('meter_site_unavailable', ready.error.message);
        }
        return ready.value.list(year);
      },
    };
    cached = { key, source };
    return source;
  };
}
