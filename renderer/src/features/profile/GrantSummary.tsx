import { useTranslation } from 'react-i18next';
import type { BackendCapabilities, BackendGrant } from '../../../../shared/domain/backendGrant';

const CAPABILITIES: readonly (keyof BackendCapabilities)[] = ['submit', 'approve', 'publish', 'uploadMedia', 'unpublish'];

/** What the active website grants the profile: its roles there and each capability, yes or no. */
export function GrantSummary({ grant, headingLevel = 3 }: { readonly grant: BackendGrant | null; readonly headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <section className="grant-summary" aria-label={t('profile.grant.heading')}>
      <Heading className="grant-heading">{t('profile.grant.heading')}</Heading>
      {grant === null ? (
        <p className="hint">{t('profile.grant.none')}</p>
      ) : grant.kind === 'local-site' ? (
        <p className="hint">{t('profile.grant.local')}</p>
      ) : (
        <>
          <p>{t('profile.grant.backend', { name: grant.displayName || grant.backendId, user: grant.userName })}</p>
          <p>{grant.roles.length > 0 ? t('profile.grant.roles', { roles: grant.roles.join(', ') }) : t('profile.grant.noRoles')}</p>
          <ul className="grant-capabilities">
            {CAPABILITIES.map((c) => (
              <li key={c} className={grant.capabilities[c] ? 'is-granted' : 'is-refused'}>
                <span aria-hidden="true">{grant.capabilities[c] ? '✓' : '✕'}</span> {t(`profile.grant.capability.${c}`)}: {grant.capabilities[c] ? t('profile.grant.yes') : t('profile.grant.no')}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
