import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ALT_TEXT_MAX_LENGTH, checkAltText } from '../../../../shared/domain/altTextRules';
import type { ImageUse } from '../../../../shared/domain/document';
import { mediaUrl } from '../../../../shared/domain/mediaPaths';
import type { Maalform } from '../../../../shared/domain/vocabulary';
import { DOCUMENT_LABELS } from '../../../../shared/i18n/documentLabels';
import { useMediaInfo } from './useMediaInfo';

export type ImageTextPatch = Partial<Pick<ImageUse, 'caption' | 'alt' | 'credit' | 'rights' | 'decorative'>>;

interface ImageUseCardProps {
  readonly use: ImageUse;
  /** 1-based place in the list, for the card's name ("Bilde 2"). */
  readonly position: number;
  readonly count: number;
  readonly maalform: Maalform;
  readonly inText: boolean;
  readonly onChange: (patch: ImageTextPatch) => void;
  readonly onFlush: () => void;
  readonly onFeatured: (featured: boolean) => void;
  readonly onInsert: () => void;
  readonly onShow: () => void;
  readonly onMove: (to: number) => void;
  readonly onReplace: () => void;
  readonly onRemove: () => void;
}

/**
 * One image of the document: its thumbnail and the texts published with it (caption, alt text,
 * credit; the rights note stays in the newsroom), with what can be done to it. The texts are
 * written in the document's målform; the labels are in the UI language.
 */
export function ImageUseCard(props: ImageUseCardProps) {
  const { use, position, count, maalform, inText, onChange, onFlush } = props;
  const { t } = useTranslation();
  const id = useId();
  const info = useMediaInfo(use.mediaId);
  const name = t('images.useLabel', { position });
  const issues = checkAltText({ alt: use.alt, caption: use.caption, fileName: info?.fileName ?? '', decorative: use.decorative });
  const altLength = [...use.alt.trim()].length;

  return (
    <li className="image-card" data-image-use-card={use.id} aria-labelledby={`${id}-name`}>
      <div className="image-card-side">
        <img className="image-card-thumb" src={mediaUrl(use.mediaId, 'thumb')} alt="" />
        {info ? (
          <span className="image-card-file" title={info.fileName}>
            {t('images.fileInfo', { fileName: info.fileName, width: info.width, height: info.height })}
          </span>
        ) : null}
      </div>
      <div className="image-card-main">
        <div className="image-card-head">
          <h3 id={`${id}-name`} className="image-card-name">
            {name}
          </h3>
          {use.featured ? (
            <span className="badge badge-featured" lang={maalform}>
              {DOCUMENT_LABELS[maalform].featuredImage}
            </span>
          ) : null}
          {inText ? <span className="badge">{t('images.status.inText')}</span> : null}
          <span className="image-card-order">
            <button type="button" className="icon-button" data-move="up" disabled={position === 1} aria-label={t('images.moveUp', { name })} onClick={() => props.onMove(position - 2)}>
              <span aria-hidden="true">↑</span>
            </button>
            <button type="button" className="icon-button" data-move="down" disabled={position === count} aria-label={t('images.moveDown', { name })} onClick={() => props.onMove(position)}>
              <span aria-hidden="true">↓</span>
            </button>
            <button type="button" className="icon-button icon-button-remove" data-remove aria-label={t('images.remove', { name })} onClick={props.onRemove}>
              <span aria-hidden="true">×</span>
            </button>
          </span>
        </div>
        {!use.featured && !inText ? <p className="image-card-hint">{t('images.status.unused')}</p> : null}
        <label className="form-field">
          <span className="form-label">{t('images.caption')}</span>
          <textarea
            className="input image-text"
            rows={2}
            lang={maalform}
            value={use.caption}
            maxLength={2000}
            onChange={(e) => onChange({ caption: e.target.value })}
            onBlur={onFlush}
            data-image-field="caption"
          />
        </label>
        <div className="form-field">
          <label className="form-label" htmlFor={`${id}-alt`}>
            {t('images.alt')}
          </label>
          <p id={`${id}-alt-hint`} className="field-hint">
            {t('images.altHint')}
          </p>
          <textarea
            id={`${id}-alt`}
            className="input image-text"
            rows={2}
            lang={maalform}
            value={use.alt}
            maxLength={2000}
            disabled={use.decorative}
            aria-invalid={issues.length > 0}
            aria-describedby={`${id}-alt-hint ${id}-alt-issues`}
            onChange={(e) => onChange({ alt: e.target.value })}
            onBlur={onFlush}
            data-image-field="alt"
          />
          <ul id={`${id}-alt-issues`} className="alt-issues">
            {issues.map((issue) => (
              <li key={issue} className="field-warning">
                {t(`images.altIssues.${issue}`, { length: altLength, max: ALT_TEXT_MAX_LENGTH })}
              </li>
            ))}
          </ul>
          <label className="checkbox">
            <input type="checkbox" checked={use.decorative} onChange={(e) => onChange({ decorative: e.target.checked })} />
            {t('images.decorative')}
          </label>
        </div>
        <div className="image-card-row">
          <label className="form-field">
            <span className="form-label">{t('images.credit')}</span>
            <input className="input" lang={maalform} value={use.credit} maxLength={300} onChange={(e) => onChange({ credit: e.target.value })} onBlur={onFlush} />
          </label>
          <label className="form-field">
            <span className="form-label">{t('images.rights')}</span>
            <input
              className="input"
              lang={maalform}
              value={use.rights}
              maxLength={1000}
              aria-describedby={`${id}-rights-hint`}
              onChange={(e) => onChange({ rights: e.target.value })}
              onBlur={onFlush}
            />
            <span id={`${id}-rights-hint`} className="field-hint">
              {t('images.rightsHint')}
            </span>
          </label>
        </div>
        <div className="image-card-actions" role="group" aria-label={t('images.actionsLabel', { name })}>
          <button type="button" className="button button-secondary button-small" onClick={() => props.onFeatured(!use.featured)}>
            {use.featured ? t('images.unsetFeatured') : t('images.makeFeatured')}
          </button>
          {inText ? (
            <button type="button" className="button button-secondary button-small" onClick={props.onShow}>
              {t('images.showInText')}
            </button>
          ) : (
            <button type="button" className="button button-secondary button-small" onClick={props.onInsert}>
              {t('images.insert')}
            </button>
          )}
          <button type="button" className="button button-quiet button-small" onClick={props.onReplace}>
            {t('images.replace')}
          </button>
        </div>
      </div>
    </li>
  );
}
