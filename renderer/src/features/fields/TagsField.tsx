import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface TagsFieldProps {
  readonly value: readonly string[];
  readonly onChange: (tags: string[]) => void;
  readonly announce: (message: string) => void;
}

/** As the document schema allows. */
const MAX_TAG_LENGTH = 100;
const MAX_TAGS = 100;

/**
 * Stikkord as chips: Enter or a comma adds what was typed, each chip has a named remove button,
 * Backspace in the empty field removes the last one. The same tag twice (in any case) is ignored.
 */
export function TagsField({ value, onChange, announce }: TagsFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  /** Adds the tags in `parts`; returns what could not be added (too long), to stay in the field. */
  const add = (parts: readonly string[]): string => {
    const next = [...value];
    const seen = new Set(next.map((tag) => tag.toLocaleLowerCase('nb')));
    let leftover = '';
    let message: string | null = null;
    for (const raw of parts) {
      const tag = raw.trim().replace(/\s+/g, ' ');
      if (!tag) continue;
      if (tag.length > MAX_TAG_LENGTH) {
        leftover = tag;
        message = t('fields.tags.tooLong', { max: MAX_TAG_LENGTH });
      } else if (seen.has(tag.toLocaleLowerCase('nb'))) {
        message = t('fields.tags.duplicate', { tag });
      } else if (next.length >= MAX_TAGS) {
        leftover = tag;
        message = t('fields.tags.tooMany', { max: MAX_TAGS });
      } else {
        next.push(tag);
        seen.add(tag.toLocaleLowerCase('nb'));
        announce(t('fields.tags.added', { tag }));
      }
    }
    if (next.length !== value.length) onChange(next);
    setProblem(message);
    return leftover;
  };

  const removeAt = (index: number) => {
    const tag = value[index];
    if (tag === undefined) return;
    onChange(value.filter((_, i) => i !== index));
    setProblem(null);
    announce(t('fields.tags.removed', { tag }));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      if (text.trim()) setText(add([text]));
    } else if (e.key === 'Backspace' && text === '' && value.length > 0) {
      e.preventDefault();
      removeAt(value.length - 1);
    }
  };

  return (
    <section className="details-block tags-field" aria-labelledby={`${id}-label`}>
      <h3 className="details-label" id={`${id}-label`}>
        <label htmlFor={`${id}-input`}>{t('fields.tags.label')}</label>
      </h3>
      <div className="tag-box" onClick={(e) => e.target === e.currentTarget && input.current?.focus()}>
        <ul className="tag-list" aria-label={t('fields.tags.listLabel')} hidden={value.length === 0}>
          {value.map((tag, i) => (
            <li key={tag} className="tag-chip">
              <span>{tag}</span>
              <button
                type="button"
                className="tag-remove"
                aria-label={t('fields.tags.remove', { tag })}
                onClick={() => {
                  removeAt(i);
                  input.current?.focus();
                }}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
        <input
          ref={input}
          id={`${id}-input`}
          className="tag-input"
          type="text"
          autoComplete="off"
          value={text}
          placeholder={value.length === 0 ? t('fields.tags.placeholder') : undefined}
          aria-describedby={`${id}-hint ${id}-problem`}
          aria-invalid={problem && text ? true : undefined}
          onKeyDown={onKeyDown}
          onChange={(e) => {
            const typed = e.target.value;
            // A pasted "helse, sykehus, ventetid" becomes three tags; the part after the last comma stays.
            if (typed.includes(',')) {
              const parts = typed.split(',');
              const last = parts.pop() ?? '';
              const leftover = add(parts);
              setText(leftover ? `${leftover},${last}` : last);
            } else {
              setText(typed);
              if (problem) setProblem(null);
            }
          }}
          onBlur={() => {
            if (text.trim()) setText(add([text]));
          }}
        />
      </div>
      <p id={`${id}-hint`} className="hint">
        {t('fields.tags.hint')}
      </p>
      <p id={`${id}-problem`} className="field-issue" aria-live="polite">
        {problem}
      </p>
    </section>
  );
}
