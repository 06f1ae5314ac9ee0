import { EditorContent, useEditor } from '@tiptap/react';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Document, DocumentContent, RichDoc } from '../../../../shared/domain/document';
import { DOCUMENT_TYPES, isDocumentType, isMaalform, MAALFORMER } from '../../../../shared/domain/vocabulary';
import type { AppError } from '../../../../shared/ipc/result';
import { InlineError } from '../../app/ErrorText';
import { api } from '../../lib/api';
import { HistoryDialog } from '../history/HistoryDialog';
import { DocumentImagesContext } from '../images/DocumentImagesContext';
import { focusImageUse } from '../images/focusImageUse';
import { ImagesPanel } from '../images/ImagesPanel';
import { DocumentDetails } from '../fields/DocumentDetails';
import { usePasteNotices } from '../paste/usePasteNotices';
import { EditorToolbar } from '../toolbar/EditorToolbar';
import { DocumentPreview } from '../preview/DocumentPreview';
import { plainText } from '../../../../shared/domain/plainText';
import { LENGTH_GUIDANCE } from '../../../../shared/language/wordCount';
import { LanguageMenu } from '../language/LanguageMenu';
import { LanguagePanel } from '../language/LanguagePanel';
import { MaalformBanner } from '../language/MaalformBanner';
import { NynorskNudge } from '../meter/NynorskNudge';
import { useFieldStats } from '../language/useFieldStats';
import { useLanguageCheck } from '../language/useLanguageCheck';
import { TranslateAction } from '../translation/TranslateAction';
import { clearTranslationReview, setTranslationReview, translationReviewFor } from '../translation/translationReview';
import { UnknownWordsPanel } from '../translation/UnknownWordsPanel';
import { DocumentActions } from './DocumentActions';
import { FieldCount } from './FieldCount';
import { editorExtensions } from './editorExtensions';
import { ConflictNotice } from './ConflictNotice';
import { SaveIndicator } from './SaveIndicator';
import { useAutosave } from './useAutosave';
import { AuditLog } from '../workflow/AuditLog';
import { PendingSends } from '../workflow/PendingSends';
import { RevocationNotice } from '../workflow/RevocationNotice';
import { useWorkflowState } from '../workflow/useWorkflowState';
import { WorkflowControls } from '../workflow/WorkflowControls';

interface DocumentEditorProps {
  readonly ref: Ref<HTMLElement>;
  readonly document: Document;
  readonly recoveredFrom: string | null;
  /** The stored document changed under us (restore, conflict resolution): load it again. */
  readonly onReload: () => void;
  readonly onClosed: () => void;
  readonly onMessage: (message: string, undo?: () => void) => void;
}

/**
 * The editing area for one document: type and målform, title, ingress and body, then contacts,
 * sperrefrist, tags and the internal note (`DocumentDetails`), all saved as the user writes.
 */
export function DocumentEditor({ ref, document: doc, recoveredFrom, onReload, onClosed, onMessage }: DocumentEditorProps) {
  const { t } = useTranslation();
  const id = useId();
  const [fields, setFields] = useState(() => ({
    type: doc.type,
    maalform: doc.maalform,
    title: doc.title,
    ingress: doc.ingress,
    contacts: doc.contacts,
    tags: doc.tags,
    embargoAt: doc.embargoAt,
    internalNote: doc.internalNote,
    images: doc.images,
  }));
  const [actionError, setActionError] = useState<AppError | null>(null);
  // Words Apertium did not know, when this editor opened the result of a translation.
  const [translationReview, setReview] = useState(() => translationReviewFor(doc.id, doc.revision));
  const ingressRef = useRef<HTMLTextAreaElement>(null);
  const titleRef = useRef<HTMLTextAreaElement>(null);
  const headerRef = useRef<HTMLDivElement>(null);
  // The body's toolbar sticks just under the document header, whose height changes as it wraps.
  useEffect(() => {
    const header = headerRef.current;
    const area = header?.parentElement;
    if (!header || !area) return;
    const observer = new ResizeObserver(() => area.style.setProperty('--doc-header-height', `${header.offsetHeight}px`));
    observer.observe(header);
    return () => observer.disconnect();
  }, []);
  // A new, empty document: the writer starts with the title (Ctrl+N, then type).
  useEffect(() => {
    if (doc.title === '' && doc.ingress === '' && plainText(doc.body).trim() === '') titleRef.current?.focus();
    // Only when a document is opened, not on every change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc.id]);
  // A brand-new Bokmål document may suggest Nynorsk (the målform meter's nudge).
  const [isNewDocument] = useState(() => doc.revision === 0 && doc.title === '' && doc.ingress === '' && plainText(doc.body).trim() === '');
  const countTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [bodyText, setBodyText] = useState(() => plainText(doc.body));
  const fieldsRef = useRef(fields);
  useEffect(() => {
    fieldsRef.current = fields;
  }, [fields]);

  const editor = useEditor({
    extensions: editorExtensions,
    content: doc.body,
    injectCSS: false,
    editorProps: {
      attributes: {
        class: 'prose-editor',
        'aria-labelledby': `${id}-body-label`,
        'aria-multiline': 'true',
        role: 'textbox',
        lang: doc.maalform,
        spellcheck: 'false',
      },
    },
    onUpdate: ({ editor: e }) => {
      autosave.markDirty();
      // Counting a long body on every keystroke would cost typing latency: count when typing pauses.
      clearTimeout(countTimer.current);
      countTimer.current = setTimeout(() => setBodyText(e.state.doc.textBetween(0, e.state.doc.content.size, '\n', ' ')), 300);
    },
    onBlur: () => void autosave.flush(),
  });

  useLanguageCheck(editor, fields.maalform);
  const fieldStats = useFieldStats(fields.maalform, fields.title, fields.ingress);
  usePasteNotices(editor, onMessage);

  const readContent = useCallback(
    (): DocumentContent => ({
      ...fieldsRef.current,
      body: (editor?.getJSON() as RichDoc | undefined) ?? doc.body,
    }),
    [editor, doc],
  );
  const readRef = useRef(readContent);
  useEffect(() => {
    readRef.current = readContent;
  }, [readContent]);
  const workflow = useWorkflowState(doc);
  const autosave = useAutosave(doc.id, doc.revision, doc.updatedAt, () => readRef.current(), workflow.onSaved);
  const [historyContent, setHistoryContent] = useState<DocumentContent | null>(null);
  const [previewContent, setPreviewContent] = useState<DocumentContent | null>(null);

  const change = (patch: Partial<typeof fields>) => {
    // The ref is updated at once too: a save may read it before React re-renders.
    fieldsRef.current = { ...fieldsRef.current, ...patch };
    setFields(fieldsRef.current);
    autosave.markDirty();
  };

  const documentImages = useMemo(() => ({ images: fields.images, maalform: fields.maalform, editUse: focusImageUse }), [fields.images, fields.maalform]);

  useEffect(() => {
    editor?.setOptions({ editorProps: { attributes: { class: 'prose-editor', 'aria-labelledby': `${id}-body-label`, role: 'textbox', 'aria-multiline': 'true', lang: fields.maalform, spellcheck: 'false' } } });
  }, [editor, fields.maalform, id]);

  // Ctrl+S: store now and mark the point in the history.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void autosave.flush().then(async (saved) => {
          if (!saved) return;
          const snap = await api.documents.snapshot({ id: doc.id });
          if (snap.ok) onMessage(t('editor.savedVersion'));
          else setActionError(snap.error);
        });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [autosave, doc.id, onMessage, t]);

  return (
    <main ref={ref} id="main" className="document-area editor-area" aria-labelledby={`${id}-heading`} tabIndex={-1}>
      <h1 id={`${id}-heading`} className="visually-hidden">
        {fields.title || t('library.untitled')}
      </h1>
      <div className="doc-header" ref={headerRef}>
        <div className="doc-meta">
          <label className="select-label">
            <span>{t('editor.fields.type')}</span>
            <select className="select" value={fields.type} onChange={(e) => isDocumentType(e.target.value) && change({ type: e.target.value })}>
              {DOCUMENT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`documentType.${fields.maalform}.${type}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="select-label">
            <span>{t('editor.fields.maalform')}</span>
            <select className="select" value={fields.maalform} onChange={(e) => isMaalform(e.target.value) && change({ maalform: e.target.value })}>
              {MAALFORMER.map((m) => (
                <option key={m} value={m}>
                  {t(`maalform.${m}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <WorkflowControls
          documentId={doc.id}
          workflow={workflow}
          autosave={autosave}
          readContent={() => readRef.current()}
          embargoAt={fields.embargoAt}
          images={fields.images}
          showFields={() => setPreviewContent(null)}
          onMessage={onMessage}
        />
        <SaveIndicator controller={autosave} />
        <button
          type="button"
          className="button button-quiet"
          aria-pressed={previewContent !== null}
          onClick={() => setPreviewContent(previewContent ? null : readRef.current())}
        >
          {previewContent ? t('editor.actions.edit') : t('editor.actions.preview')}
        </button>
        <DocumentActions
          document={doc}
          title={fields.title}
          onHistory={() => void autosave.flush().then(() => setHistoryContent(readRef.current()))}
          flush={() => autosave.flush()}
          onClosed={onClosed}
          onMessage={onMessage}
          onError={setActionError}
        />
        {/* In the sticky header: seen wherever the writer is in the text when it happens. */}
        {workflow.revoked ? <RevocationNotice onDismiss={workflow.dismissRevoked} /> : null}
        <TranslateAction
          documentId={doc.id}
          maalform={fields.maalform}
          flush={() => autosave.flush()}
          baseRevision={() => autosave.baseRevision}
          onTranslated={(result) => {
            setTranslationReview(doc.id, { revision: result.document.revision, words: result.unknownWords });
            onMessage(result.document.maalform === 'nn' ? t('translate.doneNn') : t('translate.doneNb'));
            onReload();
          }}
        />
      </div>
      {recoveredFrom ? (
        <p className="notice" role="alert">
          {t('editor.recovered', { at: new Date(recoveredFrom).toLocaleString('nb-NO', { timeZone: 'Europe/Oslo' }) })}
        </p>
      ) : null}
      {isNewDocument && fields.maalform === 'nb' ? <NynorskNudge onWriteNynorsk={() => change({ maalform: 'nn' })} onDone={() => titleRef.current?.focus()} /> : null}
      <MaalformBanner editor={editor} maalform={fields.maalform} fieldStats={fieldStats} onSwitch={(maalform) => change({ maalform })} />
      <ConflictNotice controller={autosave} documentId={doc.id} onReload={onReload} />
      <PendingSends documentId={doc.id} onReplaced={onReload} />
      {translationReview && translationReview.words.length > 0 ? (
        <UnknownWordsPanel
          editor={editor}
          words={translationReview.words}
          images={fields.images}
          titleRef={titleRef}
          ingressRef={ingressRef}
          onDone={() => {
            clearTranslationReview(doc.id);
            setReview(null);
          }}
        />
      ) : null}
      <InlineError error={actionError} />
      {previewContent ? <DocumentPreview content={previewContent} date={doc.updatedAt} /> : null}
      {/* Hidden, not unmounted, during the preview: the editor keeps its undo history. */}
      <div className="doc-fields" lang={fields.maalform} hidden={previewContent !== null}>
        {/* The count is outside the label: it describes the field, it is not its name. */}
        <div className="field">
          <label className="field-label" htmlFor={`${id}-title`}>
            {t('editor.fields.title')}
          </label>
          <textarea
            id={`${id}-title`}
            ref={titleRef}
            className="title-input"
            rows={1}
            value={fields.title}
            onChange={(e) => change({ title: e.target.value.replace(/\s*[\r\n]+\s*/g, ' ') })}
            onBlur={() => void autosave.flush()}
            placeholder={t('editor.placeholders.title')}
            aria-describedby={`${id}-title-count`}
            onKeyDown={(e) => {
              // A title is one paragraph: Enter moves on to the ingress instead of breaking the line.
              if (e.key === 'Enter') {
                e.preventDefault();
                ingressRef.current?.focus();
              }
            }}
          />
          <FieldCount id={`${id}-title-count`} text={fields.title} limit={LENGTH_GUIDANCE.titleCharacters} guidance="titleLong" />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-ingress`}>
            {t('editor.fields.ingress')}
          </label>
          <textarea
            id={`${id}-ingress`}
            ref={ingressRef}
            className="ingress-input"
            value={fields.ingress}
            rows={3}
            onChange={(e) => change({ ingress: e.target.value })}
            onBlur={() => void autosave.flush()}
            placeholder={t('editor.placeholders.ingress')}
            aria-describedby={`${id}-ingress-count`}
          />
          <FieldCount id={`${id}-ingress-count`} text={fields.ingress} limit={LENGTH_GUIDANCE.ingressCharacters} guidance="ingressLong" />
        </div>
        <div className="field">
          <span className="field-label" id={`${id}-body-label`}>
            {t('editor.fields.body')}
          </span>
          <EditorToolbar editor={editor} />
          <DocumentImagesContext value={documentImages}>
            <EditorContent editor={editor} className="body-editor" />
          </DocumentImagesContext>
          <FieldCount id={`${id}-body-count`} text={bodyText} />
        </div>
        <ImagesPanel
          images={fields.images}
          maalform={fields.maalform}
          editor={editor}
          onChange={(update) => change({ images: update(fieldsRef.current.images) })}
          onFlush={() => void autosave.flush()}
        />
        <LanguagePanel editor={editor} maalform={fields.maalform} text={`${fields.title}\n${fields.ingress}\n${bodyText}`} />
        <DocumentDetails value={fields} onChange={change} onFlush={() => void autosave.flush()} />
        <AuditLog audit={workflow.record.audit} />
        <LanguageMenu editor={editor} maalform={fields.maalform} />
      </div>
      {historyContent ? (
        <HistoryDialog
          documentId={doc.id}
          current={historyContent}
          baseRevision={autosave.baseRevision}
          onClose={() => setHistoryContent(null)}
          onRestored={(undo) => {
            setHistoryContent(null);
            onReload();
            // The undo changes the stored document under the editor: load it again afterwards.
            onMessage(t('history.restored'), () => void undo().then(onReload));
          }}
        />
      ) : null}
    </main>
  );
}
