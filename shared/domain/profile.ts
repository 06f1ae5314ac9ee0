import { z } from 'zod';
import { ROLES } from './vocabulary';

export const RoleSchema = z.enum(ROLES);

/**
 * A person who uses Melding on this machine. Several may share one installation (an editor
 * approving on a colleague's laptop): the active one is named in the settings.
 */
export const ProfileSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string().min(1).max(200),
    email: z.string().max(200),
    roles: z.array(RoleSchema).min(1).max(3),
  })
  .strict();
export type Profile = z.infer<typeof ProfileSchema>;

/** Who did something, as recorded in a document: a copy, so the record outlives the profile. */
export const ActorSchema = z
  .object({
    profileId: z.string().max(64),
    name: z.string().max(200),
    email: z.string().max(200),
  })
  .strict();
export type Actor = z.infer<typeof ActorSchema>;
