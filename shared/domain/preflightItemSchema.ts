import { z } from 'zod';
import { PREFLIGHT_CHECKS, type PreflightItem } from './preflight';

/** The zod side of `PreflightItem` (preflight.ts stays zod-free for the renderer). */
export const PreflightItemSchema = z
  .object({
    id: z.string().min(1).max(200),
    check: z.enum(PREFLIGHT_CHECKS),
    severity: z.enum(['blocking', 'warning']),
    ok: z.boolean(),
    target: z
      .object({
        field: z.enum(['title', 'ingress', 'body', 'images', 'contacts', 'embargo', 'maalform']),
        imageUseId: z.string().max(64).optional(),
      })
      .strict(),
    count: z.number().int().nonnegative().optional(),
  })
  .strict() satisfies z.ZodType<PreflightItem>;
