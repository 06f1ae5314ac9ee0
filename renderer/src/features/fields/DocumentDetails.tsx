import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentContent } from '../../../../shared/domain/document';
import { ContactsField } from './ContactsField';
import { EmbargoField } from './EmbargoField';
import { InternalNoteField } from './InternalNoteField';
import { TagsField } from './TagsField';

export type DetailsValue = Pick<DocumentContent, 'maalform' | 'contacts' | 'tags' | 'embargoAt' | 'internalNote'>;

interface DocumentDetailsProps {
  readonly value: DetailsValue;
  readonly onChange: (patch: Partial<Omit<DetailsValue, 'maalform'>>) => void;
  /** Store now (leaving a text field), as the title and ingress do. */
  readonly onFlush: () => void;
}

/**
 * What goes around the text of a press release: contacts, sperrefrist, tags and the internal
 * note, in one calm section under the body, in the order a writer finishes a release.
 */
export function DocumentDetails({ value, onChange, onFlush }: DocumentDetailsProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [message, setMessage] = useState('');
  return (
    // The editor's own words are in the UI language; the parts printed in the document set their målform.
    <section className="doc-details" lang={i18n.language} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="doc-details-heading">
        {t('fields.section')}
      </h2>
      <p className="visually-hidden" aria-live="polite">
        {message}
      </p>
      <ContactsField value={value.contacts} maalform={value.maalform} onChange={(contacts) => onChange({ contacts })} announce={setMessage} />
      <div className="doc-details-row">
        <EmbargoField value={value.embargoAt} maalform={value.maalform} onChange={(embargoAt) => onChange({ embargoAt })} />
        <TagsField value={value.tags} onChange={(tags) => onChange({ tags })} announce={setMessage} />
      </div>
      <InternalNoteField value={value.internalNote} onChange={(internalNote) => onChange({ internalNote })} onBlur={onFlush} />
    </section>
  );
}
