import type { Editor } from '@tiptap/core';
import { closeHistory } from '@tiptap/pm/history';
import { TextSelection } from '@tiptap/pm/state';
import type { Decoration, EditorView } from '@tiptap/pm/view';
import type { Maalform } from '../../../../shared/domain/vocabulary';
import type { LanguageSession, MenuRequest } from './languageSession';
import { issueAt, languageKey, nextIssue, stillCoversWord, type IssueSpec, type LanguageMeta } from './languageState';

/** The editor-side actions the menu, the panel and the document's målform select use. */

function dispatchMeta(view: EditorView, meta: LanguageMeta): void {
  view.dispatch(view.state.tr.setMeta(languageKey, meta).setMeta('addToHistory', false));
}

export function sessionOf(editor: Editor): LanguageSession {
  const session = liveSessionOf(editor);
  if (!session) throw new Error('The language check is not running on this editor');
  return session;
}

/** The session, or null once the editor is destroyed (React may still render it one last time). */
export function liveSessionOf(editor: Editor): LanguageSession | null {
  if (editor.isDestroyed) return null;
  return (editor.storage as unknown as { languageCheck?: { session?: LanguageSession } }).languageCheck?.session ?? null;
}

export function setCheckMaalform(editor: Editor, maalform: Maalform): void {
  dispatchMeta(editor.view, { type: 'maalform', maalform });
}

/** Checks every block again (the personal dictionary changed); the underlines stay until the answers come. */
export function recheckAll(editor: Editor): void {
  dispatchMeta(editor.view, { type: 'recheck' });
}

export function showLongSentences(editor: Editor, show: boolean): void {
  dispatchMeta(editor.view, { type: 'showSentences', show });
}

/** Selects the marked word, highlights it as the menu's anchor and opens the menu. */
export function openMenuFor(view: EditorView, session: LanguageSession, deco: Decoration): void {
  const spec = deco.spec as IssueSpec;
  const tr = view.state.tr
    .setSelection(TextSelection.create(view.state.doc, deco.from, deco.to))
    .setMeta(languageKey, { type: 'active', range: { from: deco.from, to: deco.to } } satisfies LanguageMeta)
    .setMeta('addToHistory', false)
    .scrollIntoView();
  view.dispatch(tr);
  session.openMenu({ from: deco.from, to: deco.to, kind: spec.kind, word: spec.word, suggestion: spec.suggestion });
}

/** F7: the next marked word after the caret (wrapping round). False when there is none. */
export function openNextIssue(view: EditorView, session: LanguageSession): boolean {
  const state = languageKey.getState(view.state);
  if (!state) return false;
  const deco = nextIssue(state, view.state.selection.to);
  if (!deco) return false;
  openMenuFor(view, session, deco);
  return true;
}

/** Shift+F10 or the menu key on a marked word. False elsewhere, so the usual menu can open. */
export function openIssueAtCaret(view: EditorView, session: LanguageSession): boolean {
  const state = languageKey.getState(view.state);
  const deco = state ? issueAt(state, view.state.selection.head) : null;
  if (!deco) return false;
  openMenuFor(view, session, deco);
  return true;
}

/** Closes the menu and gives the text its focus back, with the word still selected. */
export function closeMenu(editor: Editor): void {
  sessionOf(editor).closeMenu();
  dispatchMeta(editor.view, { type: 'active', range: null });
  editor.view.focus();
}

/** Puts `replacement` in place of exactly the marked word, as one step of its own in the undo history. */
export function replaceWord(editor: Editor, menu: MenuRequest, replacement: string): void {
  const view = editor.view;
  sessionOf(editor).closeMenu();
  if (!stillCoversWord(view.state.doc, menu.from, menu.to, menu.word)) {
    dispatchMeta(view, { type: 'active', range: null });
    view.focus();
    return;
  }
  const tr = closeHistory(view.state.tr.insertText(replacement, menu.from, menu.to));
  tr.setSelection(TextSelection.create(tr.doc, menu.from + replacement.length));
  view.dispatch(tr);
  view.focus();
}

export function ignoreWord(editor: Editor, menu: MenuRequest): void {
  sessionOf(editor).closeMenu();
  dispatchMeta(editor.view, { type: 'ignore', kind: menu.kind, word: menu.word });
  editor.view.focus();
}

/** The number of shown issues before the caret is not needed: the panel asks for the next one. */
export function goToNextIssue(editor: Editor): boolean {
  return openNextIssue(editor.view, sessionOf(editor));
}

/** Closes the menu without moving focus (the user clicked somewhere else). */
export function dismissMenu(editor: Editor): void {
  sessionOf(editor).closeMenu();
  if (!editor.isDestroyed) dispatchMeta(editor.view, { type: 'active', range: null });
}
