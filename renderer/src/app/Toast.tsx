import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export interface ToastMessage {
  readonly id: number;
  readonly text: string;
  readonly undo?: () => void;
}

/** A short confirmation, announced politely, with Undo where the action can be taken back. */
export function Toast({ message, onDone }: { readonly message: ToastMessage | null; readonly onDone: () => void }) {
  const { t } = useTranslation();
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(onDone, message.undo ? 10_000 : 5000);
    return () => clearTimeout(timer);
  }, [message, onDone]);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {message ? (
        <div className="toast">
          <span>{message.text}</span>
          {message.undo ? (
            <button
              type="button"
              className="button button-small button-secondary"
              onClick={() => {
                message.undo?.();
                onDone();
              }}
            >
              {t('common.undo')}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
