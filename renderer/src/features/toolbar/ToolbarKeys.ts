import { Extension } from '@tiptap/core';

/** What a toolbar shortcut in the body asks for: focus the toolbar (Alt+F10) or edit a link (Ctrl+K). */
export type ToolbarRequest = 'focus' | 'link';

/** The event the body editor's DOM receives for a toolbar shortcut. */
export const TOOLBAR_REQUEST_EVENT = 'melding:toolbar';

/**
 * Alt+F10 (move to the toolbar, as in Word and TinyMCE) and Ctrl+K (link) in the body. The
 * editor only announces the request; the toolbar, which owns the focus order and the popover,
 * answers it.
 */
export const ToolbarKeys = Extension.create({
  name: 'toolbarKeys',
  addKeyboardShortcuts() {
    const request = (detail: ToolbarRequest) => {
      this.editor.view.dom.dispatchEvent(new CustomEvent<ToolbarRequest>(TOOLBAR_REQUEST_EVENT, { detail, bubbles: true }));
      return true;
    };
    return { 'Alt-F10': () => request('focus'), 'Mod-k': () => request('link') };
  },
});
