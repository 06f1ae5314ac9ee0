import { z } from 'zod';
import { MaalformSchema } from './document';

/**
 * One word the language check marks in a block. `from`/`to` are UTF-16 offsets into the block's
 * text (what JavaScript strings index by). `suggestion` is the målform checker's form in the
 * document's målform; spelling suggestions are fetched on demand through `language:suggest`.
 */
export const LanguageIssueSchema = z.object({
  kind: z.enum(['spelling', 'maalform']),
  from: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
  word: z.string(),
  suggestion: z.string().nullable(),
});
export type LanguageIssue = z.infer<typeof LanguageIssueSchema>;

/**
 * Per-block målform figures: words checked, words valid only in the document's målform, and
 * words valid only in the other one. Capitalised names and words valid in both count in
 * `words` only.
 */
export const BlockStatsSchema = z.object({
  words: z.number().int().nonnegative(),
  thisForm: z.number().int().nonnegative(),
  otherForm: z.number().int().nonnegative(),
});
export type BlockStats = z.infer<typeof BlockStatsSchema>;

/** A paragraph (or title, ingress) sent for checking; `key` is the renderer's own handle. */
export const LanguageBlockSchema = z.object({ key: z.string().min(1).max(64), text: z.string().max(100_000) }).strict();
export type LanguageBlock = z.infer<typeof LanguageBlockSchema>;

export const LanguageCheckInputSchema = z
  .object({ maalform: MaalformSchema, blocks: z.array(LanguageBlockSchema).max(2000) })
  .strict();
export type LanguageCheckInput = z.infer<typeof LanguageCheckInputSchema>;

export const CheckedBlockSchema = z.object({ key: z.string(), issues: z.array(LanguageIssueSchema), stats: BlockStatsSchema });
export type CheckedBlock = z.infer<typeof CheckedBlockSchema>;

export const LanguageCheckOutputSchema = z.object({ blocks: z.array(CheckedBlockSchema) });
export type LanguageCheckOutput = z.infer<typeof LanguageCheckOutputSchema>;

export const LanguageWordInputSchema = z.object({ maalform: MaalformSchema, word: z.string().min(1).max(100) }).strict();
export type LanguageWordInput = z.infer<typeof LanguageWordInputSchema>;

export const SuggestionsSchema = z.object({ word: z.string(), suggestions: z.array(z.string()).max(8) });
export type Suggestions = z.infer<typeof SuggestionsSchema>;

/** A personal dictionary, sorted. */
export const PersonalWordsSchema = z.object({ words: z.array(z.string()) });
export type PersonalWords = z.infer<typeof PersonalWordsSchema>;

export const DictStatusSchema = z.object({
  state: z.enum(['idle', 'loading', 'ready', 'failed']),
  loadMs: z.number().nonnegative().nullable(),
});
export type DictStatus = z.infer<typeof DictStatusSchema>;

export const LanguageStatusSchema = z.object({ nb: DictStatusSchema, nn: DictStatusSchema });
export type LanguageStatus = z.infer<typeof LanguageStatusSchema>;

/** Payload of `language:changed`: the personal dictionary of this målform changed. */
export const LanguageChangedSchema = z.object({ maalform: MaalformSchema });
