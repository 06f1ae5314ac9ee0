import { z } from 'zod';

export const UiLanguageSchema = z.enum(['nb', 'nn', 'en']);
/** A UI language the app is translated into. */
export type UiLanguage = z.infer<typeof UiLanguageSchema>;

export const SETTINGS_SCHEMA_VERSION = 1;

export const SettingsSchema = z.object({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
  /** `null` until the user chooses: the UI then follows the system locale. */
  uiLanguage: UiLanguageSchema.nullable(),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** What the renderer may change; every field optional, unknown fields refused. */
export const SettingsPatchSchema = SettingsSchema.omit({ schemaVersion: true }).partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = {
  schemaVersion: SETTINGS_SCHEMA_VERSION,
  uiLanguage: null,
};
