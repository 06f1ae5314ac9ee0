import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../shared/domain/contact';
import { contactMatches } from '../../../../shared/domain/contactRules';
import type { Maalform } from '../../../../shared/domain/vocabulary';

interface ContactPickerProps {
  readonly contacts: readonly Contact[];
  /** Register ids already in the document: shown, but not offered twice. */
  readonly chosen: ReadonlySet<string>;
  readonly maalform: Maalform;
  readonly onPick: (contact: Contact) => void;
  /** The last option: add the typed name to the register. */
  readonly onAddNew: (name: string) => void;
}

type Option = { readonly kind: 'contact'; readonly contact: Contact; readonly disabled: boolean } | { readonly kind: 'new'; readonly disabled: false };

/**
 * A WAI-ARIA combobox with a listbox popup (APG "list autocomplete"): type to filter by name or
 * role, arrows to move, Enter to pick, Escape to close. Focus stays in the text field; the
 * active option is named through aria-activedescendant.
 */
export function ContactPicker({ contacts, chosen, maalform, onPick, onAddNew }: ContactPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  const options: Option[] = [
    ...contacts.filter((c) => contactMatches(c, query)).map((c) => ({ kind: 'contact' as const, contact: c, disabled: chosen.has(c.id) })),
    { kind: 'new', disabled: false },
  ];
  const optionId = (i: number) => `${id}-option-${i}`;
  // With aria-activedescendant the browser does not scroll for us: keep the active option in view.
  useEffect(() => {
    if (open && active >= 0) document.getElementById(`${id}-option-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [open, active, id]);
  const step = (from: number, delta: 1 | -1) => {
    for (let i = from + delta, n = 0; n < options.length; i += delta, n++) {
      const index = (i + options.length) % options.length;
      if (!options[index]?.disabled) return index;
    }
    return -1;
  };

  const choose = (option: Option | undefined) => {
    if (!option || option.disabled) return;
    setOpen(false);
    setActive(-1);
    if (option.kind === 'new') onAddNew(query.trim());
    else onPick(option.contact);
    setQuery('');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const delta = e.key === 'ArrowDown' ? 1 : -1;
      if (!open) {
        setOpen(true);
        setActive(step(delta === 1 ? -1 : 0, delta));
      } else setActive(step(active === -1 && delta === -1 ? 0 : active, delta));
    } else if (e.key === 'Enter') {
      if (!open) return;
      e.preventDefault();
      choose(options[active]);
    } else if (e.key === 'Escape') {
      // Escape closes the list first, then clears the text; it never leaks to a dialog around us.
      if (open || query) e.stopPropagation();
      if (open) setOpen(false);
      else setQuery('');
      setActive(-1);
    }
  };

  const role = (c: Contact) => (maalform === 'nn' ? c.roleNn : c.roleNb);
  return (
    <div className="picker">
      <label className="form-label" htmlFor={`${id}-input`}>
        {t('fields.contacts.search')}
      </label>
      <input
        id={`${id}-input`}
        className="input picker-input"
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={`${id}-listbox`}
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        placeholder={t('fields.contacts.placeholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onClick={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      <ul id={`${id}-listbox`} role="listbox" className="picker-list" aria-label={t('fields.contacts.optionsLabel')} hidden={!open}>
        {options.map((option, i) => (
          <li
            key={option.kind === 'contact' ? option.contact.id : 'new'}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            aria-disabled={option.disabled || undefined}
            className={`picker-option${i === active ? ' is-active' : ''}${option.kind === 'new' ? ' picker-new' : ''}`}
            // Keep focus in the text field: a mousedown would blur it and close the list first.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(option)}
          >
            {option.kind === 'contact' ? (
              <>
                <span className="picker-name">{option.contact.name}</span>
                {role(option.contact) ? (
                  <span className="picker-role" lang={maalform}>
                    {role(option.contact)}
                  </span>
                ) : null}
                {option.disabled ? <span className="picker-note">{t('fields.contacts.alreadyChosen')}</span> : null}
              </>
            ) : query.trim() ? (
              t('fields.contacts.addNew', { query: query.trim() })
            ) : (
              t('fields.contacts.addPerson')
            )}
          </li>
        ))}
      </ul>
      {/* Always present, so screen readers hear it when its text changes. */}
      <p className="visually-hidden" aria-live="polite">
        {open && query.trim() && options.length === 1 ? t('fields.contacts.noMatch', { query: query.trim() }) : ''}
      </p>
    </div>
  );
}
