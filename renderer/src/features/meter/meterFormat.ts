import type { MeterCsvLabels } from '../../../../shared/domain/maalformMeter';
import type { TFunction } from 'i18next';

/** The Intl locale for a UI language: Norwegian month names and "25 %" with a space. */
export function meterLocale(language: string): string {
  return language === 'nn' ? 'nn-NO' : language === 'en' ? 'en-GB' : 'nb-NO';
}

export function monthName(locale: string, index: number, width: 'long' | 'short'): string {
  return new Intl.DateTimeFormat(locale, { month: width, timeZone: 'UTC' }).format(Date.UTC(2000, index - 1, 15));
}

export function formatShare(locale: string, share: number | null): string {
  return share === null ? '–' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

export function formatNumber(locale: string, value: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}

/** The CSV's labels in the UI language; month names written out. */
export function csvLabels(t: TFunction, locale: string): MeterCsvLabels {
  return {
    period: t('meter.table.period'),
    nynorsk: t('meter.table.nn'),
    bokmaal: t('meter.table.nb'),
    total: t('meter.table.total'),
    nynorskShare: `${t('meter.table.nnShare')} (%)`,
    bokmaalShare: `${t('meter.table.nbShare')} (%)`,
    month: (index) => monthName(locale, index, 'long'),
    quarter: (index) => t('meter.quarterName', { n: index }),
    year: (year) => t('meter.yearRow', { year }),
    pipeline: t('meter.csv.pipeline'),
  };
}

/** UTF-8 bytes of a string as base64, for downloadBase64. */
export function utf8Base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
