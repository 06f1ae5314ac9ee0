import { useTranslation } from 'react-i18next';
import { GrantSummary } from './GrantSummary';
import { useProfile } from './ProfileContext';
import { roleList } from './roleList';

/** In Settings: who is working, with which roles, and what the active website grants them. */
export function ProfileSettingsSection({ headingId }: { readonly headingId: string }) {
  const { t } = useTranslation();
  const { profile, grant } = useProfile();
  if (!profile) return null;
  return (
    <section className="about profile-settings" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('profile.settings.heading')}</h3>
      <p>{t('profile.settings.active', { name: profile.name, roles: roleList(t, profile.roles) })}</p>
      <GrantSummary grant={grant} headingLevel={4} />
    </section>
  );
}
