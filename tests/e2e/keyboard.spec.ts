import { expect, test } from './fixtures/devhost';

test.describe('keyboard only', () => {
  test('the skip link, Settings and the language choice work without a mouse, with visible focus', async ({ page, devhost }) => {
    await page.goto(devhost.url);
    await expect(page.getByRole('heading', { name: 'Ingen dokumenter ennå' })).toBeVisible();

    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Hopp til hovedinnholdet' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main', { name: 'Dokument' })).toBeFocused();

    // From the top again: the skip link, the målform meter, then Settings.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Ingen dokumenter ennå' })).toBeVisible();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Målformfordeling' })).toBeFocused();
    await page.keyboard.press('Tab');
    const settings = page.getByRole('button', { name: 'Innstillinger' });
    await expect(settings).toBeFocused();
    // Focus is visible: an outline of real width.
    const outline = await settings.evaluate((el) => getComputedStyle(el).outlineWidth);
    expect(parseFloat(outline)).toBeGreaterThanOrEqual(2);

    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Innstillinger' });
    await expect(dialog).toBeVisible();
    // Focus starts on the current choice; arrows change it and apply it.
    await expect(dialog.getByRole('radio', { name: /Samme som systemet/ })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: 'Norsk nynorsk' })).toBeChecked();
    await expect(page.getByRole('dialog', { name: 'Innstillingar' })).toBeVisible();

    // Focus is trapped in the modal: tabbing around never leaves it.
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      const inside = await page.evaluate(() => document.activeElement?.closest('dialog') !== null || document.activeElement === document.body);
      expect(inside).toBe(true);
    }

    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Innstillingar' })).toBeFocused();
    await expect(page.getByRole('heading', { name: 'Ingen dokument enno' })).toBeVisible();
  });

  test('Ctrl+, opens Settings and F6 / Shift+F6 move between the regions', async ({ page, devhost }) => {
    await page.goto(devhost.url);
    await expect(page.getByRole('heading', { name: 'Ingen dokumenter ennå' })).toBeVisible();

    await page.keyboard.press('F6');
    await expect(page.getByRole('navigation', { name: 'Bibliotek' })).toBeFocused();
    await page.keyboard.press('F6');
    await expect(page.getByRole('main', { name: 'Dokument' })).toBeFocused();
    await page.keyboard.press('F6');
    await expect(page.getByRole('contentinfo', { name: 'Status' })).toBeFocused();
    await page.keyboard.press('F6');
    await expect(page.getByRole('navigation', { name: 'Bibliotek' })).toBeFocused();
    await page.keyboard.press('Shift+F6');
    await expect(page.getByRole('contentinfo', { name: 'Status' })).toBeFocused();

    await page.keyboard.press('Control+Comma');
    await expect(page.getByRole('dialog', { name: 'Innstillinger' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
  });

  test('every interactive element has an accessible name and the landmarks are there', async ({ page, devhost }) => {
    await page.goto(devhost.url);
    await expect(page.getByRole('heading', { name: 'Ingen dokumenter ennå' })).toBeVisible();
    await expect(page.getByRole('banner')).toHaveCount(1);
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.getByRole('contentinfo')).toHaveCount(1);
    await expect(page.getByRole('navigation')).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('button, a[href], input, select, textarea, [tabindex]')]
        .filter((el) => !(el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.textContent?.trim() || (el as HTMLInputElement).labels?.length))
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(unnamed).toEqual([]);
  });
});
