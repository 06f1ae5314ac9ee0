import { getMarkRange } from '@tiptap/core';
import type { MarkType } from '@tiptap/pm/model';
import type { Editor } from '@tiptap/react';
import { useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkHref, type HrefCheck } from '../../../../shared/editor/paste/checkHref';
import { api } from '../../lib/api';
import { highlightLinkTarget } from './LinkTargetHighlight';

interface LinkPopoverProps {
  readonly editor: Editor;
  /** Closes the popover; the caller puts the focus back in the text. */
  readonly onClose: () => void;
}

/** The link under the caret (its href and the text of the whole linked run), or null. */
function currentLink(editor: Editor): { href: string; text: string; from: number; to: number } | null {
  const href = editor.getAttributes('link')['href'];
  if (typeof href !== 'string' || !editor.isActive('link')) return null;
  const { state } = editor;
  const { from, to, empty } = state.selection;
  const range = empty ? getMarkRange(state.doc.resolve(from), state.schema.marks['link'] as MarkType, { href }) : { from, to };
  return range ? { href, text: state.doc.textBetween(range.from, range.to, ' '), ...range } : { href, text: '', from, to };
}

/**
 * Edits the link at the selection: address (and text when nothing is selected), only http(s)
 * and mailto; a bare "www.…" is offered with https://. A non-modal popover next to the
 * selection (top layer via the Popover API, placed through CSSOM since the CSP forbids style
 * attributes). Escape closes it and returns to the text.
 */
export function LinkPopover({ editor, onClose }: LinkPopoverProps) {
  const { t } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const addressRef = useRef<HTMLInputElement>(null);
  const [existing] = useState(() => currentLink(editor));
  const [withText] = useState(() => editor.state.selection.empty);
  const [href, setHref] = useState(existing?.href ?? '');
  const [text, setText] = useState(existing?.text ?? '');
  const [check, setCheck] = useState<HrefCheck | null>(null);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.showPopover();
    const target = existing ?? { from: editor.state.selection.from, to: editor.state.selection.to };
    // Beside the text being linked, below it unless there is no room; again when the page scrolls.
    const place = () => {
      if (editor.isDestroyed) return;
      const start = editor.view.coordsAtPos(target.from);
      const end = editor.view.coordsAtPos(target.to);
      const width = el.offsetWidth;
      const height = el.offsetHeight;
      const left = Math.max(8, Math.min(start.left, window.innerWidth - width - 8));
      const below = end.bottom + 6;
      const top = below + height > window.innerHeight - 8 ? Math.max(8, start.top - height - 6) : below;
      el.style.setProperty('left', `${Math.round(left)}px`);
      el.style.setProperty('top', `${Math.round(top)}px`);
    };
    place();
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    addressRef.current?.focus();
    addressRef.current?.select();
    editor.view.dispatch(highlightLinkTarget(editor.state, target));
    return () => {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
      if (el.matches(':popover-open')) el.hidePopover();
      if (!editor.isDestroyed) editor.view.dispatch(highlightLinkTarget(editor.state, null));
    };
  }, [editor, existing]);

  // Non-modal: a press outside closes it, without taking the focus anywhere special.
  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onPointer, true);
    return () => document.removeEventListener('pointerdown', onPointer, true);
  }, [onClose]);

  const apply = (target: string) => {
    const chain = editor.chain().focus();
    if (withText) {
      const label = text.trim() || target.replace(/^mailto:/, '');
      if (existing) chain.extendMarkRange('link');
      chain.insertContent({ type: 'text', text: label, marks: [{ type: 'link', attrs: { href: target } }] }).run();
    } else {
      chain.extendMarkRange('link').setLink({ href: target }).run();
      // Writing goes on after the link, not over it.
      editor.commands.setTextSelection(editor.state.selection.to);
    }
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = checkHref(href);
    setCheck(result);
    if (result.kind === 'ok') apply(result.href);
  };

  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  };

  const message = check && check.kind !== 'ok' ? (check.kind === 'suggest' ? t('linkPopover.suggest', { href: check.href }) : t(`linkPopover.${check.reason}`)) : null;
  const canOpen = existing !== null && /^https:\/\//i.test(existing.href);

  return (
    <div
      ref={ref}
      className="link-popover"
      popover="manual"
      role="dialog"
      aria-labelledby={`${id}-title`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <h2 id={`${id}-title`} className="link-popover-title">
        {t('linkPopover.title')}
      </h2>
      <form onSubmit={submit} noValidate>
        <label className="link-popover-field">
          <span>{t('linkPopover.address')}</span>
          <input
            ref={addressRef}
            className="input"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            value={href}
            aria-invalid={check !== null && check.kind === 'refused'}
            aria-describedby={message ? `${id}-message` : undefined}
            onChange={(e) => {
              setHref(e.target.value);
              setCheck(null);
            }}
          />
        </label>
        {withText ? (
          <label className="link-popover-field">
            <span>{t('linkPopover.text')}</span>
            <input className="input" type="text" autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} />
          </label>
        ) : null}
        {message ? (
          <p id={`${id}-message`} className={check?.kind === 'refused' ? 'link-popover-message inline-error' : 'link-popover-message'} role="alert">
            {message}
          </p>
        ) : null}
        <div className="link-popover-actions">
          {check?.kind === 'suggest' ? (
            <button type="button" className="button button-small" onClick={() => apply(check.href)}>
              {t('linkPopover.useSuggestion', { href: check.href })}
            </button>
          ) : (
            <button type="submit" className="button button-small">
              {t('linkPopover.apply')}
            </button>
          )}
          {existing ? (
            <button type="button" className="button button-secondary button-small" onClick={remove}>
              {t('linkPopover.remove')}
            </button>
          ) : null}
          {canOpen ? (
            <button type="button" className="button button-secondary button-small" onClick={() => void api.shell.openExternal({ url: existing.href })}>
              {t('linkPopover.open')}
            </button>
          ) : null}
          <button type="button" className="button button-quiet button-small" onClick={onClose}>
            {t('linkPopover.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
