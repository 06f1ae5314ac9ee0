import { z } from 'zod';

export const OutboxSummarySchema = z.object({
  /** Operations recorded locally and not yet confirmed by the backend. */
  waiting: z.number().int().nonnegative(),
  /** Of those, how many failed their last attempt and wait for a retry on their own. */
  failing: z.number().int().nonnegative(),
  /** Of those, how many need a person (a conflict on the site, a refused right) and are not retried on their own. */
  blocked: z.number().int().nonnegative(),
});
export type OutboxSummary = z.infer<typeof OutboxSummarySchema>;
