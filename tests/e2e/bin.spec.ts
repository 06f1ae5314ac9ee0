import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/devhost';

const FASTLEGE = 'Over 60 000 flere fikk fastlege i 2023';
const HELSE_NORD = 'Styrkjer Helse Nord med 250 millionar kroner';

function library(page: Page) {
  const nav = page.getByRole('navigation');
  return {
    list: nav.getByRole('listbox'),
    option: (title: string) => nav.getByRole('option', { name: title }),
    count: nav.getByRole('status'),
    documents: nav.getByRole('button', { name: 'Dokumenter', exact: true }),
    bin: nav.getByRole('button', { name: 'Papirkurv', exact: true }),
  };
}

async function openAndDelete(page: Page, title: string): Promise<void> {
  await library(page).option(title).click();
  await expect(page.getByRole('textbox', { name: 'Tittel' })).toHaveValue(title);
  await page.getByRole('group', { name: 'Handlinger for dokumentet' }).getByRole('button', { name: 'Slett' }).click();
  await expect(page.getByRole('main')).toContainText('Ikke noe dokument er åpent');
}

test('deleting to the bin, undoing, restoring, and emptying the bin for good', async ({ page, devhost }) => {
  const lib = library(page);
  await page.goto(devhost.url);
  await page.getByRole('button', { name: 'Legg inn eksempeldokumenter' }).click();
  await expect(page.getByRole('status').filter({ hasText: '6 eksempeldokumenter er lagt inn.' })).toBeVisible();
  await expect(lib.count).toHaveText('6 dokumenter');
  await expect(lib.documents).toHaveAttribute('aria-pressed', 'true');

  // Delete, and take it back from the toast.
  await openAndDelete(page, FASTLEGE);
  await expect(lib.option(FASTLEGE)).toHaveCount(0);
  await expect(lib.count).toHaveText('5 dokumenter');
  const toast = page.getByRole('status').filter({ hasText: `«${FASTLEGE}» er flyttet til papirkurven.` });
  await expect(toast).toBeVisible();
  await toast.getByRole('button', { name: 'Angre' }).click();
  await expect(lib.option(FASTLEGE)).toBeVisible();
  await expect(lib.count).toHaveText('6 dokumenter');

  // Delete again; this time it stays in the bin until restored from there with Enter.
  await openAndDelete(page, FASTLEGE);
  await expect(lib.option(FASTLEGE)).toHaveCount(0);
  await expect(lib.count).toHaveText('5 dokumenter');
  await lib.bin.click();
  await expect(lib.bin).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('heading', { name: 'Papirkurv' })).toBeVisible();
  await expect(lib.list).toHaveAccessibleName('Papirkurv');
  await expect(lib.list).toHaveAccessibleDescription('Trykk Enter for å hente tilbake det valgte dokumentet.');
  await expect(lib.option(FASTLEGE)).toBeVisible();
  await expect(lib.count).toHaveText('1 dokument');
  await lib.list.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `«${FASTLEGE}» er tilbake i biblioteket.` })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Papirkurven er tom' })).toBeVisible();
  await expect(lib.count).toHaveText('0 dokumenter');
  await lib.documents.click();
  await expect(lib.option(FASTLEGE)).toBeVisible();
  await expect(lib.count).toHaveText('6 dokumenter');

  // Two in the bin: one comes back with its button, the other is deleted for good.
  await openAndDelete(page, FASTLEGE);
  await openAndDelete(page, HELSE_NORD);
  await expect(lib.count).toHaveText('4 dokumenter');
  await lib.bin.click();
  await expect(lib.count).toHaveText('2 dokumenter');
  await lib.option(HELSE_NORD).getByRole('button', { name: 'Hent tilbake' }).click();
  await expect(lib.option(HELSE_NORD)).toHaveCount(0);
  await expect(lib.count).toHaveText('1 dokument');

  await page.getByRole('button', { name: 'Tøm papirkurven' }).click();
  const confirm = page.getByRole('dialog', { name: 'Vil du tømme papirkurven?' });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('Dette kan ikke angres.');
  await expect(confirm.getByRole('button', { name: 'Avbryt' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Tøm papirkurven' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: '1 dokument er slettet for godt.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Papirkurven er tom' })).toBeVisible();
  await expect(lib.option(FASTLEGE)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Tøm papirkurven' })).toHaveCount(0);

  await lib.documents.click();
  await expect(lib.count).toHaveText('5 dokumenter');
  await expect(lib.option(HELSE_NORD)).toBeVisible();
  await expect(lib.option(FASTLEGE)).toHaveCount(0);
});
