import { Extension } from '@tiptap/core';
import { Fragment, Slice } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { cleanText } from '../../../../shared/editor/paste/cleanText';
import { htmlNestingExceeds } from '../../../../shared/editor/paste/htmlNesting';
import { PASTE_LIMITS, pasteOverLimit } from '../../../../shared/editor/paste/pasteLimits';
import { plainTextBlocks } from '../../../../shared/editor/paste/plainTextBlocks';
import { cleanPastedHtml } from './cleanPastedHtml';

/** Why a paste was refused or simplified; the editor DOM gets a `melding:paste` event with this. */
export type PasteNotice = 'tooLarge' | 'htmlTooLarge';

/** The event the body editor's DOM receives when a paste was refused or simplified. */
export const PASTE_NOTICE_EVENT = 'melding:paste';

function notify(dom: Element, notice: PasteNotice): void {
  dom.dispatchEvent(new CustomEvent<PasteNotice>(PASTE_NOTICE_EVENT, { detail: notice, bubbles: true }));
}

/**
 * Paste and drop into the body: clipboard HTML is cleaned to the body schema (see
 * `cleanPastedHtml`), plain text becomes paragraphs and simple lists, and a paste too large to
 * handle is refused before anything changes (or, when only its HTML is too large or too deeply
 * nested to parse safely, pasted as plain text), with a `melding:paste` event the editor turns into a message.
 */
export const PasteCleaning = Extension.create({
  name: 'pasteCleaning',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('pasteCleaning'),
        props: {
          transformPastedHTML: (html) => cleanPastedHtml(html),
          transformPastedText: (text) => cleanText(text),
          clipboardTextParser: (text, _context, _plain, view) => {
            const { schema } = view.state;
            const blocks = plainTextBlocks(text).map((block) => schema.nodeFromJSON(block));
            return Slice.maxOpen(Fragment.fromArray(blocks));
          },
          handleDOMEvents: {
            paste: (view, event) => {
              const data = event.clipboardData;
              if (!data) return false;
              const html = data.getData('text/html');
              const text = data.getData('text/plain');
              // Deeply nested HTML is as bad as too much of it: a browser's parser would hang on it.
              const over = pasteOverLimit(html.length, text.length) ?? (htmlNestingExceeds(html, PASTE_LIMITS.htmlNesting) ? 'html' : null);
              if (!over) return false;
              event.preventDefault();
              if (over === 'html' && text) {
                view.pasteText(text);
                notify(view.dom, 'htmlTooLarge');
              } else notify(view.dom, 'tooLarge');
              return true;
            },
          },
        },
      }),
    ];
  },
});
