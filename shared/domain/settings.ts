import { z } from 'zod';

export const UiLanguageSchema = z.enum(['nb', 'nn', 'en']);
/** A UI language the app is translated into. */
export type UiLanguage = z.infer<typeof UiLanguageSchema>;

export const SETTINGS_SCHEMA_VERSION = 1;

/** Where Apertium runs and which Nynorsk it writes. */
export const TranslationSettingsSchema = z
  .object({
    /** `auto`: the HTTP service when a URL is set, else the command line on the PATH. */
    engine: z.enum(['auto', 'cli', 'apy']),
    /** apertium-apy's address, e.g. http://127.0.0.1:2737; empty when none. */
    apyUrl: z.string().max(2048),
    /** Nynorsk norm variant: a-infinitive (`nob-nno`: styrkja) or e-infinitive (`nob-nno_e`: styrkje). */
    nynorskInfinitive: z.enum(['a', 'e']),
  })
  .strict();
export type TranslationSettings = z.infer<typeof TranslationSettingsSchema>;

export const DEFAULT_TRANSLATION_SETTINGS: TranslationSettings = { engine: 'auto', apyUrl: '', nynorskInfinitive: 'e' };

/** The settings' fields as the renderer may set them: no defaults here (see the patch below). */
const SETTINGS_FIELDS = {
  /** `null` until the user chooses: the UI then follows the system locale. */
  uiLanguage: UiLanguageSchema.nullable(),
  /** The profile Melding acts as (profiles.json); null until one is chosen. */
  activeProfileId: z.string().max(64).nullable(),
  /** The backend documents are published to (backends.json); the embedded local site by default. */
  activeBackendId: z.string().min(1).max(200),
  translation: TranslationSettingsSchema,
  /** The year the "write the next one in Nynorsk" suggestion was dismissed for, if any. */
  nynorskNudgeDismissedYear: z.number().int().min(2000).max(3000).nullable(),
};

// Fields added after version 1 carry defaults, so older files read as they are.
export const SettingsSchema = z.object({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
  uiLanguage: SETTINGS_FIELDS.uiLanguage,
  activeProfileId: SETTINGS_FIELDS.activeProfileId.default(null),
  activeBackendId: SETTINGS_FIELDS.activeBackendId.default('local-site'),
  translation: SETTINGS_FIELDS.translation.default(DEFAULT_TRANSLATION_SETTINGS),
  nynorskNudgeDismissedYear: SETTINGS_FIELDS.nynorskNudgeDismissedYear.default(null),
});
export type Settings = z.infer<typeof SettingsSchema>;

/**
 * What the renderer may change; every field optional, unknown fields refused. Built from the
 * fields without their defaults: zod 4 applies a default inside `.partial()`, so a patch of the
 * UI language alone would otherwise come out carrying the default backend, profile and
 * translation settings, and reset them.
 */
export const SettingsPatchSchema = z.object(SETTINGS_FIELDS).partial().strict();
export type SettingsPatch = z.input<typeof SettingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = {
  schemaVersion: SETTINGS_SCHEMA_VERSION,
  uiLanguage: null,
  activeProfileId: null,
  activeBackendId: 'local-site',
  translation: DEFAULT_TRANSLATION_SETTINGS,
  nynorskNudgeDismissedYear: null,
};
