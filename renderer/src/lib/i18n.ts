import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLanguage } from '../../../shared/domain/settings';
import { CATALOGUES } from '../../../shared/i18n/catalogues';
import type { Catalogue } from '../../../shared/i18n/en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalogue };
  }
}

/** One i18next instance for the renderer; the language follows the user's setting. */
export async function initI18n(language: UiLanguage): Promise<i18n> {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    supportedLngs: ['nb', 'nn', 'en'],
    resources: {
      nb: { translation: CATALOGUES.nb },
      nn: { translation: CATALOGUES.nn },
      en: { translation: CATALOGUES.en },
    },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyDocumentLanguage(language);
  return i18next;
}

export async function setUiLanguage(language: UiLanguage): Promise<void> {
  await i18next.changeLanguage(language);
  applyDocumentLanguage(language);
}

/** Screen readers pick their voice from <html lang>. */
function applyDocumentLanguage(language: UiLanguage): void {
  document.documentElement.lang = language;
  document.title = i18next.t('app.name');
}
