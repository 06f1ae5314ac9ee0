import { useEffect, useState } from 'react';
import type { OutboxSummary } from '../../../../shared/domain/outboxSummary';
import { api } from '../../lib/api';

/** What waits to be sent, kept current by the outbox's change events. */
export function useOutboxSummary(): OutboxSummary | null {
  const [summary, setSummary] = useState<OutboxSummary | null>(null);
  useEffect(() => {
    let live = true;
    void api.outbox.summary().then((result) => {
      if (live && result.ok) setSummary(result.value);
    });
    const unsubscribe = api.onOutboxChanged((next) => setSummary(next));
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);
  return summary;
}
