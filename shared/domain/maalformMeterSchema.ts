import { z } from 'zod';
import { DocumentTypeSchema } from './document';
import type { MeterFigures } from './maalformMeter';

const Count = z.object({
  nb: z.number().int().nonnegative(),
  nn: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  nnShare: z.number().min(0).max(1).nullable(),
});
const Bucket = Count.extend({ key: z.string(), index: z.number().int().min(1).max(12) });
const Pace = z.object({
  perMonth: z.number().nonnegative(),
  expected: z.number().int().nonnegative(),
  nynorskOfExpected: z.number().int().nonnegative(),
  reachable: z.boolean(),
});
const NextItems = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('closed') }),
  z.object({ kind: z.literal('empty') }),
  z.object({ kind: z.literal('reached'), pace: Pace.nullable() }),
  z.object({ kind: z.literal('needed'), inARow: z.number().int().positive(), pace: Pace.nullable() }),
]);

export const MeterFiguresSchema = z.object({
  year: z.number().int(),
  types: z.array(DocumentTypeSchema).readonly(),
  months: z.array(Bucket).length(12).readonly(),
  quarters: z.array(Bucket).length(4).readonly(),
  total: Count,
  pipeline: Count,
  next: NextItems,
  sources: z.object({ library: z.number().int().nonnegative(), site: z.number().int().nonnegative(), both: z.number().int().nonnegative() }),
}) satisfies z.ZodType<MeterFigures>;

export const MeterQuerySchema = z
  .object({
    year: z.number().int().min(2000).max(3000),
    /** Empty: every type. */
    types: z.array(DocumentTypeSchema).max(3),
    /** Count what the active backend's site has published too (WordPress), not only the library. */
    includeSite: z.boolean(),
  })
  .strict();
export type MeterQuery = z.infer<typeof MeterQuerySchema>;

/**
 * Whether the site was counted: `off` (the active backend is the local site, or the caller did not
 * ask), `ok`, or `unreachable` (the library's figures are shown alone, with the reason).
 */
export const MeterSiteStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('off') }),
  z.object({ state: z.literal('ok'), backendId: z.string(), items: z.number().int().nonnegative() }),
  z.object({ state: z.literal('unreachable'), backendId: z.string(), code: z.string(), message: z.string() }),
]);
export type MeterSiteState = z.infer<typeof MeterSiteStateSchema>;

export const MeterAnswerSchema = z.object({
  figures: MeterFiguresSchema,
  site: MeterSiteStateSchema,
  /** Whether the active backend has a site to count (WordPress); false for the local site. */
  siteAvailable: z.boolean(),
  /** The year it is now in Oslo. */
  currentYear: z.number().int(),
});
export type MeterAnswer = z.infer<typeof MeterAnswerSchema>;

/** Whether a new document should suggest Nynorsk, and the share to say so with. */
export const NynorskNudgeSchema = z.object({
  year: z.number().int(),
  suggest: z.boolean(),
  nnShare: z.number().min(0).max(1).nullable(),
  published: z.number().int().nonnegative(),
});
export type NynorskNudge = z.infer<typeof NynorskNudgeSchema>;
