import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { api } from '../../lib/api';
import { CheckScheduler, type CheckCall } from './CheckScheduler';
import { openIssueAtCaret, openMenuFor, openNextIssue } from './languageCommands';
import { LanguageSession } from './languageSession';
import { applyLanguage, initialLanguageState, issueAt, languageKey, type LanguageMeta } from './languageState';

export interface LanguageCheckOptions {
  readonly check: CheckCall;
}

export interface LanguageCheckStorage {
  readonly session: LanguageSession;
}

const overlayKey = new PluginKey('languageOverlay');

/**
 * Spelling and målform underlines in the body, long sentences on request, and the keys and the
 * right-click that open the menu for a marked word. Checking starts once the document's målform
 * is set (`setCheckMaalform`).
 */
export const LanguageCheck = Extension.create<LanguageCheckOptions, LanguageCheckStorage>({
  name: 'languageCheck',

  addOptions() {
    return { check: (input) => api.language.check(input) };
  },

  addStorage() {
    return { session: new LanguageSession() };
  },

  addProseMirrorPlugins() {
    const session = this.storage.session;
    const check = this.options.check;
    return [
      new Plugin({
        key: languageKey,
        state: { init: initialLanguageState, apply: applyLanguage },
        view: (view) => new CheckScheduler(view, session, check),
        props: {
          // The keys that reach the marked words, for assistive technology (also shown in the panel).
          attributes: { 'aria-keyshortcuts': 'F7 Shift+F10' },
          decorations: (state) => languageKey.getState(state)?.issues,
          handleDOMEvents: {
            contextmenu: (view, event) => {
              const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
              const state = languageKey.getState(view.state);
              const deco = at && state ? issueAt(state, at.pos) : null;
              if (!deco) return false;
              event.preventDefault();
              openMenuFor(view, session, deco);
              return true;
            },
            blur: (view) => {
              // The caret has left the text: words held back while being typed can be shown.
              if (languageKey.getState(view.state)?.held.find().length) {
                view.dispatch(view.state.tr.setMeta(languageKey, { type: 'release' } satisfies LanguageMeta));
              }
              return false;
            },
          },
        },
      }),
      // Long sentences and the highlighted word of the open menu, drawn over the underlines.
      new Plugin({
        key: overlayKey,
        props: {
          decorations: (state) => {
            const value = languageKey.getState(state);
            if (!value) return null;
            const base = value.showSentences ? value.sentences : DecorationSet.empty;
            if (!value.active) return base;
            return base.add(state.doc, [Decoration.inline(value.active.from, value.active.to, { class: 'lang-active' })]);
          },
        },
      }),
    ];
  },

  addKeyboardShortcuts() {
    const session = this.storage.session;
    return {
      F7: ({ editor }) => openNextIssue(editor.view, session),
      'Shift-F10': ({ editor }) => openIssueAtCaret(editor.view, session),
      ContextMenu: ({ editor }) => openIssueAtCaret(editor.view, session),
    };
  },
});
