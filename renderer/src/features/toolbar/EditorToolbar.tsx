import { useEditorState, type Editor } from '@tiptap/react';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkPopover } from './LinkPopover';
import { ToolbarIcon, type ToolbarIconName } from './ToolbarIcon';
import { TOOLBAR_REQUEST_EVENT, type ToolbarRequest } from './ToolbarKeys';
import { selectToolbarState, type ToolbarState } from './toolbarState';

interface Item {
  readonly id: string;
  readonly label: string;
  /** Shown in the tooltip, e.g. "Ctrl+B". */
  readonly keys?: string;
  /** For aria-keyshortcuts, e.g. "Control+B". */
  readonly ariaKeys?: string;
  readonly pressed?: boolean;
  readonly enabled: boolean;
  readonly content: ReactNode;
  readonly group: number;
  readonly run: (fromKeyboard: boolean) => void;
  readonly popup?: boolean;
}

const EMPTY: ToolbarState = {
  block: 'other',
  bold: false,
  italic: false,
  bulletList: false,
  orderedList: false,
  blockquote: false,
  link: false,
  can: { paragraph: false, h2: false, h3: false, bold: false, italic: false, bulletList: false, orderedList: false, blockquote: false, link: false, undo: false, redo: false },
};

/**
 * The body's formatting toolbar: one tab stop, arrow keys, Home and End move between the buttons
 * (WAI-ARIA toolbar pattern); Alt+F10 in the body comes here and Escape goes back to the same
 * caret. Subscribes to a small derived state, so typing re-renders it only when a button changes.
 */
export function EditorToolbar({ editor }: { readonly editor: Editor | null }) {
  const { t } = useTranslation();
  const state = useEditorState({ editor, selector: ({ editor: e }) => (e ? selectToolbarState(e) : EMPTY) }) ?? EMPTY;
  const [focusIndex, setFocusIndex] = useState(0);
  const [linkOpen, setLinkOpen] = useState(false);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  const command = useCallback(
    (fromKeyboard: boolean) => {
      if (!editor) return null;
      // From the keyboard the focus stays in the toolbar; a mouse click goes back to the text.
      return fromKeyboard ? editor.chain() : editor.chain().focus();
    },
    [editor],
  );

  const icon = (name: ToolbarIconName) => <ToolbarIcon name={name} />;
  // Bold and italic show the first letter of their name, as Norwegian word processors do (F, K).
  const letter = (name: string, kind: 'bold' | 'italic') => (
    <span className={`toolbar-letter toolbar-letter-${kind}`} aria-hidden="true">
      {name.charAt(0)}
    </span>
  );

  const items: Item[] = [
    { id: 'paragraph', group: 0, label: t('toolbar.paragraph'), keys: 'Ctrl+Alt+0', ariaKeys: 'Control+Alt+0', pressed: state.block === 'paragraph', enabled: state.can.paragraph || state.block === 'paragraph', content: t('toolbar.paragraph'), run: (k) => command(k)?.setParagraph().run() },
    { id: 'h2', group: 0, label: t('toolbar.heading2'), keys: 'Ctrl+Alt+2', ariaKeys: 'Control+Alt+2', pressed: state.block === 'h2', enabled: state.can.h2 || state.block === 'h2', content: t('toolbar.heading2'), run: (k) => command(k)?.setHeading({ level: 2 }).run() },
    { id: 'h3', group: 0, label: t('toolbar.heading3'), keys: 'Ctrl+Alt+3', ariaKeys: 'Control+Alt+3', pressed: state.block === 'h3', enabled: state.can.h3 || state.block === 'h3', content: t('toolbar.heading3'), run: (k) => command(k)?.setHeading({ level: 3 }).run() },
    { id: 'bold', group: 1, label: t('toolbar.bold'), keys: 'Ctrl+B', ariaKeys: 'Control+B', pressed: state.bold, enabled: state.can.bold, content: letter(t('toolbar.bold'), 'bold'), run: (k) => command(k)?.toggleBold().run() },
    { id: 'italic', group: 1, label: t('toolbar.italic'), keys: 'Ctrl+I', ariaKeys: 'Control+I', pressed: state.italic, enabled: state.can.italic, content: letter(t('toolbar.italic'), 'italic'), run: (k) => command(k)?.toggleItalic().run() },
    { id: 'bulletList', group: 2, label: t('toolbar.bulletList'), keys: 'Ctrl+Shift+8', ariaKeys: 'Control+Shift+8', pressed: state.bulletList, enabled: state.can.bulletList, content: icon('bulletList'), run: (k) => command(k)?.toggleBulletList().run() },
    { id: 'orderedList', group: 2, label: t('toolbar.orderedList'), keys: 'Ctrl+Shift+7', ariaKeys: 'Control+Shift+7', pressed: state.orderedList, enabled: state.can.orderedList, content: icon('orderedList'), run: (k) => command(k)?.toggleOrderedList().run() },
    { id: 'blockquote', group: 2, label: t('toolbar.blockquote'), keys: 'Ctrl+Shift+B', ariaKeys: 'Control+Shift+B', pressed: state.blockquote, enabled: state.can.blockquote, content: icon('blockquote'), run: (k) => command(k)?.toggleBlockquote().run() },
    { id: 'link', group: 3, label: t('toolbar.link'), keys: 'Ctrl+K', ariaKeys: 'Control+K', enabled: state.can.link, content: icon('link'), popup: true, run: () => setLinkOpen(true) },
    { id: 'undo', group: 4, label: t('toolbar.undo'), keys: 'Ctrl+Z', ariaKeys: 'Control+Z', enabled: state.can.undo, content: icon('undo'), run: (k) => command(k)?.undo().run() },
    { id: 'redo', group: 4, label: t('toolbar.redo'), keys: 'Ctrl+Shift+Z', ariaKeys: 'Control+Shift+Z Control+Y', enabled: state.can.redo, content: icon('redo'), run: (k) => command(k)?.redo().run() },
  ];

  const focusItem = useCallback((index: number) => {
    const count = buttons.current.length;
    const next = ((index % count) + count) % count;
    setFocusIndex(next);
    buttons.current[next]?.focus();
  }, []);

  // Alt+F10 and Ctrl+K in the body (see ToolbarKeys). Listened for on the window: the editor's
  // DOM does not exist until it is mounted.
  useEffect(() => {
    if (!editor) return;
    const onRequest = (event: Event) => {
      if (editor.isDestroyed || event.target !== editor.view.dom) return;
      const request = (event as CustomEvent<ToolbarRequest>).detail;
      if (request === 'focus') buttons.current[focusIndex]?.focus();
      else if (request === 'link' && editor.state.selection.$from.parent.inlineContent) setLinkOpen(true);
    };
    window.addEventListener(TOOLBAR_REQUEST_EVENT, onRequest);
    return () => window.removeEventListener(TOOLBAR_REQUEST_EVENT, onRequest);
  }, [editor, focusIndex]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = buttons.current.indexOf(document.activeElement as HTMLButtonElement);
    if (current < 0) return;
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: buttons.current.length - 1 };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      focusItem(target);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      // At once (Tiptap's focus command waits a frame): the next key typed must land in the text.
      editor?.view.focus();
    }
  };

  const closeLink = useCallback(() => {
    setLinkOpen(false);
    editor?.view.focus();
  }, [editor]);

  return (
    <>
      <div className="editor-toolbar" role="toolbar" aria-label={t('toolbar.label')} onKeyDown={onKeyDown}>
        {items.map((item, index) => (
          <button
            key={item.id}
            ref={(el) => {
              buttons.current[index] = el;
            }}
            type="button"
            className={`toolbar-button${item.group !== items[index - 1]?.group && index > 0 ? ' toolbar-group-start' : ''}${item.id === 'link' && state.link ? ' toolbar-button-current' : ''}`}
            tabIndex={index === focusIndex ? 0 : -1}
            aria-label={typeof item.content === 'string' ? undefined : item.label}
            aria-pressed={item.pressed}
            aria-disabled={item.enabled ? undefined : true}
            aria-keyshortcuts={item.ariaKeys}
            aria-haspopup={item.popup ? 'dialog' : undefined}
            aria-expanded={item.popup ? linkOpen : undefined}
            title={item.keys ? t('toolbar.withShortcut', { label: item.label, keys: item.keys }) : item.label}
            onFocus={() => setFocusIndex(index)}
            // A mouse press must not take the selection away from the text.
            onMouseDown={(event: MouseEvent) => event.preventDefault()}
            onClick={(event) => {
              if (item.enabled) item.run(event.detail === 0);
            }}
          >
            {item.content}
          </button>
        ))}
      </div>
      {linkOpen && editor ? <LinkPopover editor={editor} onClose={closeLink} /> : null}
    </>
  );
}
