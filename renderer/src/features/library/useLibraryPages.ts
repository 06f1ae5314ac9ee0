import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentSummary } from '../../../../shared/domain/documentSummary';
import type { LibraryQuery } from '../../../../shared/domain/libraryQuery';
import type { AppError } from '../../../../shared/ipc/result';
import { api } from '../../lib/api';
import { burst } from '../../lib/burst';

export const PAGE_SIZE = 100;
const REFETCH_QUIET_MS = 250;
const REFETCH_MAX_WAIT_MS = 1000;

export interface LibraryPages {
  /** How many documents match; null until the first answer. */
  readonly total: number | null;
  readonly bodySearchReady: boolean;
  readonly error: AppError | null;
  /** The summary at a position, or undefined while its page is loading. */
  item(index: number): DocumentSummary | undefined;
  /** Asks for the pages covering [from, to]. */
  ensure(from: number, to: number): void;
  /** Bumps when pages arrive, so rows re-render. */
  readonly version: number;
}

/**
 * The library list in pages of 100, fetched as the list scrolls: at 20,000 documents the
 * renderer never holds more than the rows around what is on screen. A `library:changed` event
 * refetches the pages in view.
 */
export function useLibraryPages(query: LibraryQuery): LibraryPages {
  // Tagged with the query they answer, so a new query shows "unknown" without a reset in an effect.
  const [meta, setMeta] = useState<{ key: string; total: number; bodySearchReady: boolean } | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [version, setVersion] = useState(0);
  const pages = useRef(new Map<number, DocumentSummary[]>());
  const inFlight = useRef(new Set<number>());
  const generation = useRef(0);
  const lastRange = useRef<[number, number]>([0, PAGE_SIZE]);
  const queryKey = JSON.stringify(query);

  const fetchPage = useCallback(
    (page: number, gen: number) => {
      if (inFlight.current.has(page)) return;
      inFlight.current.add(page);
      void api.library.list({ query: JSON.parse(queryKey) as LibraryQuery, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then((result) => {
        inFlight.current.delete(page);
        if (gen !== generation.current) return;
        if (!result.ok) {
          setError(result.error);
          return;
        }
        setError(null);
        pages.current.set(page, result.value.items);
        setMeta({ key: queryKey, total: result.value.total, bodySearchReady: result.value.bodySearchReady });
        setVersion((v) => v + 1);
      });
    },
    [queryKey],
  );

  const refetchVisible = useCallback(() => {
    generation.current++;
    const gen = generation.current;
    inFlight.current.clear();
    const [from, to] = lastRange.current;
    const first = Math.floor(from / PAGE_SIZE);
    const last = Math.max(first, Math.floor(to / PAGE_SIZE));
    const keep = new Map<number, DocumentSummary[]>();
    // Keep showing the old rows until the new ones arrive: no flicker on every autosave.
    for (let p = first; p <= last; p++) {
      const old = pages.current.get(p);
      if (old) keep.set(p, old);
    }
    pages.current = keep;
    for (let p = first; p <= last; p++) fetchPage(p, gen);
  }, [fetchPage]);

  useEffect(() => {
    pages.current = new Map();
    lastRange.current = [0, PAGE_SIZE];
    refetchVisible();
  }, [refetchVisible]);

  useEffect(() => {
    // A burst of changes (a pull, an import) is fetched once, when it quiets down, but never
    // more than a second after its first change: a steady stream must not starve the list.
    const refetch = burst(refetchVisible, REFETCH_QUIET_MS, REFETCH_MAX_WAIT_MS);
    const unsubscribe = api.onLibraryChanged(() => refetch.poke());
    return () => {
      refetch.cancel();
      unsubscribe();
    };
  }, [refetchVisible]);

  const current = meta?.key === queryKey ? meta : null;
  const total = current?.total ?? null;
  const bodySearchReady = current?.bodySearchReady ?? true;

  useEffect(() => {
    if (bodySearchReady) return;
    const timer = setInterval(refetchVisible, 1500);
    return () => clearInterval(timer);
  }, [bodySearchReady, refetchVisible]);

  const ensure = useCallback(
    (from: number, to: number) => {
      lastRange.current = [from, to];
      const gen = generation.current;
      for (let p = Math.floor(from / PAGE_SIZE); p <= Math.floor(to / PAGE_SIZE); p++) {
        if (!pages.current.has(p)) fetchPage(p, gen);
      }
    },
    [fetchPage],
  );

  const item = useCallback((index: number) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], []);

  return { total, bodySearchReady, error, item, ensure, version };
}
