import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../shared/domain/contact';
import { CONTACT_FIELDS, validateContact, type ContactDraft, type ContactField, type ContactIssues } from '../../../../shared/domain/contactRules';
import type { AppError } from '../../../../shared/ipc/result';
import { ErrorText } from '../../app/ErrorText';
import { api } from '../../lib/api';

interface ContactFormProps {
  readonly initial: ContactDraft;
  readonly submitLabel: string;
  readonly onSaved: (contact: Contact) => void;
  readonly onCancel: () => void;
}

const AUTOCOMPLETE: Record<ContactField, string> = { name: 'name', roleNb: 'organization-title', roleNn: 'off', phone: 'tel', email: 'email' };
const INPUT_TYPE: Record<ContactField, string> = { name: 'text', roleNb: 'text', roleNn: 'text', phone: 'tel', email: 'email' };

/**
 * One register entry. Checked with the same rules the service uses, before anything is sent;
 * a refused entry keeps every character typed and says, beside each field, what is wrong.
 */
export function ContactForm({ initial, submitLabel, onSaved, onCancel }: ContactFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<ContactDraft>(initial);
  const [issues, setIssues] = useState<ContactIssues>({});
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const inputs = useRef<Partial<Record<ContactField, HTMLInputElement | null>>>({});

  const submit = async () => {
    const checked = validateContact(draft);
    if (!checked.ok) {
      setIssues(checked.issues);
      const first = CONTACT_FIELDS.find((f) => checked.issues[f]);
      if (first) inputs.current[first]?.focus();
      return;
    }
    setIssues({});
    setBusy(true);
    const result = await api.contacts.save({ ...checked.value });
    setBusy(false);
    if (result.ok) onSaved(result.value);
    else setError(result.error);
  };

  const hasIssues = Object.keys(issues).length > 0;
  return (
    <form
      className="contact-form"
      noValidate
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id={`${id}-title`} className="contact-form-title">
        {draft.id === null ? t('contacts.form.newTitle') : t('contacts.form.editTitle')}
      </h3>
      {hasIssues ? (
        <p className="form-error-summary" role="alert">
          {t('contacts.form.invalid')}
        </p>
      ) : null}
      {error ? (
        <p className="form-error-summary" role="alert">
          <ErrorText error={error} />
        </p>
      ) : null}
      <div className="contact-form-grid">
        {CONTACT_FIELDS.map((field) => {
          const issue = issues[field];
          return (
            <div key={field} className={`form-field form-field-${field}`}>
              <label className="form-label" htmlFor={`${id}-${field}`}>
                {t(`contacts.form.${field}`)}
              </label>
              <input
                ref={(el) => {
                  inputs.current[field] = el;
                }}
                id={`${id}-${field}`}
                className="input"
                type={INPUT_TYPE[field]}
                autoComplete={AUTOCOMPLETE[field]}
                lang={field === 'roleNb' ? 'nb' : field === 'roleNn' ? 'nn' : undefined}
                value={draft[field]}
                required={field === 'name'}
                aria-invalid={issue ? true : undefined}
                aria-describedby={issue ? `${id}-${field}-issue` : undefined}
                onChange={(e) => {
                  setDraft({ ...draft, [field]: e.target.value });
                  // An error disappears once the user starts fixing that field.
                  if (issue) setIssues(Object.fromEntries(Object.entries(issues).filter(([k]) => k !== field)));
                }}
              />
              {issue ? (
                <span id={`${id}-${field}-issue`} className="field-issue">
                  {t(`contacts.validation.${issue}`)}
                </span>
              ) : null}
            </div>
          );
        })}
      </div>
      <div className="form-actions">
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
