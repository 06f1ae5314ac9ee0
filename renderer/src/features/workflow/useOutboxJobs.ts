import { useEffect, useState } from 'react';
import type { OutboxJob } from '../../../../shared/domain/outboxJob';
import { api } from '../../lib/api';

/**
 * The unfinished outbox jobs of one document (or of all with null), oldest first, fetched again
 * whenever the outbox changes. `enabled` false keeps it idle (a closed details dialog).
 */
export function useOutboxJobs(documentId: string | null, enabled = true): readonly OutboxJob[] {
  const [jobs, setJobs] = useState<readonly OutboxJob[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const load = () =>
      void api.outbox.list({ documentId }).then((result) => {
        if (live && result.ok) setJobs(result.value);
      });
    load();
    const off = api.onOutboxChanged(load);
    return () => {
      live = false;
      off();
    };
  }, [documentId, enabled]);
  return jobs;
}
