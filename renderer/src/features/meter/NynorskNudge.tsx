import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NynorskNudge as Nudge } from '../../../../shared/domain/maalformMeterSchema';
import { api } from '../../lib/api';
import { formatShare, meterLocale } from './meterFormat';

interface NynorskNudgeProps {
  /** Switches the document to Nynorsk. */
  readonly onWriteNynorsk: () => void;
  /** The suggestion is gone (any answer): the caller puts focus back where the writer was going. */
  readonly onDone: () => void;
}

/**
 * On a new Bokmål document, while this year's published Nynorsk share is under 25 %: a calm
 * suggestion to write this one in Nynorsk. It never takes focus (the title has it) and never
 * blocks; the live region is there from the start, so its text is announced politely when it
 * arrives. "Not this year" is remembered in the settings.
 */
export function NynorskNudge({ onWriteNynorsk, onDone }: NynorskNudgeProps) {
  const { t, i18n } = useTranslation();
  const [nudge, setNudge] = useState<Nudge | null>(null);
  const [closed, setClosed] = useState(false);

  useEffect(() => {
    let live = true;
    void api.meter.nudge().then((result) => {
      if (live && result.ok && result.value.suggest) setNudge(result.value);
    });
    return () => {
      live = false;
    };
  }, []);

  const close = () => {
    setClosed(true);
    onDone();
  };
  const show = nudge !== null && !closed;
  return (
    // aria-live without role=status: the document's save indicator is its one status.
    <div className="nudge-region" aria-live="polite">
      {show ? (
        <div className="notice nudge">
          <span lang={i18n.language}>{t('meter.nudge.text', { share: formatShare(meterLocale(i18n.language), nudge.nnShare) })}</span>
          <span className="notice-actions">
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                onWriteNynorsk();
                close();
              }}
            >
              {t('meter.nudge.write')}
            </button>
            <button type="button" className="button button-secondary button-small" onClick={close}>
              {t('meter.nudge.notNow')}
            </button>
            <button
              type="button"
              className="button button-quiet button-small"
              onClick={() => {
                void api.settings.update({ nynorskNudgeDismissedYear: nudge.year });
                close();
              }}
            >
              {t('meter.nudge.notThisYear')}
            </button>
          </span>
        </div>
      ) : null}
    </div>
  );
}
