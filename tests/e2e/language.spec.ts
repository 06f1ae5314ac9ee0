import { expect, test } from './fixtures/devhost';

test('switching the UI language to Nynorsk and English and back, and the choice survives a restart', async ({ page, devhost }) => {
  await page.goto(devhost.url);
  await expect(page.getByRole('heading', { name: 'Ingen dokumenter ennå' })).toBeVisible();

  await page.getByRole('button', { name: 'Innstillinger' }).click();
  const dialog = page.getByRole('dialog', { name: 'Innstillinger' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: 'Norsk nynorsk' }).check();
  // The dialog itself switches at once.
  await expect(page.getByRole('dialog', { name: 'Innstillingar' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Innstillingar' }).getByRole('status')).toHaveText('Språket er lagra.');
  await page.getByRole('button', { name: 'Lukk' }).click();
  await expect(page.getByRole('heading', { name: 'Ingen dokument enno' })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('Ingenting ventar på sending');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nn');

  await page.getByRole('button', { name: 'Innstillingar' }).click();
  await page.getByRole('radio', { name: 'English' }).check();
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('heading', { name: 'No documents yet' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Settings' })).toBeVisible();

  // Restart the service with the same data folder: the choice is kept.
  await devhost.restart();
  await page.goto(devhost.url);
  await expect(page.getByRole('heading', { name: 'No documents yet' })).toBeVisible();

  // Back to following the system (nb-NO in this browser).
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: 'Same as the system (Norsk bokmål)' }).check();
  await page.getByRole('button', { name: 'Lukk' }).click();
  await expect(page.getByRole('heading', { name: 'Ingen dokumenter ennå' })).toBeVisible();
  await devhost.restart();
  await page.goto(devhost.url);
  await expect(page.getByRole('heading', { name: 'Ingen dokumenter ennå' })).toBeVisible();
});

test('a second window follows a language change made in the first', async ({ page, context, devhost }) => {
  await page.goto(devhost.url);
  const other = await context.newPage();
  await other.goto(devhost.url);
  await expect(other.getByRole('heading', { name: 'Ingen dokumenter ennå' })).toBeVisible();
  await page.getByRole('button', { name: 'Innstillinger' }).click();
  await page.getByRole('radio', { name: 'Norsk nynorsk' }).check();
  await expect(other.getByRole('heading', { name: 'Ingen dokument enno' })).toBeVisible();
});
