import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/ipc/result';
import { ErrorText } from '../../app/ErrorText';
import { api } from '../../lib/api';

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'found'; readonly ids: readonly string[]; readonly bytes: number }
  | { readonly kind: 'removed'; readonly count: number; readonly bytes: number }
  | { readonly kind: 'error'; readonly error: AppError };

const megabytes = (bytes: number, locale: string) => (bytes / (1024 * 1024)).toLocaleString(locale, { maximumFractionDigits: 1 });

/**
 * Clean-up of stored photos that nothing uses any more: explicit, in two steps (find, then
 * remove what was found), and safe — the services check each photo again against every
 * document, the bin and every stored version before removing it.
 */
export function UnusedMedia({ headingId }: { readonly headingId: string }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'idle' });

  const find = async () => {
    setState({ kind: 'busy' });
    const result = await api.media.unused();
    if (!result.ok) return setState({ kind: 'error', error: result.error });
    setState({ kind: 'found', ids: result.value.items.map((m) => m.id), bytes: result.value.bytes });
  };
  const remove = async (ids: readonly string[]) => {
    setState({ kind: 'busy' });
    const result = await api.media.removeUnused({ ids: [...ids] });
    if (!result.ok) return setState({ kind: 'error', error: result.error });
    setState({ kind: 'removed', count: result.value.removed, bytes: result.value.bytes });
  };

  return (
    <section className="about" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('settings.media.heading')}</h3>
      <p className="hint">{t('settings.media.hint')}</p>
      <p>
        <button type="button" className="button button-secondary button-small" disabled={state.kind === 'busy'} onClick={() => void find()}>
          {t('settings.media.find')}
        </button>
      </p>
      <div aria-live="polite">
        {state.kind === 'busy' ? t('settings.media.busy') : null}
        {state.kind === 'found' && state.ids.length === 0 ? t('settings.media.none') : null}
        {state.kind === 'found' && state.ids.length > 0 ? t('settings.media.found', { count: state.ids.length, size: megabytes(state.bytes, i18n.language) }) : null}
        {state.kind === 'removed' ? t('settings.media.removed', { count: state.count, size: megabytes(state.bytes, i18n.language) }) : null}
      </div>
      {state.kind === 'found' && state.ids.length > 0 ? (
        <p>
          <button type="button" className="button button-danger button-small" onClick={() => void remove(state.ids)}>
            {t('settings.media.remove', { count: state.ids.length })}
          </button>
        </p>
      ) : null}
      {state.kind === 'error' ? (
        <p className="feedback feedback-error" role="alert">
          <ErrorText error={state.error} />
        </p>
      ) : null}
    </section>
  );
}
