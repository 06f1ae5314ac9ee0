import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentContent, ImageUse } from '../../../../shared/domain/document';
import { formatOsloDate, formatOsloTime } from '../../../../shared/domain/osloTime';
import { mediaUrl } from '../../../../shared/domain/mediaPaths';
import { figureHtml } from '../../../../shared/editor/figureHtml';
import { bodyToHtml } from '../../../../shared/editor/serializeHtml';
import { DOCUMENT_LABELS } from '../../../../shared/i18n/documentLabels';
import { api } from '../../lib/api';

interface DocumentPreviewProps {
  readonly content: DocumentContent;
  /** The date printed under the type: when it is (or was last) changed, until publishing sets it. */
  readonly date: string;
}

/**
 * The document as it will be published: type and date, title, ingress, body, figures, contact
 * block — in the document's målform. The body HTML is the same serialisation publishing uses
 * (escaped and filtered by construction), never what the editor's DOM happens to hold.
 */
export function DocumentPreview({ content, date }: DocumentPreviewProps) {
  const { t } = useTranslation();
  const labels = DOCUMENT_LABELS[content.maalform];
  // Figures and the featured image are the markup publishing writes (shared figureHtml), with the 1200 px rendition.
  const figure = (use: ImageUse) => figureHtml(use, mediaUrl(use.mediaId, 'w1200'), content.maalform);
  const uses = new Map(content.images.map((use) => [use.id, use]));
  const html = bodyToHtml(content.body, {
    figure: (id) => {
      const use = uses.get(id);
      return use ? figure(use) : null;
    },
  });
  const featured = content.images.find((use) => use.featured);

  // Links in the preview open in the user's browser (https only), never inside the app.
  const onClick = (event: MouseEvent<HTMLElement>) => {
    const link = (event.target as HTMLElement).closest('a');
    if (!link) return;
    event.preventDefault();
    const href = link.getAttribute('href') ?? '';
    if (href.startsWith('https://')) void api.shell.openExternal({ url: href });
  };

  return (
    <article className="preview" lang={content.maalform} aria-label={t('editor.preview.label')} onClick={onClick}>
      <p className="preview-kicker">
        <span>{labels.types[content.type]}</span>
        <span className="preview-date">{formatOsloDate(new Date(date))}</span>
      </p>
      {content.embargoAt ? (
        <p className="preview-embargo">
          {labels.embargo}: {formatOsloDate(new Date(content.embargoAt))} {labels.at} {formatOsloTime(new Date(content.embargoAt))}
        </p>
      ) : null}
      <h1 className="preview-title">{content.title || t('library.untitled')}</h1>
      {content.ingress ? <p className="preview-ingress">{content.ingress}</p> : null}
      {featured ? <div className="preview-featured" dangerouslySetInnerHTML={{ __html: figure(featured) }} /> : null}
      <div className="preview-body" dangerouslySetInnerHTML={{ __html: html }} />
      {content.contacts.length > 0 ? (
        <section className="preview-contacts" aria-labelledby="preview-contacts-heading">
          <h2 id="preview-contacts-heading">{labels.contacts}</h2>
          <ul>
            {content.contacts.map((c, i) => (
              <li key={`${c.name}-${i}`}>
                <strong>{c.name}</strong>
                {(content.maalform === 'nn' ? c.roleNn : c.roleNb) ? <span>, {content.maalform === 'nn' ? c.roleNn : c.roleNb}</span> : null}
                {c.phone ? (
                  <span className="preview-contact-line">
                    {labels.phone}: {c.phone}
                  </span>
                ) : null}
                {c.email ? (
                  <span className="preview-contact-line">
                    {labels.email}: {c.email}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
