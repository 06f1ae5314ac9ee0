import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../shared/domain/contact';
import type { ContactDraft } from '../../../../shared/domain/contactRules';
import type { AppError } from '../../../../shared/ipc/result';
import { ChoiceDialog } from '../../app/ChoiceDialog';
import { InlineError } from '../../app/ErrorText';
import { api } from '../../lib/api';
import { ContactForm } from './ContactForm';

/** What the dialog opens on: the list, or a new entry to be added to the document at once. */
export type RegisterDialogStart = { readonly kind: 'list' } | { readonly kind: 'new-for-document'; readonly name: string };

interface ContactRegisterDialogProps {
  readonly start: RegisterDialogStart;
  readonly contacts: readonly Contact[];
  /** The register's roles are shown in the document's målform. */
  readonly maalform: 'nb' | 'nn';
  readonly onAddToDocument: (contact: Contact) => void;
  readonly onClose: () => void;
}

const emptyDraft = (name = ''): ContactDraft => ({ id: null, name, roleNb: '', roleNn: '', phone: '', email: '' });

/**
 * "Kontaktregister": everyone the unit uses as press contact, to add, correct and remove. A modal
 * <dialog> (focus stays inside, Escape closes); focus goes back to where it came from.
 */
export function ContactRegisterDialog({ start, contacts, maalform, onAddToDocument, onClose }: ContactRegisterDialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const [editing, setEditing] = useState<ContactDraft | null>(start.kind === 'new-for-document' ? emptyDraft(start.name) : null);
  const [forDocument, setForDocument] = useState(start.kind === 'new-for-document');
  const [status, setStatus] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [removing, setRemoving] = useState<Contact | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    opener.current = document.activeElement;
    const el = dialog.current;
    el?.showModal();
    // Start where the work is: the first field of a new entry, or the list's first button.
    el?.querySelector<HTMLElement>('input, .register-list button, .register-add')?.focus();
    return () => {
      if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
    };
  }, []);

  useEffect(() => {
    if (editing) dialog.current?.querySelector<HTMLInputElement>('.contact-form input')?.focus();
  }, [editing]);

  const close = () => {
    dialog.current?.close();
    onClose();
  };

  const backToList = (message: string) => {
    setEditing(null);
    setForDocument(false);
    setStatus(message);
    // The list re-renders first; then focus goes to a stable place in it.
    requestAnimationFrame(() => addButton.current?.focus());
  };

  const remove = async (contact: Contact) => {
    setRemoving(null);
    const result = await api.contacts.remove({ id: contact.id });
    if (result.ok) backToList(t('contacts.register.removed', { name: contact.name }));
    else setError(result.error);
  };

  return (
    <dialog
      ref={dialog}
      className="dialog dialog-register"
      aria-labelledby={titleId}
      onCancel={(e) => {
        // React passes a nested dialog's cancel (the removal question) up its tree: not ours.
        if (e.target !== e.currentTarget) return;
        e.preventDefault();
        close();
      }}
    >
      <div className="dialog-header">
        <h2 id={titleId}>{t('contacts.register.title')}</h2>
        <button type="button" className="button button-quiet" onClick={close}>
          {t('contacts.register.close')}
        </button>
      </div>
      <div className="dialog-content register-content">
        <p className="visually-hidden" aria-live="polite">
          {status}
        </p>
        <InlineError error={error} />
        {editing ? (
          <ContactForm
            initial={editing}
            submitLabel={forDocument ? t('contacts.form.saveAndAdd') : t('contacts.form.save')}
            onCancel={() => (forDocument ? close() : backToList(''))}
            onSaved={(contact) => {
              if (forDocument) {
                onAddToDocument(contact);
                close();
              } else backToList(t('contacts.register.saved', { name: contact.name }));
            }}
          />
        ) : (
          <>
            <p className="hint">{t('contacts.register.copies')}</p>
            {contacts.length === 0 ? <p>{t('contacts.register.empty')}</p> : null}
            <ul className="register-list" aria-label={t('contacts.register.listLabel')}>
              {contacts.map((c) => (
                <li key={c.id} className="register-item">
                  <span className="register-who">
                    <strong>{c.name}</strong>
                    <span lang={maalform}>{maalform === 'nn' ? c.roleNn : c.roleNb}</span>
                    <span className="register-reach">{[c.phone, c.email].filter(Boolean).join(' · ')}</span>
                  </span>
                  <span className="register-actions">
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      aria-label={t('contacts.register.edit', { name: c.name })}
                      onClick={() => setEditing({ ...c })}
                    >
                      {t('contacts.register.editShort')}
                    </button>
                    <button
                      type="button"
                      className="button button-quiet button-small button-danger-text"
                      aria-label={t('contacts.register.remove', { name: c.name })}
                      onClick={() => setRemoving(c)}
                    >
                      {t('contacts.register.removeShort')}
                    </button>
                  </span>
                </li>
              ))}
            </ul>
            <button ref={addButton} type="button" className="button register-add" onClick={() => setEditing(emptyDraft())}>
              {t('contacts.register.add')}
            </button>
          </>
        )}
      </div>
      {removing ? (
        <ChoiceDialog
          title={t('contacts.register.removeConfirmTitle', { name: removing.name })}
          cancelLabel={t('common.cancel')}
          choices={[{ value: 'remove', label: t('contacts.register.remove', { name: removing.name }), kind: 'danger' }]}
          onChoose={(choice) => (choice === 'remove' ? void remove(removing) : setRemoving(null))}
        >
          <p>{t('contacts.register.removeConfirmBody')}</p>
        </ChoiceDialog>
      ) : null}
    </dialog>
  );
}
