import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/devhost';

async function newDocumentByKeyboard(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Ingen dokumenter ennå' })).toBeVisible();
  await page.keyboard.press('Control+n');
  const title = page.getByRole('textbox', { name: 'Tittel' });
  // A new document opens with the focus on its region; the title is where writing starts.
  await title.focus();
  await page.keyboard.type('Sykehusene får mer');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Ingress' })).toBeFocused();
  await page.keyboard.type('Kort ingress.');
}

test('the formatting toolbar is one tab stop, moves with arrows, Home and End, and Escape returns to the same caret', async ({ page, devhost }) => {
  await newDocumentByKeyboard(page, devhost.url);
  const toolbar = page.getByRole('toolbar', { name: 'Tekstformatering' });
  const body = page.getByRole('textbox', { name: 'Brødtekst' });
  const paragraph = toolbar.getByRole('button', { name: 'Avsnitt' });
  const h2 = toolbar.getByRole('button', { name: 'Mellomtittel' });
  const bold = toolbar.getByRole('button', { name: 'Fet' });
  const undo = toolbar.getByRole('button', { name: 'Angre' });
  const redo = toolbar.getByRole('button', { name: 'Gjør om' });

  // Tab from the ingress reaches the toolbar once, and the next Tab the body.
  await page.keyboard.press('Tab');
  await expect(paragraph).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(body).toBeFocused();

  await page.keyboard.type('Regjeringen styrker sykehusene');
  await expect(paragraph).toHaveAttribute('aria-pressed', 'true');
  await expect(redo).toHaveAttribute('aria-disabled', 'true');
  await expect(bold).toHaveAttribute('aria-keyshortcuts', 'Control+B');
  await expect(bold).toHaveAttribute('title', 'Fet (Ctrl+B)');

  // Alt+F10 goes to the toolbar; arrows move; Enter makes the line a Mellomtittel and stays.
  await page.keyboard.press('Alt+F10');
  await expect(paragraph).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(h2).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(h2).toHaveAttribute('aria-pressed', 'true');
  await expect(h2).toBeFocused();
  await expect(body.locator('h2')).toHaveText('Regjeringen styrker sykehusene');

  // End, Home and wrapping with the arrows.
  await page.keyboard.press('End');
  await expect(redo).toBeFocused();
  await page.keyboard.press('Home');
  await expect(paragraph).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(redo).toBeFocused();
  // Only one button is in the tab order, and it is the last one used.
  expect(await toolbar.locator('button[tabindex="0"]').count()).toBe(1);

  // Escape goes back to the body at the same caret.
  await page.keyboard.press('Escape');
  await expect(body).toBeFocused();
  await page.keyboard.type(' i dag');
  await expect(body.locator('h2')).toHaveText('Regjeringen styrker sykehusene i dag');

  // Ctrl+B shows as pressed; the toolbar's Angre undoes.
  await page.keyboard.press('Enter');
  await expect(paragraph).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Control+b');
  await expect(bold).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.type('Viktig');
  await expect(body.locator('strong')).toHaveText('Viktig');
  await page.keyboard.press('Alt+F10');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await expect(undo).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(body.locator('strong')).toHaveCount(0);
  await expect(redo).not.toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await expect(body.locator('strong')).toHaveText('Viktig');

  // Lists and quote from the toolbar.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Første punkt');
  await page.keyboard.press('Alt+F10');
  await page.keyboard.press('Home');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(toolbar.getByRole('button', { name: 'Punktliste' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(body.locator('ul > li')).toHaveText('Første punkt');
  await expect(toolbar.getByRole('button', { name: 'Punktliste' })).toHaveAttribute('aria-pressed', 'true');
  // A list item cannot become a heading: the button says so instead of doing nothing silently.
  await expect(h2).toHaveAttribute('aria-disabled', 'true');
});

test('a link is made, checked, edited, opened and removed with the keyboard alone', async ({ page, devhost }) => {
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = violations;
    document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.sample}`));
  });
  await newDocumentByKeyboard(page, devhost.url);
  const body = page.getByRole('textbox', { name: 'Brødtekst' });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(body).toBeFocused();
  await page.keyboard.type('Les mer på regjeringen.no');
  for (let i = 0; i < 'regjeringen.no'.length; i++) await page.keyboard.press('Shift+ArrowLeft');

  await page.keyboard.press('Control+k');
  const popover = page.getByRole('dialog', { name: 'Lenke' });
  await expect(popover).toBeVisible();
  const address = popover.getByRole('textbox', { name: 'Adresse' });
  await expect(address).toBeFocused();
  // With a selection there is no text field: the selected text is the link text.
  await expect(popover.getByRole('textbox', { name: 'Tekst' })).toHaveCount(0);

  await page.keyboard.type('javascript:alert(1)');
  await page.keyboard.press('Enter');
  await expect(popover.getByRole('alert')).toHaveText('Bare nettadresser (https://) og e-postadresser (mailto:) kan være lenker.');
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('data:text/html,hei');
  await page.keyboard.press('Enter');
  await expect(popover.getByRole('alert')).toContainText('Bare nettadresser');

  await page.keyboard.press('Control+a');
  await page.keyboard.type('www.regjeringen.no');
  await page.keyboard.press('Enter');
  await expect(popover.getByRole('alert')).toHaveText('Mente du https://www.regjeringen.no?');
  await page.keyboard.press('Tab');
  const suggestion = popover.getByRole('button', { name: 'Bruk https://www.regjeringen.no' });
  await expect(suggestion).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(popover).toBeHidden();
  await expect(body).toBeFocused();
  await expect(body.locator('a')).toHaveText('regjeringen.no');
  await expect(body.locator('a')).toHaveAttribute('href', 'https://www.regjeringen.no');

  // The caret in the link: Ctrl+K opens it for editing, with its address, text, Open and Remove.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Control+k');
  await expect(popover).toBeVisible();
  await expect(address).toHaveValue('https://www.regjeringen.no');
  await expect(popover.getByRole('textbox', { name: 'Tekst' })).toHaveValue('regjeringen.no');
  const opened = page.waitForRequest((request) => request.url().includes('/api/call/shell%3AopenExternal'));
  await popover.getByRole('button', { name: 'Åpne lenken' }).press('Enter');
  expect((await opened).postDataJSON()).toEqual({ input: { url: 'https://www.regjeringen.no' } });

  // Escape closes and puts the caret back where it was.
  await address.focus();
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await expect(body).toBeFocused();

  // Edit the address.
  await page.keyboard.press('Control+k');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('https://www.regjeringen.no/no/dep/hod/');
  await page.keyboard.press('Enter');
  await expect(body.locator('a')).toHaveAttribute('href', 'https://www.regjeringen.no/no/dep/hod/');
  await expect(body.locator('a')).toHaveText('regjeringen.no');

  // Remove it.
  await page.keyboard.press('Control+k');
  await popover.getByRole('button', { name: 'Fjern lenken' }).press('Enter');
  await expect(body.locator('a')).toHaveCount(0);
  await expect(body).toContainText('Les mer på regjeringen.no');

  // Nothing selected: a new link with its own text, from the toolbar button.
  await page.keyboard.press('End');
  await page.keyboard.type(' eller ');
  await page.keyboard.press('Alt+F10');
  const linkButton = page.getByRole('toolbar', { name: 'Tekstformatering' }).getByRole('button', { name: 'Lenke' });
  while (!(await linkButton.evaluate((el) => el === document.activeElement))) await page.keyboard.press('ArrowRight');
  await expect(linkButton).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(popover).toBeVisible();
  await expect(linkButton).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.type('post@hod.dep.no');
  await page.keyboard.press('Tab');
  await page.keyboard.type('skriv til oss');
  await page.keyboard.press('Enter');
  await expect(popover.getByRole('alert')).toHaveText('Mente du mailto:post@hod.dep.no?');
  await popover.getByRole('button', { name: 'Bruk mailto:post@hod.dep.no' }).press('Enter');
  await expect(body.locator('a')).toHaveText('skriv til oss');
  await expect(body.locator('a')).toHaveAttribute('href', 'mailto:post@hod.dep.no');
  await page.keyboard.type('.');
  await expect(body).toContainText('Les mer på regjeringen.no eller skriv til oss.');
  // The popover was placed without anything the CSP refuses (it is positioned through CSSOM).
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
});
