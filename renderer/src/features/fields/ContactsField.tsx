import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../shared/domain/contact';
import { differsFromRegister, toPressContact } from '../../../../shared/domain/contactRules';
import type { PressContact } from '../../../../shared/domain/document';
import type { Maalform } from '../../../../shared/domain/vocabulary';
import { DOCUMENT_LABELS } from '../../../../shared/i18n/documentLabels';
import { InlineError } from '../../app/ErrorText';
import { ContactRegisterDialog, type RegisterDialogStart } from '../contacts/ContactRegisterDialog';
import { useContactRegister } from '../contacts/useContactRegister';
import { ContactPicker } from './ContactPicker';

interface ContactsFieldProps {
  readonly value: readonly PressContact[];
  readonly maalform: Maalform;
  readonly onChange: (contacts: PressContact[]) => void;
  readonly announce: (message: string) => void;
}

const MAX_CONTACTS = 50;

/**
 * "Pressekontakter" (labelled in the document's målform): the people printed under the text, as
 * cards in their published order. Picked from the register; the document keeps its own copy.
 */
export function ContactsField({ value, maalform, onChange, announce }: ContactsFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const labels = DOCUMENT_LABELS[maalform];
  const register = useContactRegister();
  const [dialog, setDialog] = useState<RegisterDialogStart | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const byId = new Map(register.contacts.map((c) => [c.id, c]));
  const chosen = new Set(value.map((c) => c.contactId).filter((v): v is string => v !== null));

  const add = (contact: Contact) => {
    if (chosen.has(contact.id) || value.length >= MAX_CONTACTS) return;
    onChange([...value, toPressContact(contact)]);
    announce(t('fields.contacts.added', { name: contact.name }));
  };

  const move = (from: number, to: number) => {
    const next = [...value];
    const [item] = next.splice(from, 1);
    if (!item) return;
    next.splice(to, 0, item);
    onChange(next);
    announce(t('fields.contacts.moved', { name: item.name, position: to + 1 }));
    // Keep focus on the same button of the moved card (or its other arrow at the ends).
    const direction = to < from ? 'up' : 'down';
    requestAnimationFrame(() => {
      const card = list.current?.children[to];
      const target = card?.querySelector<HTMLButtonElement>(`[data-move="${direction}"]:not(:disabled)`) ?? card?.querySelector<HTMLButtonElement>('[data-move]:not(:disabled)');
      target?.focus();
    });
  };

  const remove = (index: number) => {
    const item = value[index];
    if (!item) return;
    onChange(value.filter((_, i) => i !== index));
    announce(t('fields.contacts.removed', { name: item.name }));
    requestAnimationFrame(() => {
      const cards = list.current?.children;
      const next = cards?.[Math.min(index, cards.length - 1)]?.querySelector<HTMLButtonElement>('[data-remove]');
      (next ?? document.getElementById(`${id}-picker`)?.querySelector<HTMLInputElement>('input'))?.focus();
    });
  };

  return (
    <section className="details-block contacts-field" aria-labelledby={`${id}-label`}>
      <h3 id={`${id}-label`} className="details-label" lang={maalform}>
        {labels.contacts}
      </h3>
      {value.length === 0 ? <p className="details-empty">{t('fields.contacts.none')}</p> : null}
      <ol ref={list} className="contact-cards" aria-label={t('fields.contacts.listLabel')} hidden={value.length === 0}>
        {value.map((c, i) => {
          const entry = c.contactId ? byId.get(c.contactId) : undefined;
          const role = maalform === 'nn' ? c.roleNn : c.roleNb;
          return (
            <li key={`${c.contactId ?? c.name}-${i}`} className="contact-card">
              <div className="contact-card-body" lang={maalform}>
                <strong className="contact-card-name">{c.name}</strong>
                {role ? <span className="contact-card-role">{role}</span> : null}
                {c.phone ? (
                  <span className="contact-card-line">
                    {labels.phone}: {c.phone}
                  </span>
                ) : null}
                {c.email ? (
                  <span className="contact-card-line">
                    {labels.email}: {c.email}
                  </span>
                ) : null}
                {entry && differsFromRegister(c, entry) ? (
                  <span className="contact-card-stale">
                    {t('fields.contacts.changedInRegister', { name: c.name })}{' '}
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      onClick={() => {
                        onChange(value.map((x, j) => (j === i ? toPressContact(entry) : x)));
                        announce(t('fields.contacts.updated', { name: entry.name }));
                      }}
                    >
                      {t('fields.contacts.updateFromRegister')}
                    </button>
                  </span>
                ) : null}
              </div>
              <div className="contact-card-actions">
                <button type="button" className="icon-button" data-move="up" disabled={i === 0} aria-label={t('fields.contacts.moveUp', { name: c.name })} onClick={() => move(i, i - 1)}>
                  <span aria-hidden="true">↑</span>
                </button>
                <button
                  type="button"
                  className="icon-button"
                  data-move="down"
                  disabled={i === value.length - 1}
                  aria-label={t('fields.contacts.moveDown', { name: c.name })}
                  onClick={() => move(i, i + 1)}
                >
                  <span aria-hidden="true">↓</span>
                </button>
                <button type="button" className="icon-button icon-button-remove" data-remove aria-label={t('fields.contacts.remove', { name: c.name })} onClick={() => remove(i)}>
                  <span aria-hidden="true">×</span>
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <div id={`${id}-picker`} className="contacts-add">
        <ContactPicker contacts={register.contacts} chosen={chosen} maalform={maalform} onPick={add} onAddNew={(name) => setDialog({ kind: 'new-for-document', name })} />
        <button type="button" className="button button-quiet" onClick={() => setDialog({ kind: 'list' })}>
          {t('fields.contacts.openRegister')}
        </button>
      </div>
      <InlineError error={register.error} />
      {dialog ? <ContactRegisterDialog start={dialog} contacts={register.contacts} maalform={maalform} onAddToDocument={add} onClose={() => setDialog(null)} /> : null}
    </section>
  );
}
