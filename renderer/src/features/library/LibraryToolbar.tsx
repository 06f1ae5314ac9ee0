import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_TYPES, isDocumentType, isMaalform, isWorkflowStatus, MAALFORMER, WORKFLOW_STATUSES } from '../../../../shared/domain/vocabulary';
import type { LibraryQuery } from '../../../../shared/domain/libraryQuery';
import { PullPendingButton } from '../publishing/PullPendingButton';
import { QueueSelector } from '../workflow/QueueSelector';

interface LibraryToolbarProps {
  readonly query: LibraryQuery;
  readonly onQuery: (query: LibraryQuery) => void;
  readonly onCreate: () => void;
  readonly onImport: (file: File) => void;
  readonly onEmptyBin: () => void;
  readonly total: number | null;
  readonly bodySearchReady: boolean;
}

const SORTS = ['updated', 'created', 'title', 'relevance'] as const;

/** New, import, search, filters, sort, and the switch between the documents and the bin. */
export function LibraryToolbar({ query, onQuery, onCreate, onImport, onEmptyBin, total, bodySearchReady }: LibraryToolbarProps) {
  const { t } = useTranslation();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(query.text);

  // Search as you type, without a request per keystroke.
  useEffect(() => {
    if (text === query.text) return;
    const timer = setTimeout(() => onQuery({ ...query, text, sort: text && query.sort === 'updated' ? 'relevance' : !text && query.sort === 'relevance' ? 'updated' : query.sort }), 120);
    return () => clearTimeout(timer);
  }, [text, query, onQuery]);

  const single = <T extends string>(values: readonly T[]): T | '' => (values.length === 1 ? (values[0] as T) : '');
  const isBin = query.view === 'bin';

  return (
    <div className="library-toolbar">
      <div className="toolbar-row">
        <button type="button" className="button" onClick={onCreate} aria-keyshortcuts="Control+N">
          {t('library.actions.new')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => fileInput.current?.click()}>
          {t('library.actions.import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".melding"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          aria-label={t('library.actions.import')}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) onImport(file);
            e.target.value = '';
          }}
        />
      </div>
      <div className="toolbar-row">
        <label htmlFor={`${id}-search`} className="visually-hidden">
          {t('library.search.label')}
        </label>
        <input
          id={`${id}-search`}
          type="search"
          className="input search-input"
          placeholder={t('library.search.placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby={`${id}-count`}
        />
      </div>
      {isBin ? null : (
        <div className="toolbar-row">
          <QueueSelector query={query} onQuery={onQuery} />
        </div>
      )}
      {isBin ? null : <PullPendingButton />}
      <div className="toolbar-row filters">
        <label className="select-label">
          <span>{t('library.filter.status')}</span>
          <select className="select" value={single(query.statuses)} onChange={(e) => onQuery({ ...query, statuses: isWorkflowStatus(e.target.value) ? [e.target.value] : [] })}>
            <option value="">{t('library.filter.all')}</option>
            {WORKFLOW_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.workflow.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="select-label">
          <span>{t('library.filter.type')}</span>
          <select className="select" value={single(query.types)} onChange={(e) => onQuery({ ...query, types: isDocumentType(e.target.value) ? [e.target.value] : [] })}>
            <option value="">{t('library.filter.all')}</option>
            {DOCUMENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`documentType.nb.${type}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="select-label">
          <span>{t('library.filter.maalform')}</span>
          <select className="select" value={single(query.maalformer)} onChange={(e) => onQuery({ ...query, maalformer: isMaalform(e.target.value) ? [e.target.value] : [] })}>
            <option value="">{t('library.filter.all')}</option>
            {MAALFORMER.map((m) => (
              <option key={m} value={m}>
                {t(`maalform.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="select-label">
          <span>{t('library.sort.label')}</span>
          <select
            className="select"
            value={`${query.sort}:${query.direction}`}
            onChange={(e) => {
              const [sort, direction] = e.target.value.split(':') as [LibraryQuery['sort'], LibraryQuery['direction']];
              onQuery({ ...query, sort, direction });
            }}
          >
            {SORTS.filter((s) => s !== 'relevance' || query.text).flatMap((s) =>
              (s === 'title' ? (['asc', 'desc'] as const) : (['desc', 'asc'] as const)).map((d) => (
                <option key={`${s}:${d}`} value={`${s}:${d}`}>
                  {t(`library.sort.${s}_${d}`)}
                </option>
              )),
            )}
          </select>
        </label>
      </div>
      <div className="toolbar-row view-switch">
        <div role="group" aria-label={t('library.view.label')} className="segmented">
          <button type="button" aria-pressed={!isBin} onClick={() => onQuery({ ...query, view: 'active' })}>
            {t('library.view.active')}
          </button>
          <button type="button" aria-pressed={isBin} onClick={() => onQuery({ ...query, view: 'bin' })}>
            {t('library.view.bin')}
          </button>
        </div>
        {isBin && total ? (
          <button type="button" className="button button-danger button-small" onClick={onEmptyBin}>
            {t('library.bin.empty')}
          </button>
        ) : null}
      </div>
      <p id={`${id}-count`} className="result-count" role="status">
        <span>{total === null ? '' : t('library.count', { count: total })}</span>
        {query.text && !bodySearchReady ? <span className="indexing-note">{t('library.search.indexing')}</span> : null}
      </p>
    </div>
  );
}
