import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { DocumentsIcon } from '../../app/icons';

/** The list of documents. Until the library store lands it can only be empty, and says so. */
export function LibraryPane({ ref }: { readonly ref: Ref<HTMLElement> }) {
  const { t } = useTranslation();
  return (
    <nav ref={ref} className="library" aria-labelledby="library-heading" tabIndex={-1}>
      <h2 id="library-heading" className="pane-heading">
        {t('library.heading')}
      </h2>
      <div className="empty-state">
        <DocumentsIcon />
        <h3>{t('library.empty.title')}</h3>
        <p>{t('library.empty.body')}</p>
      </div>
    </nav>
  );
}
