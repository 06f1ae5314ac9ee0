import type { TranslationEngineKind, TranslationStatus } from '../../../shared/domain/translation';
import type { Result } from '../../../shared/ipc/result';

export interface TranslateOptions {
  readonly signal: AbortSignal;
  /** How many of the pieces are translated so far. */
  readonly onProgress: (done: number) => void;
}

/**
 * One way of running Apertium. `translate` takes pieces of Apertium HTML (see apertiumMarkup)
 * and answers their translations in the same order, or translation_failed /
 * translation_cancelled / translation_unavailable.
 */
export interface TranslationEngine {
  readonly kind: TranslationEngineKind;
  probe(): Promise<TranslationStatus>;
  translate(pair: string, pieces: readonly string[], options: TranslateOptions): Promise<Result<string[]>>;
}

/** The directions Melding needs: Bokmål to both Nynorsk variants and Nynorsk to Bokmål. */
export const NEEDED_PAIRS = ['nob-nno', 'nob-nno_e', 'nno-nob'] as const;
