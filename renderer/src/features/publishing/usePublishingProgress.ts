import { useSyncExternalStore } from 'react';
import type { PublishingProgress } from '../../../../shared/domain/publishing';
import { windowProgressStore as progressStore } from './windowProgressStore';

const subscribe = (listener: () => void) => progressStore.subscribe(listener);
const snapshot = () => progressStore.snapshot();

/** The jobs being sent now, by job id, kept current by `publishing:progress`. */
export function usePublishingProgress(): ReadonlyMap<string, PublishingProgress> {
  return useSyncExternalStore(subscribe, snapshot);
}
