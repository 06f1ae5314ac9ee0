import type { UiLanguage } from '../domain/settings';

/**
 * The UI language to use: the user's choice if made, else the first system locale Melding is
 * translated into. Norwegian without a written form (`no`, `nb`) means Bokmål; `nn` Nynorsk.
 * English when nothing matches.
 */
export function resolveUiLanguage(chosen: UiLanguage | null, systemLocales: readonly string[]): UiLanguage {
  if (chosen) return chosen;
  for (const locale of systemLocales) {
    const language = locale.toLowerCase().split(/[-_]/)[0];
    if (language === 'nn') return 'nn';
    if (language === 'nb' || language === 'no') return 'nb';
    if (language === 'en') return 'en';
  }
  return 'en';
}
