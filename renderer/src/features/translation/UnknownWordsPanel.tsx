import type { Editor } from '@tiptap/core';
import { useEffect, useId, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageUse } from '../../../../shared/domain/document';
import type { UnknownWord } from '../../../../shared/domain/translation';
import { currentRange, highlightUnknownWords } from './unknownWordHighlight';

interface UnknownWordsPanelProps {
  readonly editor: Editor | null;
  readonly words: readonly UnknownWord[];
  readonly images: readonly ImageUse[];
  readonly titleRef: RefObject<HTMLTextAreaElement | null>;
  readonly ingressRef: RefObject<HTMLTextAreaElement | null>;
  readonly onDone: () => void;
}

/** Selects `word` in a text field: where it was, or where it is now if the text moved. */
function selectInField(field: HTMLTextAreaElement | null | undefined, word: UnknownWord): void {
  if (!field) return;
  const at = field.value.slice(word.from, word.to) === word.word ? word.from : field.value.indexOf(word.word);
  field.scrollIntoView({ block: 'nearest' });
  field.focus();
  if (at >= 0) field.setSelectionRange(at, at + word.word.length);
}

/**
 * After a translation: the words Apertium did not know, marked in the body and listed here
 * with where they are. Each entry (and Next/Previous) selects the word in its field, so the
 * writer can check it and type over it. Marks are never stored; Done removes them.
 */
export function UnknownWordsPanel({ editor, words, images, titleRef, ingressRef, onDone }: UnknownWordsPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [current, setCurrent] = useState(-1);
  const reachable = words.filter((w) => w.field !== 'contactRole');

  useEffect(() => (editor && !editor.isDestroyed ? highlightUnknownWords(editor, words) : undefined), [editor, words]);

  const goTo = (word: UnknownWord) => {
    setCurrent(reachable.indexOf(word));
    switch (word.field) {
      case 'body': {
        const range = editor ? currentRange(editor, word) : null;
        if (editor && range) editor.chain().focus().setTextSelection(range).scrollIntoView().run();
        break;
      }
      case 'title':
        selectInField(titleRef.current, word);
        break;
      case 'ingress':
        selectInField(ingressRef.current, word);
        break;
      case 'caption':
      case 'alt': {
        const use = images[word.index];
        const card = use ? document.querySelector(`[data-image-use-card="${CSS.escape(use.id)}"]`) : null;
        selectInField(card?.querySelector<HTMLTextAreaElement>(`[data-image-field="${word.field}"]`), word);
        break;
      }
      default:
        break;
    }
  };
  const step = (by: number) => {
    if (reachable.length === 0) return;
    const next = (current + by + reachable.length) % reachable.length;
    goTo(reachable[next] as UnknownWord);
  };

  return (
    <section className="translate-review" aria-labelledby={headingId}>
      <h2 id={headingId} className="translate-review-heading">
        {t('translate.review.heading')}
      </h2>
      <p>{t('translate.review.intro', { count: words.length })}</p>
      <ul className="translate-review-list" aria-label={t('translate.review.listLabel')}>
        {words.map((word, i) => {
          const label = t('translate.review.item', { word: word.word, field: t(`translate.review.field.${word.field}`) });
          return (
            <li key={`${word.field}-${word.index}-${word.from}-${i}`}>
              {word.field === 'contactRole' ? (
                <span className="translate-unknown-word">{label}</span>
              ) : (
                <button type="button" className="button button-small button-secondary" aria-current={reachable[current] === word ? 'true' : undefined} onClick={() => goTo(word)}>
                  {label}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <div className="translate-review-actions">
        <button type="button" className="button button-small button-quiet" disabled={reachable.length === 0} onClick={() => step(-1)}>
          {t('translate.review.previous')}
        </button>
        <button type="button" className="button button-small button-quiet" disabled={reachable.length === 0} onClick={() => step(1)}>
          {t('translate.review.next')}
        </button>
        <button type="button" className="button button-small" onClick={onDone}>
          {t('translate.review.done')}
        </button>
      </div>
    </section>
  );
}
