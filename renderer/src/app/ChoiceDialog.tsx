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
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={titleId} aria-describedby={bodyId} onCancel={() => onChoose(null)}>
      <div className="dialog-header">
        <h2 id={titleId}>{title}</h2>
      </div>
      <div id={bodyId} className="dialog-content">
        {children}
      </div>
      <div className="dialog-footer">
        <button ref={cancel} type="button" className="button button-quiet" onClick={() => onChoose(null)}>
          {cancelLabel}
        </button>
        {choices.map((c) => (
          <button
            key={c.value}
            type="button"
            className={`button${c.kind === 'secondary' ? ' button-secondary' : c.kind === 'danger' ? ' button-danger' : ''}`}
            onClick={() => onChoose(c.value)}
          >
            {c.label}
          </button>
        ))}
      </div>
    </dialog>
  );
}
