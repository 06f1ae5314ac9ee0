import { diffWords } from 'diff';
import { useTranslation } from 'react-i18next';
import type { DocumentContent } from '../../../../shared/domain/document';
import type { RemoteItem } from '../../../../shared/domain/publishing';
import { formatDate, formatTime } from '../../lib/format';
import { bodyHtmlWithoutFigures, orderedImages, type ConflictField, type Side } from './conflictMerge';

interface ConflictFieldValueProps {
  readonly field: ConflictField;
  readonly mine: DocumentContent;
  readonly site: RemoteItem;
  readonly side: Side;
}

/**
 * One field of one version, read-only. The body is Melding's own serialisation (escaped and
 * filtered by construction, the same as the preview), with figures listed under Bilder instead.
 */
export function ConflictFieldValue({ field, mine, site, side }: ConflictFieldValueProps) {
  const { t } = useTranslation();
  const source = side === 'mine' ? mine : site;
  const lang = source.maalform;
  const empty = <p className="conflict-empty">{t('publishing.conflict.empty')}</p>;
  switch (field) {
    case 'title':
    case 'ingress': {
      if (!source[field].trim()) return empty;
      // Words only this side has are underlined and shaded (not colour alone); the rest is plain.
      const parts = diffWords(mine[field], site[field]).filter((part) => (side === 'mine' ? !part.added : !part.removed));
      return (
        <p className={`conflict-${field}`} lang={lang}>
          {parts.map((part, index) =>
            (side === 'mine' ? part.removed : part.added) ? (
              <mark key={index} className="conflict-words">
                {part.value}
              </mark>
            ) : (
              <span key={index}>{part.value}</span>
            ),
          )}
        </p>
      );
    }
    case 'body':
      return <div className="conflict-body" lang={lang} dangerouslySetInnerHTML={{ __html: bodyHtmlWithoutFigures(source.body) }} />;
    case 'tags':
      return source.tags.length === 0 ? (
        empty
      ) : (
        <ul className="conflict-tags">
          {source.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      );
    case 'embargoAt':
      return source.embargoAt ? <p>{t('publishing.conflict.embargoValue', { date: formatDate(source.embargoAt), time: formatTime(source.embargoAt) })}</p> : <p className="conflict-empty">{t('publishing.conflict.noEmbargo')}</p>;
    case 'images': {
      const images = orderedImages<{ featured: boolean; alt: string; caption: string; credit: string }>(source.images);
      return images.length === 0 ? (
        empty
      ) : (
        <ol className="conflict-images">
          {images.map((image, index) => (
            <li key={index}>
              <span className="conflict-image-name">
                {image.featured ? t('publishing.conflict.imageFeatured', { number: index + 1 }) : t('publishing.conflict.image', { number: index + 1 })}
              </span>
              <dl>
                <dt>{t('publishing.conflict.alt')}</dt>
                <dd lang={lang}>{image.alt || '–'}</dd>
                <dt>{t('publishing.conflict.caption')}</dt>
                <dd lang={lang}>{image.caption || '–'}</dd>
                <dt>{t('publishing.conflict.credit')}</dt>
                <dd>{image.credit || '–'}</dd>
              </dl>
            </li>
          ))}
        </ol>
      );
    }
  }
}
