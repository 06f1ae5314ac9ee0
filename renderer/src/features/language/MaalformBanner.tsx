import type { Editor } from '@tiptap/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlockStats } from '../../../../shared/domain/language';
import type { Maalform } from '../../../../shared/domain/vocabulary';
import { addStats, readsAsOtherForm } from './readsAsOtherForm';
import { useLanguageSummary } from './useLanguageCheck';

interface MaalformBannerProps {
  readonly editor: Editor | null;
  readonly maalform: Maalform;
  /** The title's and the ingress's figures (the body's come from the editor). */
  readonly fieldStats: BlockStats;
  readonly onSwitch: (to: Maalform) => void;
}

/**
 * A calm notice at the top of the editor when the text reads as the other målform than the
 * document is set to, with the switch at hand. Hidden for the rest of this editing session once
 * dismissed.
 */
export function MaalformBanner({ editor, maalform, fieldStats, onSwitch }: MaalformBannerProps) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState(false);
  const summary = useLanguageSummary(editor);
  if (dismissed || !readsAsOtherForm(addStats(summary.stats, fieldStats))) return null;
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
