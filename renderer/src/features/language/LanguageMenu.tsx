import type { Editor } from '@tiptap/core';
import { useEffect, useId, useLayoutEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Maalform } from '../../../../shared/domain/vocabulary';
import { api } from '../../lib/api';
import { closeMenu, dismissMenu, ignoreWord, replaceWord, liveSessionOf } from './languageCommands';
import type { MenuRequest } from './languageSession';

interface LanguageMenuProps {
  readonly editor: Editor | null;
  readonly maalform: Maalform;
}

const noSubscription = () => () => {};
const noMenu = () => null;

/** The menu for the marked word the user right-clicked or reached with F7 / Shift+F10. */
export function LanguageMenu({ editor, maalform }: LanguageMenuProps) {
  const session = editor ? liveSessionOf(editor) : null;
  const menu = useSyncExternalStore(session?.subscribe ?? noSubscription, session?.getMenu ?? noMenu);
  if (!editor || !menu) return null;
  // A new word is a new menu: answers still on their way for the old one are dropped with it.
  return <IssueMenu key={`${menu.from}:${menu.to}:${menu.word}`} editor={editor} menu={menu} maalform={maalform} />;
}

type Suggestions = { readonly state: 'loading' } | { readonly state: 'done'; readonly words: readonly string[] } | { readonly state: 'failed' };

interface Item {
  readonly key: string;
  readonly label: string;
  readonly run: () => void;
}

function IssueMenu({ editor, menu, maalform }: { readonly editor: Editor; readonly menu: MenuRequest; readonly maalform: Maalform }) {
  const { t } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [suggestions, setSuggestions] = useState<Suggestions>(menu.kind === 'spelling' ? { state: 'loading' } : { state: 'done', words: [] });
  /** The item the user moved to; null until they move, while the first item leads. */
  const [focused, setFocused] = useState<string | null>(null);

  useEffect(() => {
    if (menu.kind !== 'spelling') return;
    let live = true;
    void api.language.suggest({ maalform, word: menu.word }).then((result) => {
      if (!live) return;
      if (result.ok) setSuggestions({ state: 'done', words: result.value.suggestions });
      else if (result.error.code !== 'language_cancelled') setSuggestions({ state: 'failed' });
    });
    return () => {
      live = false;
    };
  }, [menu, maalform]);

  const items: Item[] = [];
  if (menu.kind === 'spelling' && suggestions.state === 'done') {
    for (const word of suggestions.words) items.push({ key: `s:${word}`, label: word, run: () => replaceWord(editor, menu, word) });
  }
  if (menu.kind === 'maalform' && menu.suggestion) {
    const suggestion = menu.suggestion;
    items.push({ key: 'switch', label: t('language.menu.switchTo', { word: suggestion }), run: () => replaceWord(editor, menu, matchCase(menu.word, suggestion)) });
  }
  items.push({ key: 'ignore', label: t('language.menu.ignore'), run: () => ignoreWord(editor, menu) });
  if (menu.kind === 'spelling') {
    items.push({
      key: 'add',
      label: t('language.menu.addWord'),
      run: () => {
        // Hidden at once here; the service's language:changed makes every open editor check again.
        ignoreWord(editor, menu);
        void api.language.addWord({ maalform, word: menu.word });
      },
    });
  }
  // Until the user moves, the first item (the best suggestion, once it is there) has the focus.
  const currentKey = (items.find((item) => item.key === focused) ?? items[0])?.key;

  useLayoutEffect(() => {
    const element = ref.current;
    if (element && !element.matches(':popover-open')) element.showPopover();
  }, []);

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>(`[data-item="${CSS.escape(currentKey ?? '')}"]`)?.focus();
  }, [currentKey]);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) dismissMenu(editor);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [editor]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = Math.max(0, items.findIndex((item) => item.key === currentKey));
    const go = (next: number) => {
      event.preventDefault();
      setFocused(items[(next + items.length) % items.length]?.key ?? null);
    };
    if (event.key === 'ArrowDown') go(index + 1);
    else if (event.key === 'ArrowUp') go(index - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(items.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      closeMenu(editor);
    }
  };

  const label = menu.kind === 'spelling' ? t('language.menu.spelling', { word: menu.word }) : t(`language.menu.maalform.${maalform}`, { word: menu.word });
  const status =
    menu.kind !== 'spelling'
      ? null
      : suggestions.state === 'loading'
        ? t('language.menu.loading')
        : suggestions.state === 'failed'
          ? t('language.menu.suggestionsFailed')
          : suggestions.words.length === 0
            ? t('language.menu.noSuggestions')
            : null;
  const firstAction = items.findIndex((item) => !item.key.startsWith('s:'));

  return (
    <div ref={ref} popover="manual" className="lang-menu" onKeyDown={onKeyDown} onContextMenu={(e) => e.preventDefault()}>
      <p id={`${id}-label`} className="lang-menu-label">
        {label}
      </p>
      <p className="lang-menu-status" role="status">
        {status}
      </p>
      <div role="menu" aria-labelledby={`${id}-label`} className="lang-menu-items">
        {items.map((item, index) => (
          <div key={item.key} className="lang-menu-group" role="none">
            {index === firstAction && index > 0 ? <div role="separator" className="lang-menu-separator" /> : null}
            <button
              type="button"
              role="menuitem"
              data-item={item.key}
              tabIndex={item.key === currentKey ? 0 : -1}
              className={`lang-menu-item${item.key.startsWith('s:') ? ' is-suggestion' : ''}`}
              onClick={item.run}
              onFocus={() => {
                if (item.key !== currentKey) setFocused(item.key);
              }}
            >
              {item.label}
            </button>
          </div>
        ))}
      </div>
    </div>
  );
}

/** "Hva" at the start of a sentence becomes "Kva", not "kva". */
function matchCase(original: string, replacement: string): string {
  const first = original.charAt(0);
  return first !== first.toLocaleLowerCase('nb') ? replacement.charAt(0).toLocaleUpperCase('nb') + replacement.slice(1) : replacement;
}
