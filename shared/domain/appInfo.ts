import { z } from 'zod';

export const HostKindSchema = z.enum(['electron', 'devhost']);

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** Where Melding runs: the desktop app or the development host in a browser. */
  host: HostKindSchema,
  /** The folder that holds the user's library, settings and outbox. */
  dataDir: z.string(),
  /** Problems found at start (a settings file that could not be read, say), for the user. */
  notices: z.array(z.object({ code: z.string(), detail: z.string() })),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;
