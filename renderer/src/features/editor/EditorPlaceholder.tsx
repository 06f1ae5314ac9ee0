import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

/** The editing area while no document is open. */
export function EditorPlaceholder({ ref }: { readonly ref: Ref<HTMLElement> }) {
  const { t } = useTranslation();
  return (
    <main ref={ref} id="main" className="document-area" aria-label={t('app.regions.document')} tabIndex={-1}>
      <div className="placeholder">
        <h1>{t('editor.placeholder.title')}</h1>
        <p>{t('editor.placeholder.body')}</p>
        <p className="hint">{t('app.shortcuts.cycleRegions')}</p>
      </div>
    </main>
  );
}
