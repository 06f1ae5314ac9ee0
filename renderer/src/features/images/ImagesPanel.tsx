import { useEditorState, type Editor } from '@tiptap/react';
import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageUse } from '../../../../shared/domain/document';
import { moveImageUse, newImageUse, replaceImageMedia, setFeatured, updateImageUse } from '../../../../shared/domain/imageUses';
import type { MediaInfo } from '../../../../shared/domain/media';
import type { Maalform } from '../../../../shared/domain/vocabulary';
import { ErrorText } from '../../app/ErrorText';
import { api } from '../../lib/api';
import { figureIdsKey, insertFigure, removeFigures, selectFigure } from './bodyFigures';
import { IMAGE_FILES_EVENT, FIGURE_EDIT_EVENT, type ImageFilesDetail } from './ImageBodyEvents';
import { focusImageUse } from './focusImageUse';
import { ImageUseCard } from './ImageUseCard';
import { rememberMedia } from './useMediaInfo';
import { useImageIngest } from './useImageIngest';

const ACCEPT = 'image/jpeg,image/png,image/webp,image/tiff,image/heic,image/heif,.jpg,.jpeg,.png,.webp,.tif,.tiff,.heic,.heif';
const MAX_IMAGES = 500;

/** Set once the host has said it has no native file dialog (the devhost): go straight to the input. */
let nativePickerMissing = false;

type PickOutcome = { kind: 'input' } | { kind: 'cancelled' } | { kind: 'picked'; items: PickedItems };
type PickedItems = Parameters<ReturnType<typeof useImageIngest>['addPicked']>[0];

/** The desktop app's own file dialog (files are read and stored by the services), or `input` where there is none. */
async function pickWithHost(multiple: boolean): Promise<PickOutcome> {
  if (nativePickerMissing) return { kind: 'input' };
  const picked = await api.media.pick({ multiple });
  if (picked.ok) return picked.value.picked ? { kind: 'picked', items: picked.value.items } : { kind: 'cancelled' };
  if (picked.error.code !== 'media_picker_unavailable') return { kind: 'picked', items: [{ fileName: '', outcome: 'error', error: picked.error }] };
  nativePickerMissing = true;
  return { kind: 'input' };
}

interface ImagesPanelProps {
  readonly images: readonly ImageUse[];
  readonly maalform: Maalform;
  readonly editor: Editor | null;
  /** Changes the document's image uses from their latest value. */
  readonly onChange: (update: (images: readonly ImageUse[]) => ImageUse[]) => void;
  readonly onFlush: () => void;
}

/**
 * "Bilder" / "Bilete": the document's images, each with the texts published beside it. Images
 * come in by the button (the native dialog in the desktop app, the browser's file chooser on the
 * devhost), by dropping files here or on the document, or by pasting into the text; several at
 * once, one after the other, with progress, and each failure named with its file.
 */
export function ImagesPanel({ images, maalform, editor, onChange, onFlush }: ImagesPanelProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [message, setMessage] = useState('');
  const ingest = useImageIngest((done) => {
    const parts = [];
    if (done.added > 0) parts.push(t('images.added', { count: done.added }));
    if (done.failures.length > 0) parts.push(t('images.failedCount', { count: done.failures.length }));
    setMessage(parts.join(' '));
  });
  const addInput = useRef<HTMLInputElement>(null);
  const replaceInput = useRef<HTMLInputElement>(null);
  const replacing = useRef<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const [dragOver, setDragOver] = useState(false);
  const inText = new Set((useEditorState({ editor, selector: ({ editor: e }) => (e ? figureIdsKey(e.state.doc) : '') }) ?? '').split(' '));
  const nameOf = (imageUseId: string) => t('images.useLabel', { position: images.findIndex((u) => u.id === imageUseId) + 1 });

  const addUse = (media: MediaInfo): string => {
    rememberMedia(media);
    const use = newImageUse(crypto.randomUUID(), media);
    onChange((current) => (current.length >= MAX_IMAGES ? [...current] : [...current, use]));
    return use.id;
  };

  /** Files to add; with `at`, each becomes a figure in the body from that position on. */
  const addFiles = (files: readonly File[], at?: number) => {
    if (at === undefined || !editor) {
      ingest.add(files, { onAdded: (media) => void addUse(media) });
      return;
    }
    // The writer may go on typing while the files are read: follow the position through the edits.
    let pos = at;
    const follow = ({ transaction }: { transaction: { mapping: { map: (p: number) => number } } }) => {
      pos = transaction.mapping.map(pos);
    };
    editor.on('transaction', follow);
    ingest.add(files, {
      onAdded: (media) => void insertFigure(editor, addUse(media), pos),
      onFinished: () => editor.off('transaction', follow),
    });
  };
  const addFilesRef = useRef(addFiles);
  useEffect(() => {
    addFilesRef.current = addFiles;
  });

  // Files dropped or pasted into the body, and Enter on a figure there. Listened for on the
  // window: the editor's DOM may not exist yet when this runs.
  useEffect(() => {
    if (!editor) return;
    const fromBody = (event: Event) => !editor.isDestroyed && event.target === editor.view.dom;
    const onFiles = (event: Event) => {
      if (!fromBody(event)) return;
      const detail = (event as CustomEvent<ImageFilesDetail>).detail;
      addFilesRef.current(detail.files, detail.pos);
    };
    const onEdit = (event: Event) => {
      if (fromBody(event)) focusImageUse((event as CustomEvent<string>).detail);
    };
    window.addEventListener(IMAGE_FILES_EVENT, onFiles);
    window.addEventListener(FIGURE_EDIT_EVENT, onEdit);
    return () => {
      window.removeEventListener(IMAGE_FILES_EVENT, onFiles);
      window.removeEventListener(FIGURE_EDIT_EVENT, onEdit);
    };
  }, [editor]);

  // Files dropped anywhere else on the document are added here; elsewhere in the window they are
  // refused rather than opened by the browser in place of Melding.
  useEffect(() => {
    const isFileDrag = (event: globalThis.DragEvent) => [...(event.dataTransfer?.types ?? [])].includes('Files');
    const onDragOver = (event: globalThis.DragEvent) => {
      if (isFileDrag(event)) event.preventDefault();
    };
    const onDrop = (event: globalThis.DragEvent) => {
      if (!isFileDrag(event) || event.defaultPrevented) return;
      event.preventDefault();
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('.editor-area')) addFilesRef.current([...(event.dataTransfer?.files ?? [])]);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  const pick = async (multiple: boolean, input: HTMLInputElement | null, onAdded: (media: MediaInfo) => void) => {
    const outcome = await pickWithHost(multiple);
    if (outcome.kind === 'input') input?.click();
    else if (outcome.kind === 'picked') ingest.addPicked(outcome.items, { onAdded });
  };

  const replaceWith = (useId: string, media: MediaInfo) => {
    rememberMedia(media);
    onChange((current) => current.map((u) => (u.id === useId ? replaceImageMedia(u, media) : u)));
    setMessage(t('images.replaced', { name: nameOf(useId) }));
  };

  const move = (from: number, to: number) => {
    const use = images[from];
    if (!use || to < 0 || to >= images.length) return;
    onChange((current) => moveImageUse(current, from, to));
    setMessage(t('images.moved', { name: nameOf(use.id), position: to + 1 }));
    // Keep focus on the same arrow of the moved card (or its other arrow at the ends).
    const direction = to < from ? 'up' : 'down';
    requestAnimationFrame(() => {
      const card = list.current?.children[to];
      (card?.querySelector<HTMLButtonElement>(`[data-move="${direction}"]:not(:disabled)`) ?? card?.querySelector<HTMLButtonElement>('[data-move]:not(:disabled)'))?.focus();
    });
  };

  const remove = (index: number) => {
    const use = images[index];
    if (!use) return;
    const name = nameOf(use.id);
    if (editor) removeFigures(editor, use.id);
    onChange((current) => current.filter((u) => u.id !== use.id));
    setMessage(t('images.removed', { name }));
    requestAnimationFrame(() => {
      const cards = list.current?.children;
      const next = cards?.[Math.min(index, cards.length - 1)]?.querySelector<HTMLButtonElement>('[data-remove]');
      (next ?? addInput.current?.parentElement?.querySelector<HTMLButtonElement>('button'))?.focus();
    });
  };

  const onZoneDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragOver(false);
    addFiles([...event.dataTransfer.files]);
  };

  const { progress, report } = ingest;

  return (
    <section className="images-panel" lang={i18n.language} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="images-heading">
        {t('images.section')}
      </h2>
      {/* Announced politely; not role=status, which names the editor's save indicator in the document area. */}
      <p className="visually-hidden images-announcer" aria-live="polite">
        {progress ? t('images.progress', { current: progress.current, total: progress.total }) : message}
      </p>
      <div
        className={`image-drop${dragOver ? ' is-over' : ''}`}
        onDragEnter={(e) => {
          if (e.dataTransfer.types.includes('Files')) setDragOver(true);
        }}
        onDragOver={(e) => e.preventDefault()}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragOver(false);
        }}
        onDrop={onZoneDrop}
      >
        <button type="button" className="button button-secondary" onClick={() => void pick(true, addInput.current, (media) => void addUse(media))} disabled={images.length >= MAX_IMAGES}>
          {t('images.add')}
        </button>
        <span className="image-drop-hint">{t('images.dropHint')}</span>
        <input
          ref={addInput}
          type="file"
          accept={ACCEPT}
          multiple
          hidden
          aria-label={t('images.add')}
          onChange={(e) => {
            addFiles([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
        <input
          ref={replaceInput}
          type="file"
          accept={ACCEPT}
          hidden
          aria-label={t('images.replace')}
          onChange={(e) => {
            const target = replacing.current;
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (target) ingest.add(files.slice(0, 1), { onAdded: (media) => replaceWith(target, media) });
          }}
        />
      </div>
      {progress ? (
        <div className="image-progress">
          <label htmlFor={`${id}-progress`}>{t('images.progress', { current: progress.current, total: progress.total })}</label>
          <progress id={`${id}-progress`} max={progress.total} value={progress.current - 1} />
        </div>
      ) : null}
      {report && report.failures.length > 0 ? (
        <div className="image-failures" role="alert">
          <p className="image-failures-heading">{t('images.failedHeading', { count: report.failures.length })}</p>
          <ul>
            {report.failures.map((failure, i) => (
              <li key={`${failure.fileName}-${i}`}>
                {failure.fileName ? <strong className="image-failure-file">{failure.fileName}: </strong> : null}
                <ErrorText error={failure.error} />
              </li>
            ))}
          </ul>
          <button type="button" className="button button-quiet button-small" onClick={ingest.dismissReport}>
            {t('images.dismissFailures')}
          </button>
        </div>
      ) : null}
      {images.length === 0 ? <p className="details-empty">{t('images.none')}</p> : null}
      <ol ref={list} className="image-cards" aria-label={t('images.listLabel')} hidden={images.length === 0}>
        {images.map((use, i) => (
          <ImageUseCard
            key={use.id}
            use={use}
            position={i + 1}
            count={images.length}
            maalform={maalform}
            inText={inText.has(use.id)}
            onChange={(patch) => onChange((current) => updateImageUse(current, use.id, patch))}
            onFlush={onFlush}
            onFeatured={(featured) => {
              onChange((current) => setFeatured(current, featured ? use.id : null));
              setMessage(t(featured ? 'images.featuredSet' : 'images.featuredUnset', { name: nameOf(use.id) }));
            }}
            onInsert={() => {
              if (editor && insertFigure(editor, use.id)) setMessage(t('images.inserted', { name: nameOf(use.id) }));
            }}
            onShow={() => editor && selectFigure(editor, use.id)}
            onMove={(to) => move(i, to)}
            onReplace={() => {
              replacing.current = use.id;
              void pick(false, replaceInput.current, (media) => replaceWith(use.id, media));
            }}
            onRemove={() => remove(i)}
          />
        ))}
      </ol>
    </section>
  );
}
