import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LIBRARY_QUERY } from '../../../../shared/domain/defaultLibraryQuery';
import type { LibraryQuery } from '../../../../shared/domain/libraryQuery';
import { api } from '../../lib/api';
import { burst } from '../../lib/burst';
import { useProfile } from '../profile/ProfileContext';

export const QUEUES = ['all', 'toApprove', 'returnedToMe', 'scheduled'] as const;
export type Queue = (typeof QUEUES)[number];

/** How many documents wait in each queue, fetched again when the library or the profile changes. */
function useQueueCounts(): Partial<Record<Queue, number>> {
  const { profile } = useProfile();
  const [counts, setCounts] = useState<Partial<Record<Queue, number>>>({});
  useEffect(() => {
    let live = true;
    let latest = 0;
    const load = () => {
      // Only the newest answer counts: an older one arriving late must not put back old numbers.
      const asked = ++latest;
      void Promise.all(
        QUEUES.filter((q) => q !== 'all').map(async (queue) => {
          const result = await api.library.list({ query: { ...DEFAULT_LIBRARY_QUERY, queue }, offset: 0, limit: 1 });
          return [queue, result.ok ? result.value.total : undefined] as const;
        }),
      ).then((answers) => {
        if (live && asked === latest) setCounts(Object.fromEntries(answers.filter(([, n]) => n !== undefined)));
      });
    };
    load();
    // A burst of changes (a pull, an import, autosaves) asks once, not three requests per change.
    const refetch = burst(load, 250, 1000);
    const off = api.onLibraryChanged(() => refetch.poke());
    return () => {
      live = false;
      refetch.cancel();
      off();
    };
  }, [profile?.id, profile?.roles]);
  return counts;
}

/**
 * The workflow queues of the library: everything, what waits for my approval, what came back to
 * me, and what is scheduled, each with how many documents it holds. Toggle buttons in a group.
 */
export function QueueSelector({ query, onQuery }: { readonly query: LibraryQuery; readonly onQuery: (query: LibraryQuery) => void }) {
  const { t } = useTranslation();
  const counts = useQueueCounts();
  const current = query.queue ?? 'all';
  return (
    <div role="group" aria-label={t('workflow.queue.label')} className="segmented queue-selector">
      {QUEUES.map((queue) => {
        const label = t(`workflow.queue.${queue}`);
        const count = counts[queue];
        return (
          <button key={queue} type="button" aria-pressed={current === queue} onClick={() => onQuery({ ...query, queue })}>
            {count === undefined ? label : t('workflow.queue.withCount', { label, count })}
          </button>
        );
      })}
    </div>
  );
}
