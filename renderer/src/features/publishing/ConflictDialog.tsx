import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Document, DocumentContent } from '../../../../shared/domain/document';
import type { ConflictChoice, ConflictView } from '../../../../shared/domain/publishing';
import type { AppError } from '../../../../shared/ipc/result';
import { InlineError } from '../../app/ErrorText';
import { api } from '../../lib/api';
import { formatDate, formatTime } from '../../lib/format';
import { CONFLICT_FIELDS, differingFields, initialPicks, mergedContent, siteImagesMergeable, type ConflictField, type FieldPicks, type Side } from './conflictMerge';
import { ConflictFieldValue } from './ConflictFieldValue';
import { announceDocumentReplaced } from './documentReplaced';

interface ConflictDialogProps {
  readonly jobId: string;
  readonly onClose: () => void;
}

const contentOf = (doc: Document): DocumentContent => ({
  type: doc.type,
  maalform: doc.maalform,
  title: doc.title,
  ingress: doc.ingress,
  body: doc.body,
  contacts: doc.contacts,
  images: doc.images,
  tags: doc.tags,
  embargoAt: doc.embargoAt,
  internalNote: doc.internalNote,
});

/**
 * "Løs konflikten": the local text beside the item as it is on the site, field by field, with
 * who changed it there and when (Oslo time). Differences are marked in words, not only colour.
 * Keep the site's, keep mine, or merge by hand (per field, title and ingress editable). A modal
 * <dialog>: focus stays inside, Escape closes without a change.
 */
export function ConflictDialog({ jobId, onClose }: ConflictDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [view, setView] = useState<ConflictView | null>(null);
  const [doc, setDoc] = useState<Document | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [merging, setMerging] = useState(false);
  const [picks, setPicks] = useState<FieldPicks>(initialPicks);
  const [title, setTitle] = useState('');
  const [ingress, setIngress] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    dialog.current?.showModal();
    heading.current?.focus();
  }, []);

  useEffect(() => {
    let live = true;
    void api.publishing.conflict({ jobId }).then(async (answer) => {
      if (!live) return;
      if (!answer.ok) return setError(answer.error);
      const local = await api.documents.get({ id: answer.value.documentId });
      if (!live) return;
      if (!local.ok) return setError(local.error);
      setView(answer.value);
      setDoc(local.value.document);
      setTitle(local.value.document.title);
      setIngress(local.value.document.ingress);
    });
    return () => {
      live = false;
    };
  }, [jobId]);

  // Into the merge: focus goes to the first choice, so a keyboard user starts at the top.
  useEffect(() => {
    if (merging) dialog.current?.querySelector<HTMLInputElement>('.conflict-pick input:checked')?.focus();
  }, [merging]);

  const mine = useMemo(() => (doc ? contentOf(doc) : null), [doc]);
  const differs = useMemo(() => (mine && view ? differingFields(mine, view.site) : new Set<ConflictField>()), [mine, view]);

  const close = () => {
    dialog.current?.close();
  };

  const resolve = async (choice: ConflictChoice) => {
    if (!view || !doc || !mine) return;
    setBusy(true);
    setError(null);
    const content = choice === 'merged' ? mergedContent(mine, view.site, picks, { title, ingress }) : null;
    const result = await api.publishing.resolveConflict({ jobId, choice, siteVersion: view.site.link.remoteVersion, baseRevision: doc.revision, content });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    close();
    // The site's version or a merge is a new local text: an open editor loads it.
    if (choice !== 'mine') announceDocumentReplaced(view.documentId);
  };

  const pick = (field: ConflictField, side: Side) => {
    setPicks((current) => ({ ...current, [field]: side }));
    if (!view || !mine) return;
    if (field === 'title') setTitle(side === 'site' ? view.site.title : mine.title);
    if (field === 'ingress') setIngress(side === 'site' ? view.site.ingress : mine.ingress);
  };

  const site = view?.site;
  const who = site ? site.modifiedBy || t('publishing.conflict.someone') : '';
  const changed = site ? t('publishing.conflict.changedBy', { name: who, date: formatDate(site.modifiedAt), time: formatTime(site.modifiedAt) }) : '';

  return (
    <dialog
      ref={dialog}
      className="dialog dialog-wide conflict-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-explain`}
      onClose={onClose}
    >
      <div className="dialog-header">
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
          {t('publishing.conflict.title')}
        </h2>
        <button type="button" className="button button-quiet" onClick={close}>
          {t('publishing.conflict.close')}
        </button>
      </div>
      <div className="dialog-content">
        <p id={`${id}-explain`}>
          {t('errors.remote_conflict')} <span className="visually-hidden">{changed}</span>
        </p>
        <InlineError error={error} />
        {!view || !mine || !site ? (
          error ? null : <p role="status">{t('publishing.conflict.loading')}</p>
        ) : (
          <>
            <p className="conflict-summary">
              {differs.size === 0
                ? t('publishing.conflict.noDifference')
                : t('publishing.conflict.differences', { fields: [...differs].map((f) => t(`publishing.conflict.fields.${f}`)).join(', ') })}
            </p>
            {merging ? <p className="hint">{t('publishing.conflict.mergeHint')}</p> : null}
            <div className="conflict-columns-head" aria-hidden="true">
              <span>{t('publishing.conflict.mine')}</span>
              <span>
                {t('publishing.conflict.site')} <span className="conflict-changed">({changed})</span>
              </span>
            </div>
            {CONFLICT_FIELDS.map((field) => {
              const different = differs.has(field);
              const fieldId = `${id}-${field}`;
              const siteDisabled = field === 'images' && !siteImagesMergeable(mine, site);
              return (
                <section key={field} className={`conflict-field${different ? ' is-different' : ''}`} aria-labelledby={`${fieldId}-heading`}>
                  <h3 id={`${fieldId}-heading`} className="conflict-field-heading">
                    {t(`publishing.conflict.fields.${field}`)}{' '}
                    <span className={`conflict-badge${different ? ' is-different' : ''}`}>
                      <span aria-hidden="true">{different ? '≠ ' : '= '}</span>
                      {different ? t('publishing.conflict.different') : t('publishing.conflict.same')}
                    </span>
                  </h3>
                  <div className="conflict-columns">
                    <div role="region" className="conflict-side" aria-label={t('publishing.conflict.sideLabel', { side: t('publishing.conflict.mine'), field: t(`publishing.conflict.fields.${field}`) })}>
                      <ConflictFieldValue field={field} mine={mine} site={site} side="mine" />
                    </div>
                    <div role="region" className="conflict-side conflict-side-site" aria-label={t('publishing.conflict.sideLabel', { side: t('publishing.conflict.site'), field: t(`publishing.conflict.fields.${field}`) })}>
                      <ConflictFieldValue field={field} mine={mine} site={site} side="site" />
                    </div>
                  </div>
                  {merging ? (
                    <fieldset className="conflict-pick">
                      <legend>{t('publishing.conflict.use', { field: t(`publishing.conflict.fields.${field}`) })}</legend>
                      {(['mine', 'site'] as const).map((side) => (
                        <label key={side} className="radio-label">
                          <input type="radio" name={`${fieldId}-pick`} value={side} checked={picks[field] === side} disabled={side === 'site' && siteDisabled} onChange={() => pick(field, side)} />
                          {side === 'mine' ? t('publishing.conflict.mine') : t('publishing.conflict.site')}
                        </label>
                      ))}
                      {siteDisabled ? <p className="hint">{t('publishing.conflict.imagesNotMergeable')}</p> : null}
                      {field === 'title' || field === 'ingress' ? (
                        <div className="form-field">
                          <label className="form-label" htmlFor={`${fieldId}-edit`}>
                            {t('publishing.conflict.edit', { field: t(`publishing.conflict.fields.${field}`) })}
                          </label>
                          <textarea
                            id={`${fieldId}-edit`}
                            className="input"
                            rows={field === 'title' ? 2 : 3}
                            maxLength={field === 'title' ? 1000 : 10_000}
                            value={field === 'title' ? title : ingress}
                            onChange={(e) => (field === 'title' ? setTitle(e.target.value) : setIngress(e.target.value))}
                          />
                        </div>
                      ) : null}
                    </fieldset>
                  ) : null}
                </section>
              );
            })}
          </>
        )}
        <p className="visually-hidden" role="status">
          {busy ? t('publishing.conflict.busy') : ''}
        </p>
      </div>
      <div className="dialog-footer">
        {merging ? (
          <>
            <button type="button" className="button button-quiet" disabled={busy} onClick={() => setMerging(false)}>
              {t('publishing.conflict.back')}
            </button>
            <button type="button" className="button" disabled={busy || !view} onClick={() => void resolve('merged')}>
              {t('publishing.conflict.saveMerged')}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button button-secondary" disabled={busy || !view} onClick={() => void resolve('site')}>
              {t('publishing.conflict.keepSite')}
            </button>
            <button type="button" className="button button-secondary" disabled={busy || !view} onClick={() => void resolve('mine')}>
              {t('publishing.conflict.keepMine')}
            </button>
            <button type="button" className="button" disabled={busy || !view} onClick={() => setMerging(true)}>
              {t('publishing.conflict.merge')}
            </button>
          </>
        )}
      </div>
    </dialog>
  );
}
