import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { EventBus } from '../../electron/services/eventBus';
import { Library } from '../../electron/services/library/library';
import { silentLogger } from '../../electron/services/logger';
import { newDocument, type Document } from '../../shared/domain/document';
import { osloInstant, osloWallTime } from '../../shared/domain/osloTime';
import { expect, makeDataDir, startDevhost, test, type RunningDevhost } from './fixtures/devhost';

const YEAR = osloWallTime(new Date()).year;
const SHOTS = process.env.MELDING_SCREENSHOT_DIR;

/** Noon in Oslo on a day of this year. */
function at(month: number, day: number, year = YEAR): string {
  return osloInstant({ year, month, day, hour: 12, minute: 0 }).instant.toISOString();
}

function published(maalform: 'nb' | 'nn', publishedAt: string, type: Document['type'] = 'pressemelding'): Document {
  const doc = newDocument({ id: randomUUID(), now: new Date(publishedAt), author: { name: 'Kari Nordmann', email: '' }, maalform, type });
  return { ...doc, title: `${maalform} ${publishedAt}`, status: 'publisert', publishedAt, revision: 3 };
}

/**
 * A library with this year's published items, put in place through the library service before
 * the app starts (publishing itself is another part of the app): 1 of 5 in Nynorsk (20 %), two of
 * them in March, a Nynorsk news item; plus a Nynorsk draft and one Nynorsk item last year.
 */
async function seededDevhost(): Promise<RunningDevhost> {
  const dataDir = await makeDataDir();
  const library = await Library.open(
    { dir: join(dataDir, 'library'), bus: new EventBus(), logger: silentLogger, now: () => new Date(), newId: randomUUID, author: () => ({ name: 'Kari Nordmann', email: '' }) },
    [],
  );
  const docs = [
    published('nb', at(1, 15)),
    published('nb', at(2, 10)),
    published('nn', at(3, 3), 'nyhet'),
    published('nb', at(3, 20)),
    published('nb', at(5, 5), 'nyhet'),
    published('nn', at(6, 1, YEAR - 1)),
    { ...newDocument({ id: randomUUID(), now: new Date(), author: { name: 'Kari Nordmann', email: '' }, maalform: 'nn' }), title: 'Utkast på nynorsk' },
  ];
  for (const doc of docs) {
    const put = await library.put(doc, 'created');
    if (!put.ok) throw new Error(put.error.message);
  }
  await library.close();
  return startDevhost(dataDir);
}

async function setUiLanguage(page: Page, language: 'nb' | 'nn' | 'en'): Promise<void> {
  await page.evaluate(async (uiLanguage) => {
    await fetch('/api/call/settings:update', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ input: { uiLanguage } }), credentials: 'same-origin' });
  }, language);
  await page.reload();
}

// Not the fixture's devhost: these tests need a library seeded before the app starts.
test.describe('the målform meter', () => {
  let devhost: RunningDevhost;
  test.beforeEach(async () => {
    devhost = await seededDevhost();
  });
  test.afterEach(async () => {
    await devhost.stop();
    await rm(devhost.dataDir, { recursive: true, force: true });
  });

  test('shows the year by month and quarter, with the 25 % line, the table, the next items and the CSV', async ({ page }) => {
    await page.goto(devhost.url);
    const open = page.getByRole('button', { name: 'Målformfordeling' });
    await open.click();
    const dialog = page.getByRole('dialog', { name: 'Målformfordeling' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText(new RegExp(`Hittil i ${YEAR}: 1 av 5 publiserte saker er på nynorsk \\(20\\s%\\)`))).toBeVisible();
    await expect(dialog.getByText('Skrives den neste saken på nynorsk, når andelen 25 %.')).toBeVisible();

    // The chart: an image with a description, the 25 % line named in it, a share over March's bar.
    const chart = dialog.getByRole('img', { name: /Andel nynorsk og bokmål blant publiserte saker per måned/ });
    await expect(chart).toBeVisible();
    await expect(chart.locator('.meter-target-label')).toHaveText('Mål: 25 %');
    await expect(chart.locator('.meter-label')).toHaveCount(12);
    await expect(chart.locator('.meter-value').nth(2)).toHaveText(/^50\s%$/);
    await expect(chart.locator('.meter-bar-nn')).toHaveCount(4);

    // The table, the accessible alternative.
    const table = dialog.getByRole('table', { name: `Publiserte saker etter målform, ${YEAR}` });
    await expect(table.getByRole('row', { name: /^mars/ }).getByRole('cell')).toHaveText(['1', '1', '2', /^50\s%$/, /^50\s%$/]);
    await expect(table.getByRole('row', { name: /^april/ }).getByRole('cell')).toHaveText(['0', '0', '0', '–', '–']);
    await expect(table.getByRole('row', { name: new RegExp(`^Hele ${YEAR}`) }).getByRole('cell')).toHaveText(['1', '4', '5', /^20\s%$/, /^80\s%$/]);
    await expect(dialog.getByText(/1 på nynorsk og 0 på bokmål \(100\s% nynorsk\)/)).toBeVisible();

    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'meter-nb.png'), fullPage: true });

    // By quarter.
    await dialog.getByRole('radio', { name: 'Kvartal' }).check();
    await expect(table.getByRole('row', { name: /^1\. kvartal/ }).getByRole('cell')).toHaveText(['1', '3', '4', /^25\s%$/, /^75\s%$/]);
    const byQuarter = dialog.getByRole('img', { name: /Andel nynorsk og bokmål blant publiserte saker per kvartal/ });
    await expect(byQuarter.locator('.meter-label')).toHaveText(['1. kvartal', '2. kvartal', '3. kvartal', '4. kvartal']);

    // Only news items.
    await dialog.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Nyhet' });
    await expect(table.getByRole('row', { name: new RegExp(`^Hele ${YEAR}`) }).getByRole('cell')).toHaveText(['1', '1', '2', /^50\s%$/, /^50\s%$/]);
    await expect(dialog.getByText('Andelen nynorsk er på 25 % eller mer. Fortsett å veksle for å holde den der.')).toBeVisible();
    await dialog.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Alle typer' });
    await expect(table.getByRole('row', { name: new RegExp(`^Hele ${YEAR}`) }).getByRole('cell')).toHaveText(['1', '4', '5', /^20\s%$/, /^80\s%$/]);

    // Last year: the Nynorsk item of June, and no advice for a year that is over.
    await dialog.getByRole('combobox', { name: 'År' }).selectOption(String(YEAR - 1));
    await expect(dialog.getByText(new RegExp(`I ${YEAR - 1}: 1 av 1 publiserte saker var på nynorsk`))).toBeVisible();
    await expect(dialog.getByText(/Skrives den neste/)).toHaveCount(0);
    await dialog.getByRole('combobox', { name: 'År' }).selectOption(String(YEAR));

    // CSV: a file Norwegian Excel opens as columns, with the UI language's headers.
    await dialog.getByRole('radio', { name: 'Måned' }).check();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Eksporter som CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`malform-${YEAR}.csv`);
    const bytes = await readFile((await download.path()) as string);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('Periode;Nynorsk;Bokmål;Totalt;Andel nynorsk (%);Andel bokmål (%)');
    expect(lines[1]).toBe('januar;0;1;1;0,0;100,0');
    expect(lines[3]).toBe('mars;1;1;2;50,0;50,0');
    expect(lines[13]).toBe('1. kvartal;1;3;4;25,0;75,0');
    expect(lines[17]).toBe(`Hele ${YEAR};1;4;5;20,0;80,0`);
    expect(lines[18]).toBe('Under arbeid (ikke publisert);1;0;1;100,0;0,0');
    await expect(dialog.getByRole('status').filter({ hasText: `malform-${YEAR}.csv` })).toBeVisible();

    // Escape closes; focus goes back to the button that opened it.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(open).toBeFocused();
  });

  test('a new document suggests Nynorsk without taking the title’s focus; the suggestion can be taken, put off, or dismissed for the year', async ({ page }) => {
    await page.goto(devhost.url);
    await expect(page.getByRole('button', { name: 'Målformfordeling' })).toBeVisible();
    const nudgeText = /Hittil i år er 20\s% av det som er publisert, på nynorsk; målet er minst 25 %\. Vil du skrive denne på nynorsk\?/;
    const title = page.getByRole('textbox', { name: 'Tittel' });

    // Take it: the document becomes Nynorsk, and the writer is back in the title.
    await page.keyboard.press('Control+n');
    await expect(page.getByText(nudgeText)).toBeVisible();
    await expect(title).toBeFocused();
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'nudge-nb.png') });
    await page.getByRole('button', { name: 'Skriv på nynorsk' }).click();
    await expect(page.getByRole('main').getByRole('combobox', { name: 'Målform' })).toHaveValue('nn');
    await expect(page.getByText(nudgeText)).toHaveCount(0);
    await expect(title).toBeFocused();

    // Not now: gone for this document only.
    await page.keyboard.press('Control+n');
    await expect(page.getByText(nudgeText)).toBeVisible();
    await page.getByRole('button', { name: 'Ikke nå' }).click();
    await expect(page.getByText(nudgeText)).toHaveCount(0);
    await expect(page.getByRole('main').getByRole('combobox', { name: 'Målform' })).toHaveValue('nb');
    await expect(title).toBeFocused();

    // Not this year: remembered, so the next new document asks the service and shows nothing.
    await page.keyboard.press('Control+n');
    await page.getByRole('button', { name: 'Ikke foreslå igjen i år' }).click();
    await expect(page.getByText(nudgeText)).toHaveCount(0);
    // settings.json is written when the choice is saved; until then it may not exist.
    const dismissedYear = async () => (JSON.parse(await readFile(join(devhost.dataDir, 'settings.json'), 'utf8').catch(() => '{}')) as { nynorskNudgeDismissedYear?: number }).nynorskNudgeDismissedYear;
    await expect.poll(dismissedYear).toBe(YEAR);
    const answer = page.waitForResponse((r) => r.url().includes('/api/call/meter%3Anudge') || r.url().includes('/api/call/meter:nudge'));
    await page.keyboard.press('Control+n');
    const nudge = (await (await answer).json()) as { ok: boolean; value: { suggest: boolean } };
    expect(nudge).toMatchObject({ ok: true, value: { suggest: false } });
    await expect(title).toBeFocused();
    await expect(page.getByText(nudgeText)).toHaveCount(0);
  });

  test('reads in Nynorsk and English too', async ({ page }) => {
    await page.goto(devhost.url);
    await setUiLanguage(page, 'nn');
    await page.getByRole('button', { name: 'Målformfordeling' }).click();
    let dialog = page.getByRole('dialog', { name: 'Målformfordeling' });
    await expect(dialog.getByText(new RegExp(`Så langt i ${YEAR}: 1 av 5 publiserte saker er på nynorsk`))).toBeVisible();
    await expect(dialog.getByText('Vert den neste saka skriven på nynorsk, når delen 25 %.')).toBeVisible();
    await expect(dialog.getByRole('table').getByRole('row', { name: /^mars/ })).toBeVisible();
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'meter-nn.png'), fullPage: true });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+n');
    await expect(page.getByText(/I år er 20\s% av det som er publisert, skrive på nynorsk/)).toBeVisible();
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'nudge-nn.png') });

    await setUiLanguage(page, 'en');
    await page.getByRole('button', { name: 'Målform meter' }).click();
    dialog = page.getByRole('dialog', { name: 'Målform distribution' });
    await expect(dialog.getByText(new RegExp(`So far in ${YEAR}: 1 of 5 published items are in Nynorsk \\(20%\\)`))).toBeVisible();
    await expect(dialog.getByRole('table').getByRole('row', { name: /^March/ }).getByRole('cell')).toHaveText(['1', '1', '2', '50%', '50%']);
    await dialog.getByRole('radio', { name: 'Quarter' }).check();
    await expect(dialog.getByRole('img').locator('.meter-label')).toHaveText(['Q1', 'Q2', 'Q3', 'Q4']);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'meter-en.png'), fullPage: true });
  });
});
