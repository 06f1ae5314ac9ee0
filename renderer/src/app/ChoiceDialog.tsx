import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface Choice<T extends string> {
  readonly value: T;
  readonly label: string;
  readonly kind?: 'primary' | 'secondary' | 'danger';
}

interface ChoiceDialogProps<T extends string> {
  readonly title: string;
  readonly children: ReactNode;
  readonly choices: readonly Choice<T>[];
  readonly cancelLabel: string;
  /** null when cancelled (Escape or the cancel button). */
  readonly onChoose: (value: T | null) => void;
}

/** A modal question with named answers; Escape cancels, focus starts on the cancel button. */
export function ChoiceDialog<T extends string>({ title, children, choices, cancelLabel, onChoose }: ChoiceDialogProps<T>) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();
  useEffect(() => {
    dialog.current?.showModal();
    cancel.current?.focus();
  }, []);
  // Closed before the answer is handled: while a modal dialog is open the page behind it is
  // inert, so the caller could not move focus back there, and a dialog removed while open
  // leaves focus on nothing. Closing it first returns focus to what opened it.
  const choose = (value: T | null) => {
    dialog.current?.close();
    onChoose(value);
  };
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={titleId} aria-describedby={bodyId} onCancel={() => onChoose(null)}>
      <div className="dialog-header">
        <h2 id={titleId}>{title}</h2>
      </div>
      <div id={bodyId} className="dialog-content">
        {children}
      </div>
      <div className="dialog-footer">
        <button ref={cancel} type="button" className="button button-quiet" onClick={() => choose(null)}>
          {cancelLabel}
        </button>
        {choices.map((c) => (
          <button
            key={c.value}
            type="button"
            className={`button${c.kind === 'secondary' ? ' button-secondary' : c.kind === 'danger' ? ' button-danger' : ''}`}
            onClick={() => choose(c.value)}
          >
            {c.label}
          </button>
        ))}
      </div>
    </dialog>
  );
}
