import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentType, Maalform, WorkflowStatus } from '../../../../shared/domain/document';
import { DEFAULT_LIBRARY_QUERY } from '../../../../shared/domain/defaultLibraryQuery';
import type { LibraryQuery } from '../../../../shared/domain/libraryQuery';
import { DocumentsIcon } from '../../app/icons';
import { InlineError } from '../../app/ErrorText';
import { formatDate } from '../../lib/format';
import { LibraryRow } from './LibraryRow';
import { LibraryToolbar } from './LibraryToolbar';
import { useLibraryPages } from './useLibraryPages';

export interface LibraryPaneProps {
  readonly ref: Ref<HTMLElement>;
  readonly selectedId: string | null;
  readonly onOpen: (id: string) => void;
  readonly onCreate: () => void;
  readonly onAddSamples: () => void;
  readonly onImport: (file: File) => void;
  readonly onEmptyBin: () => void;
  readonly onRestoreFromBin: (id: string) => void;
}

const ROW_HEIGHT = 104;

/**
 * The list of documents: search, filters, sort, and a virtualised listbox that stays smooth at
 * 20,000 documents. Keyboard: arrows, Home/End, Page Up/Down move; Enter opens.
 */
export function LibraryPane(props: LibraryPaneProps) {
  const { ref, selectedId, onOpen } = props;
  const { t } = useTranslation();
  const [query, setQuery] = useState<LibraryQuery>(DEFAULT_LIBRARY_QUERY);
  const pages = useLibraryPages(query);
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const listId = useId();
  const total = pages.total ?? 0;

  // TanStack Virtual keeps its own mutable state; the React Compiler leaves this component as it is.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const rows = virtualizer.getVirtualItems();
  const firstRow = rows[0]?.index ?? 0;
  const lastRow = rows.at(-1)?.index ?? 0;

  useEffect(() => {
    pages.ensure(firstRow, lastRow);
  }, [firstRow, lastRow, pages]);

  useEffect(() => {
    setActive(0);
    virtualizer.scrollToOffset(0);
  }, [query, virtualizer]);

  const move = (index: number) => {
    if (total === 0) return;
    const next = Math.max(0, Math.min(total - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const perPage = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 5) / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      Home: () => move(0),
      End: () => move(total - 1),
      PageDown: () => move(active + perPage),
      PageUp: () => move(active - perPage),
      Enter: () => {
        const item = pages.item(active);
        if (!item) return;
        if (query.view === 'active') onOpen(item.id);
        else props.onRestoreFromBin(item.id);
      },
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  const activeItem = pages.item(active);
  const isBin = query.view === 'bin';
  const filtered = query.text !== '' || query.statuses.length + query.types.length + query.maalformer.length > 0;

  return (
    <nav ref={ref} className="library" aria-labelledby="library-heading" tabIndex={-1}>
      <div className="library-head">
        <h2 id="library-heading" className="pane-heading">
          {isBin ? t('library.bin.heading') : t('library.heading')}
        </h2>
        <LibraryToolbar
          query={query}
          onQuery={setQuery}
          onCreate={props.onCreate}
          onImport={props.onImport}
          onEmptyBin={props.onEmptyBin}
          total={pages.total}
          bodySearchReady={pages.bodySearchReady}
        />
      </div>
      <InlineError error={pages.error} />
      {pages.total === 0 ? (
        <div className="empty-state">
          <DocumentsIcon />
          {isBin ? (
            <>
              <h3>{t('library.bin.emptyTitle')}</h3>
              <p>{t('library.bin.emptyBody')}</p>
            </>
          ) : query.queue !== 'all' && !filtered ? (
            <>
              <h3>{t('workflow.queue.emptyTitle')}</h3>
              <p>{t(`workflow.queue.empty.${query.queue}`)}</p>
            </>
          ) : filtered ? (
            <>
              <h3>{t('library.noMatch.title')}</h3>
              <p>{t('library.noMatch.body')}</p>
            </>
          ) : (
            <>
              <h3>{t('library.empty.title')}</h3>
              <p>{t('library.empty.body')}</p>
              <div className="empty-actions">
                <button type="button" className="button" onClick={props.onCreate}>
                  {t('library.actions.new')}
                </button>
                <button type="button" className="button button-secondary" onClick={props.onAddSamples}>
                  {t('library.actions.addSamples')}
                </button>
              </div>
            </>
          )}
        </div>
      ) : (
        <div
          ref={scroller}
          id={listId}
          className="library-list"
          role="listbox"
          tabIndex={0}
          aria-label={isBin ? t('library.bin.heading') : t('library.listLabel', { count: total })}
          aria-activedescendant={activeItem ? `doc-${activeItem.id}` : undefined}
          aria-describedby={isBin ? `${listId}-hint` : undefined}
          onKeyDown={onKeyDown}
        >
          <div className="library-list-inner" style={{ height: virtualizer.getTotalSize() }}>
            {rows.map((row) => {
              const item = pages.item(row.index);
              return (
                <LibraryRow
                  key={row.key}
                  top={row.start}
                  index={row.index}
                  total={total}
                  item={item}
                  active={row.index === active}
                  selected={item?.id === selectedId}
                  inBin={isBin}
                  onClick={() => {
                    setActive(row.index);
                    if (item && !isBin) onOpen(item.id);
                  }}
                  onRestore={item && isBin ? () => props.onRestoreFromBin(item.id) : undefined}
                  formatDate={formatDate}
                />
              );
            })}
          </div>
          {isBin ? (
            <p id={`${listId}-hint`} className="visually-hidden">
              {t('library.bin.enterRestores')}
            </p>
          ) : null}
        </div>
      )}
    </nav>
  );
}

export type { DocumentType, Maalform, WorkflowStatus };
