import { expect, test } from './fixtures/devhost';

const TITLE = 'Ny bru over Nidelva åpner i mai';
const INGRESS = 'Den nye gang- og sykkelbrua står ferdig to måneder før planen.';
const BODY = 'Brua er 120 meter lang og har plass til både syklister og gående.';

test.describe('autosave', () => {
  test('a new document typed with the keyboard is stored and is all there after the service restarts', async ({ page, devhost }) => {
    await page.goto(devhost.url);
    await expect(page.getByRole('heading', { name: 'Ingen dokumenter ennå' })).toBeVisible();

    await page.keyboard.press('Control+N');
    const title = page.getByRole('textbox', { name: 'Tittel' });
    await expect(title).toBeVisible();
    await title.click();
    await page.keyboard.type(TITLE);
    await page.getByRole('textbox', { name: 'Ingress' }).click();
    await page.keyboard.type(INGRESS);
    await page.getByRole('textbox', { name: 'Brødtekst' }).click();
    await page.keyboard.type(BODY);

    const saveState = page.getByRole('main').getByRole('status');
    await expect(saveState).toHaveText(/^Lagret \d{2}[.:]\d{2}$/);
    // The list follows the stored document.
    await expect(page.getByRole('option', { name: TITLE })).toBeVisible();

    await devhost.restart();
    await page.goto(devhost.url);

    await page.getByRole('option', { name: TITLE }).click();
    await expect(page.getByRole('textbox', { name: 'Tittel' })).toHaveValue(TITLE);
    await expect(page.getByRole('textbox', { name: 'Ingress' })).toHaveValue(INGRESS);
    await expect(page.getByRole('textbox', { name: 'Brødtekst' })).toHaveText(BODY);
    await expect(saveState).toHaveText(/^Lagret /);
  });

  test('text typed just before the page is reloaded is not lost', async ({ page, devhost }) => {
    await page.goto(devhost.url);
    await page.getByRole('button', { name: 'Nytt dokument' }).first().click();
    const title = page.getByRole('textbox', { name: 'Tittel' });
    await title.click();
    await page.keyboard.type(TITLE);
    await expect(page.getByRole('main').getByRole('status')).toHaveText(/^Lagret \d/);

    await page.getByRole('textbox', { name: 'Brødtekst' }).click();
    await page.keyboard.type(BODY);
    // Leave at once, as someone pressing F5 would; if the page asks, the person insists on leaving.
    page.on('dialog', (dialog) => void dialog.accept());
    await page.reload();

    await page.getByRole('option', { name: TITLE }).click();
    await expect(page.getByRole('textbox', { name: 'Tittel' })).toHaveValue(TITLE);
    await expect(page.getByRole('textbox', { name: 'Brødtekst' })).toHaveText(BODY);
  });
});
