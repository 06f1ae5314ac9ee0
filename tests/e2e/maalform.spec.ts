import type { Page } from '@playwright/test';
import { expect as baseExpect, test } from './fixtures/devhost';

// Each test starts a fresh devhost, so its first check loads a dictionary in a new worker: under a
// second here, several seconds on a busy CI machine. Waiting longer is not timing anything.
const expect = baseExpect.configure({ timeout: 30_000 });

const BOKMAAL_PARAGRAPH =
  'Regjeringen har bestemt at det ikke skal bli noen endringer i ordningen. Hva som skjer videre, er fortsatt uklart, men vi kommer tilbake med mer informasjon så snart som mulig. Departementet mener at kommunene selv må vurdere hvordan de vil bruke pengene.';

async function newNynorskDocument(page: Page) {
  await expect(page.getByRole('heading', { name: 'Ingen dokumenter ennå' })).toBeVisible();
  await page.keyboard.press('Control+N');
  await expect(page.getByRole('textbox', { name: 'Tittel' })).toBeVisible();
  await page.getByRole('main').getByLabel('Målform').selectOption('nn');
  const body = page.getByRole('textbox', { name: 'Brødtekst' });
  await body.click();
  return body;
}

test('in a Nynorsk document a Bokmål form is marked with its Nynorsk form, and choosing it fixes the word', async ({ page, devhost }) => {
  await page.goto(devhost.url);
  const body = await newNynorskDocument(page);
  await page.keyboard.type('Vi veit ikke hva som skjer med saka.');

  const ikke = body.locator('.lang-maalform', { hasText: 'ikke' });
  const hva = body.locator('.lang-maalform', { hasText: 'hva' });
  await expect(ikke).toHaveCount(1);
  await expect(hva).toHaveCount(1);
  await expect(body.locator('.lang-spelling')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Klarspråk' })).toContainText('2 ord på bokmål');

  // Keyboard: Home, then F7 finds the first marked word after the caret.
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('F7');
  const menu = page.getByRole('menu', { name: 'Bokmålsform i et nynorskdokument: «ikke»' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Bytt til «ikkje»' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(body).toHaveText('Vi veit ikkje hva som skjer med saka.');
  await expect(ikke).toHaveCount(0);

  // Mouse: right-click the other one and choose its form.
  await hva.click({ button: 'right' });
  const second = page.getByRole('menu', { name: 'Bokmålsform i et nynorskdokument: «hva»' });
  await second.getByRole('menuitem', { name: 'Bytt til «kva»' }).click();
  await expect(body).toHaveText('Vi veit ikkje kva som skjer med saka.');
  await expect(page.getByRole('region', { name: 'Klarspråk' })).toHaveAttribute('aria-busy', 'false');
  await expect(body.locator('.lang-issue')).toHaveCount(0);
});

test('a paragraph of Bokmål in a Nynorsk document brings the målform notice, and switching the målform clears it', async ({ page, devhost }) => {
  await page.goto(devhost.url);
  const body = await newNynorskDocument(page);
  // As a paste does: the whole paragraph arrives in one input.
  await page.keyboard.insertText(BOKMAAL_PARAGRAPH);

  const notice = page.getByText('Teksten ser ut til å være skrevet på bokmål, men dokumentet er satt til nynorsk.');
  await expect(notice).toBeVisible();
  await expect(body.locator('.lang-maalform').first()).toBeVisible();

  await page.getByRole('button', { name: 'Sett dokumentet til bokmål' }).click();
  await expect(notice).toBeHidden();
  await expect(page.getByRole('main').getByLabel('Målform')).toHaveValue('nb');
  const summary = page.getByRole('region', { name: 'Klarspråk' });
  await expect(summary).toHaveAttribute('aria-busy', 'false');
  await expect(summary).toContainText('Ingen merknader til stavemåte eller målform');
  await expect(body.locator('.lang-issue')).toHaveCount(0);
  await expect(body).toHaveText(BOKMAAL_PARAGRAPH);
});

test('the notice can be put away for the rest of the session', async ({ page, devhost }) => {
  await page.goto(devhost.url);
  await newNynorskDocument(page);
  await page.keyboard.insertText(BOKMAAL_PARAGRAPH);
  const notice = page.getByRole('status').filter({ hasText: 'Teksten ser ut til å være skrevet på bokmål' });
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Skjul' }).click();
  await expect(notice).toBeHidden();
  await page.keyboard.insertText(' Vi kommer tilbake.');
  await expect(page.getByRole('main').getByLabel('Målform')).toHaveValue('nn');
  await expect(page.getByRole('region', { name: 'Klarspråk' })).toHaveAttribute('aria-busy', 'false');
  await expect(notice).toBeHidden();
});
