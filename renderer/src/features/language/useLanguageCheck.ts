import type { Editor } from '@tiptap/core';
import { useEffect, useSyncExternalStore } from 'react';
import type { Maalform } from '../../../../shared/domain/vocabulary';
import { api } from '../../lib/api';
import { recheckAll, liveSessionOf, setCheckMaalform } from './languageCommands';
import type { LanguageSummary } from './languageSession';

const EMPTY: LanguageSummary = { spelling: 0, maalform: 0, longSentences: 0, stats: { words: 0, thisForm: 0, otherForm: 0 }, unavailable: false, busy: false };
const noSubscription = () => () => {};

/**
 * Starts the body's language check in the document's målform, and checks everything again when
 * the målform or the personal dictionary changes. Returns nothing on purpose: the figures are read
 * by the small components that show them (useLanguageSummary), so the editor around the body
 * never re-renders because of a check.
 */
export function useLanguageCheck(editor: Editor | null, maalform: Maalform): void {
  useEffect(() => {
    if (editor && !editor.isDestroyed) setCheckMaalform(editor, maalform);
  }, [editor, maalform]);
  useEffect(() => {
    if (!editor) return;
    return api.onLanguageChanged((payload) => {
      if (payload.maalform === maalform && !editor.isDestroyed) recheckAll(editor);
    });
  }, [editor, maalform]);
}

/** The body's language figures, updated when answers arrive. */
export function useLanguageSummary(editor: Editor | null): LanguageSummary {
  const session = editor ? liveSessionOf(editor) : null;
  return useSyncExternalStore(session?.subscribe ?? noSubscription, session?.getSummary ?? (() => EMPTY));
}
