import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures/devhost';

/** The samples' titles, in Norwegian alphabetical order. */
const BY_TITLE = [
  'Kven gjer kva i helse- og sosialtenestene?',
  'Nasjonal helse- og samhandlingsplan 2024–2027: Kortere ventetider og en felles helsetjeneste',
  'Over 60 000 flere fikk fastlege i 2023',
  'Styrkjer Helse Nord med 250 millionar kroner',
  'Ventetidene skal ned – regjeringen styrker sykehusene med 2 milliarder kroner',
  'Ventetidene skal ned: sjå pressekonferansen om ventetidsløftet',
] as const;

const startsWith = (title: string) => new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

/** The text of the option the listbox points at with aria-activedescendant, as a screen reader would read it. */
function activeOptionText(list: Locator): Promise<string> {
  return list.evaluate((el) => {
    const id = el.getAttribute('aria-activedescendant');
    return (id && document.getElementById(id)?.textContent) || '';
  });
}

test('searching the text, filtering by målform, sorting by title, and moving through the list with the keyboard', async ({ page, devhost }) => {
  await page.goto(devhost.url);
  await page.getByRole('button', { name: 'Legg inn eksempeldokumenter' }).click();
  const nav = page.getByRole('navigation', { name: 'Bibliotek' });
  const list = nav.getByRole('listbox');
  const options = list.getByRole('option');
  const count = nav.getByRole('status');
  await expect(count).toHaveText('6 dokumenter');
  await expect(list).toHaveAccessibleName('Dokumenter, 6 i listen');

  // «Altinn» is only in the body text of one sample; «Psykologforeningen» in the bodies of two.
  const search = nav.getByRole('searchbox', { name: 'Søk i biblioteket' });
  await search.fill('Altinn');
  await expect(count).toHaveText('1 dokument');
  await expect(options).toHaveText([startsWith(BY_TITLE[0])]);
  await search.fill('psykologforeningen');
  await expect(count).toHaveText('2 dokumenter');
  await expect(options).toHaveCount(2);
  await expect(options.filter({ hasText: BY_TITLE[4] })).toHaveCount(1);
  await expect(options.filter({ hasText: BY_TITLE[5] })).toHaveCount(1);
  await search.fill('ingenting handlar om sjiraffar');
  await expect(count).toHaveText('0 dokumenter');
  await expect(nav.getByRole('heading', { name: 'Ingen dokumenter passer' })).toBeVisible();
  await search.fill('');
  await expect(count).toHaveText('6 dokumenter');

  // Nynorsk only: three documents, each marked nn.
  const maalform = nav.getByRole('combobox', { name: 'Målform' });
  await maalform.selectOption({ label: 'Nynorsk' });
  await expect(count).toHaveText('3 dokumenter');
  await expect(options).toHaveCount(3);
  for (const option of await options.all()) {
    await expect(option.getByTitle('Nynorsk')).toHaveText('nn');
    await expect(option.getByTitle('Bokmål')).toHaveCount(0);
  }
  await expect(options.filter({ hasText: 'Nyheit' })).toHaveCount(1);
  await maalform.selectOption({ label: 'Alle' });
  await expect(count).toHaveText('6 dokumenter');

  await nav.getByRole('combobox', { name: 'Sorter etter' }).selectOption({ label: 'Tittel A–Å' });
  await expect(options).toHaveText(BY_TITLE.map(startsWith));

  // Keyboard: Tab into the list; arrows, End and Home move the active option; Enter opens it.
  await nav.getByRole('button', { name: 'Papirkurv', exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(list).toBeFocused();
  await expect.poll(() => activeOptionText(list)).toMatch(startsWith(BY_TITLE[0]));
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => activeOptionText(list)).toMatch(startsWith(BY_TITLE[1]));
  await page.keyboard.press('End');
  await expect.poll(() => activeOptionText(list)).toMatch(startsWith(BY_TITLE[5]));
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => activeOptionText(list)).toMatch(startsWith(BY_TITLE[5]));
  await page.keyboard.press('Home');
  await expect.poll(() => activeOptionText(list)).toMatch(startsWith(BY_TITLE[0]));
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => activeOptionText(list)).toMatch(startsWith(BY_TITLE[2]));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Tittel' })).toHaveValue(BY_TITLE[2]);
  await expect(options.filter({ hasText: BY_TITLE[2] })).toHaveAttribute('aria-selected', 'true');
});
