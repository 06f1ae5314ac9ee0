import { expect, test } from './fixtures/devhost';

test.describe('first start', () => {
  test('a new Bokmål user sees the empty library, the editing area and the status bar', async ({ page, devhost }) => {
    await page.goto(devhost.url);
    // The token leaves the address bar once traded for a cookie.
    await expect(page).toHaveURL(`${devhost.origin}/`);
    await expect(page.getByRole('navigation', { name: 'Bibliotek' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Ingen dokumenter ennå' })).toBeVisible();
    await expect(page.getByText('Lag et nytt dokument, eller legg inn noen eksempler for å se hvordan Melding virker.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Legg inn eksempeldokumenter' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Nytt dokument' }).first()).toBeVisible();
    await expect(page.getByRole('main', { name: 'Dokument' })).toContainText('Ikke noe dokument er åpent');
    const status = page.getByRole('contentinfo', { name: 'Status' });
    await expect(status.getByRole('status').filter({ hasText: 'Tilkoblet' })).toBeVisible();
    await expect(status).toContainText('Ingenting venter på sending');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
    await expect(page).toHaveTitle('Melding');
  });

  test('the status bar says so when the network goes away and comes back', async ({ page, context, devhost }) => {
    await page.goto(devhost.url);
    const status = page.getByRole('contentinfo', { name: 'Status' });
    await expect(status).toContainText('Tilkoblet');
    await context.setOffline(true);
    await expect(status).toContainText('Frakoblet: alt lagres på denne maskinen');
    await context.setOffline(false);
    await expect(status).toContainText('Tilkoblet');
  });

  test.describe('with a Nynorsk system', () => {
    test.use({ locale: 'nn-NO' });
    test('follows the system locale', async ({ page, devhost }) => {
      await page.goto(devhost.url);
      await expect(page.getByRole('heading', { name: 'Ingen dokument enno' })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
    });
  });

  test.describe('with an English system', () => {
    test.use({ locale: 'en-GB' });
    test('follows the system locale', async ({ page, devhost }) => {
      await page.goto(devhost.url);
      await expect(page.getByRole('heading', { name: 'No documents yet' })).toBeVisible();
    });
  });

  test.describe('with a Norwegian system without a written form', () => {
    test.use({ locale: 'no' });
    test('uses Bokmål', async ({ page, devhost }) => {
      await page.goto(devhost.url);
      await expect(page.getByRole('heading', { name: 'Ingen dokumenter ennå' })).toBeVisible();
    });
  });

  test('no console errors or failed requests on load', async ({ page, devhost }) => {
    const problems: string[] = [];
    page.on('console', (m) => (m.type() === 'error' ? problems.push(m.text()) : undefined));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('requestfailed', (r) => problems.push(`${r.url()} ${r.failure()?.errorText}`));
    await page.goto(devhost.url);
    await expect(page.getByRole('heading', { name: 'Ingen dokumenter ennå' })).toBeVisible();
    expect(problems).toEqual([]);
  });
});
