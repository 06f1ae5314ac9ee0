import { useTranslation } from 'react-i18next';
import type { ConnectionReport } from '../../../../shared/domain/publishing';
import { GrantSummary } from '../profile/GrantSummary';

const KNOWN_LIMITS = ['noIdempotentLookup', 'noConflictVersion', 'noPullPending', 'noLanguageMeta', 'noPhotographerMeta'] as const;
type KnownLimit = (typeof KNOWN_LIMITS)[number];
const isKnownLimit = (key: string): key is KnownLimit => (KNOWN_LIMITS as readonly string[]).includes(key);

/**
 * A connection test's result: who the user is on the site, their roles, each capability yes or
 * no (in words, not colour alone), and the companion plugin: installed, or what is then not possible.
 */
export function ConnectionReportView({ report }: { readonly report: ConnectionReport }) {
  const { t } = useTranslation();
  const { companion, limits } = report;
  return (
    <div className="connection-report">
      <GrantSummary grant={report.grant} headingLevel={4} />
      {companion.installed ? (
        <p className="connection-companion">
          {companion.version ? t('settings.publishing.report.companionInstalled', { version: companion.version }) : t('settings.publishing.report.companionInstalledNoVersion')}
        </p>
      ) : (
        <p className="connection-companion">{t('settings.publishing.report.companionMissing')}</p>
      )}
      {limits.length > 0 ? (
        <ul className="connection-limits">
          {limits.map((key) => (
            <li key={key}>{isKnownLimit(key) ? t(`publishing.limits.${key}`) : key}</li>
          ))}
        </ul>
      ) : companion.installed ? (
        <p className="hint">{t('settings.publishing.report.noLimits')}</p>
      ) : null}
    </div>
  );
}
