import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../app/ErrorText';
import { formatTime } from '../../lib/format';
import type { AutosaveController } from './autosaveController';
import { useSaveState } from './useAutosave';

/** Says honestly where the text is: stored, on its way, or only here because saving failed. */
export function SaveIndicator({ controller }: { readonly controller: AutosaveController }) {
  const { t } = useTranslation();
  const state = useSaveState(controller);
  const onRetry = () => void controller.flush();
  if (state.kind === 'failed') {
    return (
      <div className="save-indicator is-failed" role="alert">
        <span>
          {t('editor.save.failed', { seconds: Math.round(state.retryInMs / 1000) })} <ErrorText error={state.error} />
        </span>
        <button type="button" className="button button-small" onClick={onRetry}>
          {t('editor.save.retryNow')}
        </button>
      </div>
    );
  }
  const text =
    state.kind === 'saved'
      ? t('editor.save.saved', { time: formatTime(state.at) })
      : state.kind === 'conflict'
        ? t('editor.save.conflict')
        : state.kind === 'saving'
          ? t('editor.save.saving')
          : t('editor.save.pending');
  return (
    <div className={`save-indicator is-${state.kind}`} role="status" aria-live="polite">
      <span className="save-dot" aria-hidden="true" />
      {text}
    </div>
  );
}
