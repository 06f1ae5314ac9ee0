import { api } from '../../lib/api';
import { createProgressStore, type ProgressStore } from './progressStore';

/** The window's one progress store, over the contract's status call and progress event. */
export const windowProgressStore: ProgressStore = createProgressStore({
  status: () => api.publishing.status(),
  onProgress: (listener) => api.onPublishingProgress(listener),
});
