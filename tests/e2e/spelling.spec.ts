import type { Page } from '@playwright/test';
import { expect as baseExpect, test } from './fixtures/devhost';

// Each test starts a fresh devhost, so its first check loads a dictionary in a new worker: under a
// second here, several seconds on a busy CI machine. Waiting longer is not timing anything.
const expect = baseExpect.configure({ timeout: 30_000 });

/** A new document from the keyboard, in the given målform, with the caret in the body. */
async function newDocument(page: Page, maalform: 'nb' | 'nn' = 'nb') {
  await expect(page.getByRole('heading', { name: 'Ingen dokumenter ennå' })).toBeVisible();
  await page.keyboard.press('Control+N');
  await expect(page.getByRole('textbox', { name: 'Tittel' })).toBeVisible();
  if (maalform === 'nn') await page.getByRole('main').getByLabel('Målform').selectOption('nn');
  const body = page.getByRole('textbox', { name: 'Brødtekst' });
  await body.click();
  return body;
}

/** The Klarspråk summary: aria-busy is false once every change has its answer. */
const summaryOf = (page: Page) => page.getByRole('region', { name: 'Klarspråk' });

test('a misspelling is underlined once the caret leaves it, and the keyboard menu corrects it as one undoable step', async ({ page, devhost }) => {
  await page.goto(devhost.url);
  const body = await newDocument(page);
  const summary = summaryOf(page);

  await page.keyboard.type('Regjeringen har bestemt at departemnetet');
  // Checked, but the caret is still in the word: counted, not yet underlined.
  await expect(summary).toHaveAttribute('aria-busy', 'false');
  await expect(summary).toContainText('1 mulig skrivefeil');
  await expect(body.locator('.lang-spelling')).toHaveCount(0);

  await page.keyboard.type(' skal');
  const flagged = body.locator('.lang-spelling', { hasText: 'departemnetet' });
  await expect(flagged).toHaveCount(1);
  await expect(flagged).toHaveAttribute('aria-invalid', 'spelling');
  await expect(body.locator('.lang-issue')).toHaveCount(1);

  // F7: to the next marked word, selected, with its menu open and the best suggestion focused.
  await page.keyboard.press('F7');
  const menu = page.getByRole('menu', { name: 'Mulig skrivefeil: «departemnetet»' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'departementet' })).toBeFocused();
  await expect(menu.getByRole('menuitem', { name: 'Ignorer' })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Legg til i min ordbok' })).toBeVisible();
  await page.keyboard.press('Enter');

  await expect(menu).toBeHidden();
  await expect(body).toHaveText('Regjeringen har bestemt at departementet skal');
  await expect(body).toBeFocused();
  await expect(summary).toHaveAttribute('aria-busy', 'false');
  await expect(body.locator('.lang-issue')).toHaveCount(0);
  await expect(summary).toContainText('Ingen merknader til stavemåte eller målform');

  // One step back brings exactly the old word back, and its underline with it.
  await page.keyboard.press('Control+Z');
  await expect(body).toHaveText('Regjeringen har bestemt at departemnetet skal');
  await expect(flagged).toHaveCount(1);

  // Escape closes the menu and gives the text its focus back.
  await page.keyboard.press('F7');
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(body).toBeFocused();
});

test('"Legg til i min ordbok" from the right-click menu is remembered after a restart', async ({ page, devhost }) => {
  await page.goto(devhost.url);
  await expect(page.getByRole('heading', { name: 'Ingen dokumenter ennå' })).toBeVisible();
  await page.keyboard.press('Control+N');
  await page.getByRole('textbox', { name: 'Tittel' }).fill('Ordboktest');
  const body = page.getByRole('textbox', { name: 'Brødtekst' });
  await body.click();
  await page.keyboard.type('Fagfeltet heter blimsologi i dag.');
  const word = body.locator('.lang-spelling', { hasText: 'blimsologi' });
  await expect(word).toHaveCount(1);

  await word.click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Mulig skrivefeil: «blimsologi»' });
  await expect(menu).toBeVisible();
  await menu.getByRole('menuitem', { name: 'Legg til i min ordbok' }).click();
  await expect(menu).toBeHidden();
  await expect(word).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('status').first()).toHaveText(/^Lagret \d/);

  await devhost.restart();
  await page.goto(devhost.url);
  await page.getByRole('option', { name: 'Ordboktest' }).click();
  await expect(body).toHaveText('Fagfeltet heter blimsologi i dag.');
  // A fresh misspelling in the same paragraph proves the paragraph has been checked again.
  await body.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Departemnetet svarer.');
  await expect(body.locator('.lang-spelling', { hasText: 'Departemnetet' })).toHaveCount(1);
  await expect(body.locator('.lang-spelling', { hasText: 'blimsologi' })).toHaveCount(0);

  // Shift+F10 on a marked word opens its menu too; "Ignorer" hides it for this document.
  await body.locator('.lang-spelling').click();
  await page.keyboard.press('Shift+F10');
  const second = page.getByRole('menu', { name: 'Mulig skrivefeil: «Departemnetet»' });
  await expect(second).toBeVisible();
  await second.getByRole('menuitem', { name: 'Ignorer' }).click();
  await expect(body.locator('.lang-issue')).toHaveCount(0);
});

test('a Nynorsk document does not flag correct Nynorsk', async ({ page, devhost }) => {
  await page.goto(devhost.url);
  const body = await newDocument(page, 'nn');
  await page.keyboard.type(
    'Regjeringa har bestemt at departementet ikkje skal gjere noko med saka før hausten. Kva som skjer vidare, er framleis uklart, men vi kjem tilbake med meir informasjon. Departemnetet',
  );
  await page.keyboard.press('Enter');
  // The one misspelling at the end is the sign that the paragraph has its answer: nothing else is marked.
  await expect(body.locator('.lang-spelling', { hasText: 'Departemnetet' })).toHaveCount(1);
  await expect(body.locator('.lang-issue')).toHaveCount(1);
});

test('the Klarspråk panel opens on request, gives LIX in plain words and highlights sentences over 25 words', async ({ page, devhost }) => {
  await page.goto(devhost.url);
  const body = await newDocument(page);
  await page.keyboard.type('Dette er kort. ');
  await page.keyboard.insertText(
    'Regjeringen har i dag lagt fram en plan som skal gjøre det enklere for kommunene å samarbeide om beredskap, helse, skole og samferdsel i årene som kommer, slik at innbyggerne merker forskjellen.',
  );
  const panel = summaryOf(page);
  const toggle = panel.getByRole('button', { name: 'Klarspråk' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(panel.getByText(/^Lesbarhet \(LIX\)/)).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(panel.getByText(/^Lesbarhet \(LIX\): [\d,]+, (svært lett|lett|middels|vanskelig|svært vanskelig)$/)).toBeVisible();
  await expect(panel.getByText('1 setning over 25 ord')).toBeVisible();

  await expect(body.locator('.lang-long-sentence')).toHaveCount(0);
  await panel.getByRole('checkbox', { name: 'Marker lange setninger' }).check();
  await expect(body.locator('.lang-long-sentence')).toHaveText(/^Regjeringen har i dag .* forskjellen\.$/);
  await panel.getByRole('checkbox', { name: 'Marker lange setninger' }).uncheck();
  await expect(body.locator('.lang-long-sentence')).toHaveCount(0);
});
