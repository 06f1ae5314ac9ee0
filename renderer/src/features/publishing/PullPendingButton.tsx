import type { TFunction } from 'i18next';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PullProgress } from '../../../../shared/domain/publishing';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import type { AppError } from '../../../../shared/ipc/result';
import { InlineError } from '../../app/ErrorText';
import { api } from '../../lib/api';
import { useProfile } from '../profile/ProfileContext';
import { pullProgressView } from './progressText';
import { ProgressBar } from './PublishingProgressBar';
import { backendFor, useBackends } from './useBackends';

type PullCounts = ChannelOutput<'publishing:pullPending'>;

/**
 * "Hent saker til godkjenning": for an editor (redaktør) when the active site is a WordPress,
 * fetches the items waiting for approval there into the library, with their images.
 */
export function PullPendingButton() {
  const { t } = useTranslation();
  const id = useId();
  const { profile } = useProfile();
  const backends = useBackends();
  const [busy, setBusy] = useState(false);
  // Kept as counts, not text, so the sentence follows a change of UI language.
  const [result, setResult] = useState<PullCounts | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [progress, setProgress] = useState<PullProgress | null>(null);
  const active = backendFor(backends, null);

  // How far the pull has come: items stored of those waiting on the site.
  useEffect(() => {
    if (!busy) return;
    return api.onPublishingPullProgress(setProgress);
  }, [busy]);
  if (!profile?.roles.includes('redaktor') || active?.config.kind !== 'wordpress') return null;

  const pull = async () => {
    setBusy(true);
    setProgress(null);
    setError(null);
    setResult(null);
    const answer = await api.publishing.pullPending();
    setBusy(false);
    setProgress(null);
    if (!answer.ok) return setError(answer.error);
    setResult(answer.value);
  };

  return (
    <div className="pull-pending">
      <button type="button" className="button button-secondary" disabled={busy} aria-describedby={`${id}-status`} onClick={() => void pull()}>
        {t('publishing.pull.button')}
      </button>
      <div id={`${id}-status`} className="pull-pending-status" role="status">
        {busy ? (
          <ProgressBar view={pullProgressView(t, progress)} label={t('publishing.pull.button')} />
        ) : result ? (
          pullResultText(t, result)
        ) : null}
      </div>
      <InlineError error={error} />
    </div>
  );
}

/** "Hentet: 3 nye, 1 oppdatert."; a part that is zero is left out. */
function pullResultText(t: TFunction, { added, updated, unchanged }: PullCounts): string {
  if (added + updated === 0) return unchanged > 0 ? t('publishing.pull.nothingNew', { count: unchanged }) : t('publishing.pull.none');
  const parts = { added: t('publishing.pull.added', { count: added }), updated: t('publishing.pull.updated', { count: updated }) };
  return updated === 0 ? t('publishing.pull.resultAdded', parts) : added === 0 ? t('publishing.pull.resultUpdated', parts) : t('publishing.pull.result', parts);
}
