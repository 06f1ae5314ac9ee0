import { z } from 'zod';

export const OutboxSummarySchema = z.object({
  /** Operations recorded locally and not yet confirmed by the backend. */
  waiting: z.number().int().nonnegative(),
  /** Of those, how many failed their last attempt and wait for a retry. */
  failing: z.number().int().nonnegative(),
});
export type OutboxSummary = z.infer<typeof OutboxSummarySchema>;
