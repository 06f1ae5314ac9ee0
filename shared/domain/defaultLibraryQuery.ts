import type { LibraryQuery } from './libraryQuery';

/** What the library shows first: documents in use, last changed first. (No zod here: the renderer imports it.) */
export const DEFAULT_LIBRARY_QUERY: LibraryQuery = {
  view: 'active',
  statuses: [],
  types: [],
  maalformer: [],
  text: '',
  sort: 'updated',
  direction: 'desc',
  queue: 'all',
};
