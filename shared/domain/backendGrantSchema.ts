import { z } from 'zod';
import type { BackendGrant } from './backendGrant';

export const BackendCapabilitiesSchema = z
  .object({ submit: z.boolean(), approve: z.boolean(), publish: z.boolean(), uploadMedia: z.boolean(), unpublish: z.boolean() })
  .strict();

export const BackendGrantSchema = z
  .object({
    backendId: z.string().min(1).max(200),
    kind: z.enum(['local-site', 'wordpress']),
    userName: z.string().max(200),
    displayName: z.string().max(200),
    roles: z.array(z.string().max(100)).max(50),
    capabilities: BackendCapabilitiesSchema,
    checkedAt: z.iso.datetime({ offset: true }),
  })
  .strict() satisfies z.ZodType<BackendGrant>;
