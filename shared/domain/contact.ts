import { z } from 'zod';

/**
 * A person in the contact register, as stored in `contacts.json` and sent over the contract.
 * The rules for what may be saved live in `contactRules.ts`, without zod, so the renderer can
 * check a form with them without bundling a schema library.
 */
export const ContactSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string().min(1).max(200),
    roleNb: z.string().max(200),
    roleNn: z.string().max(200),
    phone: z.string().max(50),
    email: z.string().max(200),
  })
  .strict();
export type Contact = z.infer<typeof ContactSchema>;
