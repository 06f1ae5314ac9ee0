import { useEffect, useState } from 'react';
import type { BackendView } from '../../../../shared/domain/publishing';
import { api } from '../../lib/api';

export interface BackendsState {
  readonly backends: readonly BackendView[];
  readonly activeId: string;
}

/** The configured backends and the active one, kept current by `backends:changed`; null until known. */
export function useBackends(): BackendsState | null {
  const [state, setState] = useState<BackendsState | null>(null);
  useEffect(() => {
    let live = true;
    void api.backends.list().then((answer) => {
      if (live && answer.ok) setState(answer.value);
    });
    const off = api.onBackendsChanged((next) => setState(next));
    return () => {
      live = false;
      off();
    };
  }, []);
  return state;
}

/** The backend a job goes to (its own, or the active one when it named none). */
export function backendFor(state: BackendsState | null, backendId: string | null): BackendView | null {
  if (!state) return null;
  const wanted = backendId ?? state.activeId;
  return state.backends.find((b) => b.config.id === wanted) ?? null;
}
