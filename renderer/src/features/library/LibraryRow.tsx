import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../../shared/domain/documentSummary';

interface LibraryRowProps {
  readonly item: DocumentSummary | undefined;
  readonly index: number;
  readonly total: number;
  readonly top: number;
  readonly active: boolean;
  readonly selected: boolean;
  readonly inBin: boolean;
  readonly onClick: () => void;
  readonly onRestore: (() => void) | undefined;
  readonly formatDate: (iso: string) => string;
}

/** One document in the list: title, status, type, målform, excerpt and date. */
export function LibraryRow({ item, index, total, top, active, selected, inBin, onClick, onRestore, formatDate }: LibraryRowProps) {
  const { t } = useTranslation();
  const className = `library-row${active ? ' is-active' : ''}${selected ? ' is-selected' : ''}`;
  if (!item) {
    return <div className={`${className} is-loading`} style={{ transform: `translateY(${top}px)` }} role="option" aria-selected={false} aria-setsize={total} aria-posinset={index + 1} aria-busy="true" />;
  }
  return (
    <div
      id={`doc-${item.id}`}
      className={className}
      style={{ transform: `translateY(${top}px)` }}
      role="option"
      aria-selected={selected}
      aria-setsize={total}
      aria-posinset={index + 1}
      onClick={onClick}
    >
      <div className="row-top">
        <span className={`row-title${item.title ? '' : ' is-untitled'}`} lang={item.maalform}>
          {item.title || t('library.untitled')}
        </span>
        <span className="row-date">{formatDate(inBin && item.deletedAt ? item.deletedAt : item.updatedAt)}</span>
      </div>
      <div className="row-meta">
        <span className={`badge status-${item.status}`}>{t(`status.workflow.${item.status}`)}</span>
        <span>{t(`documentType.${item.maalform}.${item.type}`)}</span>
        <span className="badge badge-form" title={t(`maalform.${item.maalform}`)}>
          {item.maalform}
        </span>
      </div>
      {item.excerpt ? (
        <p className="row-excerpt" lang={item.maalform}>
          {item.excerpt}
        </p>
      ) : null}
      {onRestore ? (
        <button
          type="button"
          className="button button-small"
          tabIndex={-1}
          onClick={(e) => {
            e.stopPropagation();
            onRestore();
          }}
        >
          {t('library.bin.restore')}
        </button>
      ) : null}
    </div>
  );
}
