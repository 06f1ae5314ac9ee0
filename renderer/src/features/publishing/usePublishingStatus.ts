import { useEffect, useState } from 'react';
import type { PublishingStatus } from '../../../../shared/domain/publishing';
import { api } from '../../lib/api';

/**
 * Whether the runner sends now, asked again whenever the outbox changes. When the window's
 * network comes back (`online`), the runner is woken so jobs that waited for the network go now
 * instead of after their backoff. Use once per window (the status bar).
 */
export function usePublishingStatus(): PublishingStatus | null {
  const [status, setStatus] = useState<PublishingStatus | null>(null);
  useEffect(() => {
    let live = true;
    let latest = 0;
    // Only the newest answer counts: an older one arriving late must not put back an old state.
    const ask = (question: () => ReturnType<typeof api.publishing.status>) => {
      const asked = ++latest;
      void question().then((answer) => {
        if (live && asked === latest && answer.ok) setStatus(answer.value);
      });
    };
    const load = () => ask(() => api.publishing.status());
    const wake = () => ask(() => api.publishing.wake());
    load();
    const off = api.onOutboxChanged(load);
    window.addEventListener('online', wake);
    window.addEventListener('offline', load);
    return () => {
      live = false;
      off();
      window.removeEventListener('online', wake);
      window.removeEventListener('offline', load);
    };
  }, []);
  return status;
}
