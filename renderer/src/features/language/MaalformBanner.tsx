import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlockStats } from '../../../../shared/domain/language';
import type { Maalform } from '../../../../shared/domain/vocabulary';
import { readsAsOtherForm } from './readsAsOtherForm';

interface MaalformBannerProps {
  readonly maalform: Maalform;
  /** Body, title and ingress together, counted against `maalform`. */
  readonly stats: BlockStats;
  readonly onSwitch: (to: Maalform) => void;
}

/**
 * A calm notice at the top of the editor when the text reads as the other målform than the
 * document is set to, with the switch at hand. Hidden for the rest of this editing session once
 * dismissed.
 */
export function MaalformBanner({ maalform, stats, onSwitch }: MaalformBannerProps) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState(false);
  if (dismissed || !readsAsOtherForm(stats)) return null;
  const other: Maalform = maalform === 'nb' ? 'nn' : 'nb';
  return (
    <div className="notice lang-banner" role="status">
      <span>{t(`language.banner.readsAs.${maalform}`)}</span>
      <span className="notice-actions">
        <button type="button" className="button button-small" onClick={() => onSwitch(other)}>
          {t(`language.banner.switch.${maalform}`)}
        </button>
        <button type="button" className="button button-secondary button-small" onClick={() => setDismissed(true)}>
          {t('language.banner.dismiss')}
        </button>
      </span>
    </div>
  );
}
