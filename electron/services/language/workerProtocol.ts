import type { CheckedBlock, LanguageBlock } from '../../../shared/domain/language';
import type { Maalform } from '../../../shared/domain/vocabulary';

/** What the worker is started with. */
export interface LanguageWorkerData {
  readonly maalform: Maalform;
  readonly resourcesDir: string;
  readonly personal: readonly string[];
}

/** Main thread -> worker. Jobs carry an id; the personal dictionary is replaced whole. */
export type WorkerRequest =
  | { readonly id: number; readonly kind: 'check'; readonly blocks: readonly LanguageBlock[] }
  | { readonly id: number; readonly kind: 'suggest'; readonly word: string }
  | { readonly kind: 'personal'; readonly words: readonly string[] };

/** Worker -> main thread. */
export type WorkerResponse =
  | { readonly kind: 'ready'; readonly loadMs: number }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly id: number; readonly kind: 'checked'; readonly blocks: CheckedBlock[] }
  | { readonly id: number; readonly kind: 'suggested'; readonly suggestions: string[] }
  | { readonly id: number; readonly kind: 'error'; readonly message: string };
