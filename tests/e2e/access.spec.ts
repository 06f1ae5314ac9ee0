import { expect, test } from './fixtures/devhost';

test.describe('devhost access token', () => {
  test('without the token the browser gets 401 and nothing of the app', async ({ page, devhost }) => {
    const response = await page.goto(`${devhost.origin}/`);
    expect(response?.status()).toBe(401);
    await expect(page.getByRole('heading')).toHaveCount(0);
    await expect(page.locator('body')).toContainText('Unauthorized');
    const asset = await page.request.get(`${devhost.origin}/index.html`);
    expect(asset.status()).toBe(401);
  });

  test('with a wrong token too', async ({ page, devhost }) => {
    const response = await page.goto(`${devhost.origin}/?token=not-the-token`);
    expect(response?.status()).toBe(401);
    const api = await page.request.post(`${devhost.origin}/api/call/settings:get`, { data: {}, headers: { Authorization: 'Bearer not-the-token' } });
    expect(api.status()).toBe(401);
  });

  test('a page on another origin cannot call the contract even after the user has logged in', async ({ page, context, devhost }) => {
    await page.goto(devhost.url);
    await expect(page.getByRole('heading', { name: 'Ingen dokumenter ennå' })).toBeVisible();
    // Another local origin (the same host on another port counts as another site for CORS).
    const other = await context.newPage();
    await other.route('http://localhost:1/**', (route) => route.fulfill({ body: '<!doctype html><title>other</title>', contentType: 'text/html' }));
    await other.goto('http://localhost:1/');
    const outcome = await other.evaluate(async (origin) => {
      try {
        const res = await fetch(`${origin}/api/call/settings:update`, {
          method: 'POST',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ input: { uiLanguage: 'en' } }),
        });
        return `status ${res.status}`;
      } catch (e) {
        return `blocked ${(e as Error).name}`;
      }
    }, devhost.origin);
    expect(outcome).toMatch(/^blocked|status 401/);
    // And nothing changed.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Ingen dokumenter ennå' })).toBeVisible();
  });
});
