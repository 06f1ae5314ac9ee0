import { lazy, Suspense, useEffect, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Document } from '../../../../shared/domain/document';
import type { AppError } from '../../../../shared/ipc/result';
import { ErrorText } from '../../app/ErrorText';
import { api } from '../../lib/api';
import { EditorPlaceholder } from './EditorPlaceholder';

interface DocumentPaneProps {
  readonly ref: Ref<HTMLElement>;
  readonly documentId: string | null;
  readonly onClosed: () => void;
  readonly onMessage: (message: string, undo?: () => void) => void;
}

// The editor (Tiptap and ProseMirror, most of the bundle) loads when a document is first opened,
// so the library paints without waiting for it.
const DocumentEditor = lazy(() => import('./DocumentEditor').then((m) => ({ default: m.DocumentEditor })));

type Loaded =
  | { readonly key: string; readonly ok: true; readonly document: Document; readonly recoveredFrom: string | null }
  | { readonly key: string; readonly ok: false; readonly error: AppError };

/** Loads the chosen document and hands it to the editor; a new editor per document and reload. */
export function DocumentPane({ ref, documentId, onClosed, onMessage }: DocumentPaneProps) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [reloads, setReloads] = useState(0);
  const key = `${documentId}:${reloads}`;

  useEffect(() => {
    if (!documentId) return;
    let live = true;
    void api.documents.get({ id: documentId }).then((result) => {
      if (!live) return;
      setLoaded(result.ok ? { key, ok: true, ...result.value } : { key, ok: false, error: result.error });
    });
    return () => {
      live = false;
    };
  }, [documentId, key]);

  if (!documentId) return <EditorPlaceholder ref={ref} />;
  if (!loaded || loaded.key !== key) return <Loading ref={ref} />;
  if (!loaded.ok) {
    return (
      <main ref={ref} id="main" className="document-area" aria-label={t('app.regions.document')} tabIndex={-1}>
        <div className="placeholder">
          <p className="inline-error" role="alert">
            <ErrorText error={loaded.error} />
          </p>
        </div>
      </main>
    );
  }
  return (
    <Suspense fallback={<Loading ref={ref} />}>
      <DocumentEditor
      key={key}
      ref={ref}
      document={loaded.document}
      recoveredFrom={loaded.recoveredFrom}
      onReload={() => setReloads((n) => n + 1)}
      onClosed={onClosed}
      onMessage={onMessage}
      />
    </Suspense>
  );
}

function Loading({ ref }: { readonly ref: Ref<HTMLElement> }) {
  const { t } = useTranslation();
  return (
    <main ref={ref} id="main" className="document-area" aria-label={t('app.regions.document')} aria-busy="true" tabIndex={-1}>
      <div className="placeholder">
        <p>{t('app.loading')}</p>
      </div>
    </main>
  );
}
