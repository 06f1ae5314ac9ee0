import { useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { usePublishingStatus } from '../publishing/usePublishingStatus';
import { OutboxDetailsDialog } from './OutboxDetailsDialog';
import { useOnline } from './useOnline';
import { useOutboxSummary } from './useOutboxSummary';

/**
 * Network state, what waits to be sent (how much of it needs a person) and whether the sender is
 * paused or waiting for the network; all announced politely when they change.
 */
export function StatusBar({ ref }: { readonly ref: Ref<HTMLElement> }) {
  const { t } = useTranslation();
  const online = useOnline();
  const outbox = useOutboxSummary();
  const publishing = usePublishingStatus();
  const [details, setDetails] = useState(false);
  const detailsButton = useRef<HTMLButtonElement>(null);
  return (
    <footer ref={ref} className="statusbar" aria-label={t('app.regions.status')} tabIndex={-1}>
      <span role="status" className={`status-item ${online ? 'is-online' : 'is-offline'}`}>
        <span className="status-dot" aria-hidden="true" />
        {online ? t('status.online') : t('status.offline')}
      </span>
      <span role="status" className="status-item">
        {outbox === null || outbox.waiting === 0 ? t('status.outbox.none') : t('status.outbox.waiting', { count: outbox.waiting })}
      </span>
      {outbox && outbox.waiting > 0 ? (
        <button ref={detailsButton} type="button" className="link-button status-details" aria-haspopup="dialog" onClick={() => setDetails(true)}>
          {t('workflow.outbox.details')}
        </button>
      ) : null}
      {details ? (
        <OutboxDetailsDialog
          onClose={() => {
            setDetails(false);
            detailsButton.current?.focus();
          }}
        />
      ) : null}
      {outbox && outbox.failing > 0 ? (
        <span role="status" className="status-item is-warning">
          {t('status.outbox.failing', { count: outbox.failing })}
        </span>
      ) : null}
      {publishing && publishing.state !== 'running' && outbox && outbox.waiting > 0 ? (
        <span role="status" className="status-item is-warning">
          {t(`status.publishing.${publishing.state}`)}
        </span>
      ) : null}
      {outbox && outbox.blocked > 0 ? (
        <span role="status" className="status-item is-warning">
          {t('status.outbox.blocked', { count: outbox.blocked })}
        </span>
      ) : null}
    </footer>
  );
}
