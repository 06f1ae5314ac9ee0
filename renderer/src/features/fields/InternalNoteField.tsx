import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface InternalNoteFieldProps {
  readonly value: string;
  readonly onChange: (note: string) => void;
  readonly onBlur: () => void;
}

/**
 * "Priv. til red.": for the editors only. Marked as never published in words (label, badge and
 * description, read out with the field) and by shape (a dashed, hatched frame and a lock), not
 * by colour alone. The preview and publishing never read it.
 */
export function InternalNoteField({ value, onChange, onBlur }: InternalNoteFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="details-block internal-note" aria-labelledby={`${id}-label`}>
      <div className="internal-note-head">
        <svg className="icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M7 10V7a5 5 0 0 1 10 0v3h1a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1h1Zm2 0h6V7a3 3 0 0 0-6 0v3Z" />
        </svg>
        <h3 className="details-label" id={`${id}-label`}>
          <label htmlFor={`${id}-note`}>{t('fields.note.label')}</label>
        </h3>
        <span className="badge internal-badge">{t('fields.note.badge')}</span>
      </div>
      <p id={`${id}-description`} className="hint">
        {t('fields.note.description')}
      </p>
      <textarea
        id={`${id}-note`}
        className="input internal-note-input"
        rows={3}
        maxLength={10_000}
        value={value}
        aria-describedby={`${id}-description`}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
    </section>
  );
}
