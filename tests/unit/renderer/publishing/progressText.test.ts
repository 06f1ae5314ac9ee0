import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../../../shared/i18n/catalogues';
import { progressView, pullProgressView } from '../../../../renderer/src/features/publishing/progressText';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: 'nb',
    resources: { nb: { translation: CATALOGUES.nb }, nn: { translation: CATALOGUES.nn }, en: { translation: CATALOGUES.en } },
    interpolation: { escapeValue: false },
  });
});

describe('progressView', () => {
  it('names the image being uploaded: the second of three after one is done', () => {
    const view = progressView(i18n.getFixedT('nb'), { phase: 'media', done: 1, total: 3 });
    expect(view).toEqual({ text: 'Laster opp bilde 2 av 3', now: 1, max: 3 });
    expect(progressView(i18n.getFixedT('nn'), { phase: 'media', done: 1, total: 3 }).text).toBe('Lastar opp bilete 2 av 3');
    expect(progressView(i18n.getFixedT('en'), { phase: 'media', done: 1, total: 3 }).text).toBe('Uploading image 2 of 3');
  });

  it('never counts past the total, and a full bar says the last one', () => {
    expect(progressView(i18n.getFixedT('nb'), { phase: 'pages', done: 5, total: 4 })).toEqual({ text: 'Skriver side 4 av 4', now: 4, max: 4 });
  });

  it('leaves the bar without a value when the phase has no count', () => {
    expect(progressView(i18n.getFixedT('nb'), { phase: 'media', done: 0, total: 0 })).toEqual({ text: 'Laster opp bilder', now: null, max: null });
    expect(progressView(i18n.getFixedT('nb'), { phase: 'verify', done: 0, total: 0 }).text).toBe('Kontrollerer saken på nettstedet');
  });

  it('says something sensible for a phase it does not know', () => {
    expect(progressView(i18n.getFixedT('nb'), { phase: 'warp', done: 0, total: 0 }).text).toBe('Gjør klar til sending');
  });

  it('has a message for every phase in all three catalogues', () => {
    for (const lng of ['nb', 'nn', 'en'] as const) {
      for (const phase of ['prepare', 'media', 'post', 'verify', 'pages']) {
        const text = progressView(i18n.getFixedT(lng), { phase, done: 0, total: 2 }).text;
        expect(text).not.toMatch(/publishing\.|\{\{/);
      }
    }
  });
});

describe('pullProgressView', () => {
  it('says the site is being asked, without a value, until it has answered', () => {
    expect(pullProgressView(i18n.getFixedT('nb'), null)).toEqual({ text: 'Henter saker fra nettstedet …', now: null, max: null });
    expect(pullProgressView(i18n.getFixedT('nn'), { phase: 'list', done: 0, total: 0 }).text).toBe('Hentar saker frå nettstaden …');
  });

  it('then names the item being stored, never past the last', () => {
    expect(pullProgressView(i18n.getFixedT('nb'), { phase: 'items', done: 1, total: 5 })).toEqual({ text: 'Henter sak 2 av 5 …', now: 1, max: 5 });
    expect(pullProgressView(i18n.getFixedT('nn'), { phase: 'items', done: 5, total: 5 })).toEqual({ text: 'Hentar sak 5 av 5 …', now: 5, max: 5 });
    expect(pullProgressView(i18n.getFixedT('en'), { phase: 'items', done: 0, total: 2 }).text).toBe('Fetching item 1 of 2 …');
  });
});
