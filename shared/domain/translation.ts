import { z } from 'zod';
import { DocumentSchema, MaalformSchema } from './document';

/** Where Apertium runs: the command line on the PATH, or an apertium-apy HTTP service. */
export const TranslationEngineKindSchema = z.enum(['cli', 'apy']);
export type TranslationEngineKind = z.infer<typeof TranslationEngineKindSchema>;

/**
 * Why translation is not available, so the renderer can say what to install or set:
 * `cli_not_found` (no `apertium` on the PATH), `pair_missing` (Apertium without the
 * nno-nob pairs), `apy_unreachable` (the service did not answer), `apy_pair_missing`
 * (the service has no nob/nno pairs), `apy_no_url` (the HTTP service is chosen but has no address).
 */
export const TranslationProblemSchema = z.enum(['cli_not_found', 'pair_missing', 'apy_unreachable', 'apy_pair_missing', 'apy_no_url']);
export type TranslationProblem = z.infer<typeof TranslationProblemSchema>;

export const TranslationStatusSchema = z.object({
  /** The engine the settings choose, or null when none can be chosen. */
  engine: TranslationEngineKindSchema.nullable(),
  available: z.boolean(),
  /** For people who fix it: the program's path, the service's address, or what failed. */
  detail: z.string(),
  /** Apertium's translation directions the engine offers, e.g. `nob-nno_e`. */
  pairs: z.array(z.string()),
  problem: TranslationProblemSchema.nullable(),
});
export type TranslationStatus = z.infer<typeof TranslationStatusSchema>;

/** A field of the document a translated text lives in. */
export const TranslatedFieldSchema = z.enum(['title', 'ingress', 'body', 'caption', 'alt', 'contactRole']);
export type TranslatedField = z.infer<typeof TranslatedFieldSchema>;

/**
 * A word Apertium did not know (it marks them `*word`; the mark is removed from the text).
 * `index`: for `body` the textblock's number in document order (paragraphs and headings, list
 * items' paragraphs included); for `caption`/`alt` the image use's place in `images`; for
 * `contactRole` the contact's place in `contacts`; 0 for title and ingress. `from`/`to` are
 * UTF-16 offsets into that text, where a hard break counts as one character (so, in the body,
 * offsets from the textblock's first content position).
 */
export const UnknownWordSchema = z.object({
  field: TranslatedFieldSchema,
  index: z.number().int().nonnegative(),
  from: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
  word: z.string(),
});
export type UnknownWord = z.infer<typeof UnknownWordSchema>;

export const TranslateDocumentInputSchema = z
  .object({ id: z.uuid(), baseRevision: z.number().int().nonnegative(), target: MaalformSchema })
  .strict();

export const TranslateDocumentOutputSchema = z.object({ document: DocumentSchema, unknownWords: z.array(UnknownWordSchema) });
export type TranslateDocumentOutput = z.infer<typeof TranslateDocumentOutputSchema>;

/** What a test translation in Settings answers. */
export const TranslationTestSchema = z.object({
  engine: TranslationEngineKindSchema,
  pair: z.string(),
  source: z.string(),
  translated: z.string(),
  ms: z.number().nonnegative(),
});
export type TranslationTest = z.infer<typeof TranslationTestSchema>;

/** Progress of a running translation: `done` of `total` text pieces translated. */
export const TranslationProgressSchema = z.object({
  id: z.string(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type TranslationProgress = z.infer<typeof TranslationProgressSchema>;
