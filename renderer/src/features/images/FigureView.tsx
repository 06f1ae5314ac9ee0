import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mediaUrl } from '../../../../shared/domain/mediaPaths';
import { DOCUMENT_LABELS } from '../../../../shared/i18n/documentLabels';
import { useDocumentImages } from './DocumentImagesContext';

/**
 * A figure in the body as it will be published: the image with its caption and "Foto: credit"
 * under it, in the document's målform. One unit for the editor (select it with the arrow keys,
 * delete it with Backspace); Enter or the edit button moves to its texts in the images panel.
 */
export function FigureView({ node, selected }: ReactNodeViewProps) {
  const { t } = useTranslation();
  const { images, maalform, editUse } = useDocumentImages();
  const imageUseId = String(node.attrs.imageUseId ?? '');
  const use = images.find((u) => u.id === imageUseId);
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const labels = DOCUMENT_LABELS[maalform];
  const className = `figure-view${selected ? ' is-selected' : ''}`;

  if (!use) {
    return (
      <NodeViewWrapper className={`${className} is-missing`} data-image-use-id={imageUseId}>
        <p className="figure-missing">{t('images.figure.missing')}</p>
      </NodeViewWrapper>
    );
  }
  const src = mediaUrl(use.mediaId, 'w1200');
  const caption = use.caption.trim();
  const credit = use.credit.trim();
  return (
    <NodeViewWrapper className={className} data-image-use-id={imageUseId}>
      <figure className="figure-view-figure" lang={maalform}>
        {failedSrc === src ? (
          <p className="figure-missing">{t('images.figure.loadFailed')}</p>
        ) : (
          <img className="figure-view-image" src={src} alt={use.decorative ? '' : use.alt} draggable={false} onError={() => setFailedSrc(src)} />
        )}
        {caption || credit ? (
          <figcaption className="figure-view-caption">
            {caption}
            {credit ? (
              <span className="credit">
                {caption ? ' ' : ''}
                {labels.photo}: {credit}
              </span>
            ) : null}
          </figcaption>
        ) : null}
      </figure>
      <button type="button" className="button button-secondary button-small figure-view-edit" onClick={() => editUse(imageUseId)}>
        {t('images.figure.edit')}
      </button>
    </NodeViewWrapper>
  );
}
