import { expect, test } from './fixtures/devhost';

test('the preview shows a Nynorsk press release as it will be published, in Nynorsk whatever the UI language', async ({ page, devhost }) => {
  await page.goto(devhost.url);
  await page.getByRole('button', { name: 'Legg inn eksempeldokumenter' }).click();
  await page.getByRole('searchbox', { name: 'Søk i biblioteket' }).fill('Styrkjer Helse Nord');
  await page.getByRole('listbox').getByRole('option', { name: /Styrkjer Helse Nord/ }).first().click();
  await expect(page.getByRole('textbox', { name: 'Tittel' })).toHaveValue(/Styrkjer Helse Nord/);

  await page.getByRole('button', { name: 'Forhåndsvis' }).click();
  const preview = page.getByRole('article', { name: 'Forhåndsvisning slik det blir publisert' });
  await expect(preview).toBeVisible();
  await expect(preview).toHaveAttribute('lang', 'nn');
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText(/Styrkjer Helse Nord med 250 millionar kroner/);
  await expect(preview.getByText('Pressemelding', { exact: true })).toBeVisible();
  await expect(preview.getByRole('heading', { name: 'Pressekontaktar' })).toBeVisible();
  await expect(preview.locator('.preview-date')).toHaveText(/^\d{2}\.\d{2}\.\d{4}$/);
  // The body is the shared serialisation: headings, lists and safe links only.
  await expect(preview.locator('.preview-body h2').first()).toBeVisible();
  await expect(preview.locator('.preview-body li').first()).toBeVisible();
  expect(await preview.locator('.preview-body a[href]').evaluateAll((links) => links.every((a) => /^(https?:|mailto:)/.test(a.getAttribute('href') ?? '') && a.getAttribute('rel') === 'noopener noreferrer'))).toBe(true);
  expect(await preview.locator('.preview-body [style], .preview-body [class], .preview-body script').count()).toBe(0);
  // The fields are hidden, not gone: back to editing keeps the text.
  await expect(page.getByRole('textbox', { name: 'Tittel' })).toBeHidden();
  await page.getByRole('button', { name: 'Rediger' }).click();
  await expect(page.getByRole('textbox', { name: 'Tittel' })).toHaveValue(/Styrkjer Helse Nord/);
});

test('a Bokmål news item previews with its Bokmål labels and its sperrefrist in Oslo time', async ({ page, devhost }) => {
  await page.goto(devhost.url);
  await page.getByRole('button', { name: 'Legg inn eksempeldokumenter' }).click();
  await page.getByRole('searchbox', { name: 'Søk i biblioteket' }).fill('Ventetidene skal ned regjeringen');
  await page.getByRole('listbox').getByRole('option', { name: /regjeringen styrker sykehusene/ }).first().click();
  await page.getByRole('button', { name: 'Forhåndsvis' }).click();
  const preview = page.getByRole('article', { name: 'Forhåndsvisning slik det blir publisert' });
  await expect(preview).toHaveAttribute('lang', 'nb');
  await expect(preview.getByRole('heading', { name: 'Pressekontakter' })).toBeVisible();
  await expect(preview.getByText(/^Sperrefrist: \d{2}\.\d{2}\.\d{4} kl\. 10\.00$/)).toBeVisible();
});

test('counts words and characters and says calmly when the ingress grows long', async ({ page, devhost }) => {
  await page.goto(devhost.url);
  await expect(page.getByRole('heading', { name: 'Ingen dokumenter ennå' })).toBeVisible();
  await page.keyboard.press('Control+n');
  const title = page.getByRole('textbox', { name: 'Tittel' });
  await title.fill('Regjeringen styrker sykehusene');
  await expect(page.getByText('3 ord', { exact: true }).first()).toBeVisible();
  const ingress = page.getByRole('textbox', { name: 'Ingress' });
  await ingress.fill('Kort ingress.');
  await expect(page.getByText(/Ingressen er lang/)).toHaveCount(0);
  await ingress.fill('Regjeringen vil snu trenden og få ned ventetidene. '.repeat(8));
  await expect(page.getByText('Ingressen er lang. Prøv å si det viktigste i én til tre setninger, under 300 tegn.')).toBeVisible();
  // The hint is tied to the field for screen readers.
  const describedBy = await ingress.getAttribute('aria-describedby');
  await expect(page.locator(`#${describedBy?.replace(/:/g, '\\:')}`)).toContainText('tegn');
  await page.getByRole('textbox', { name: 'Brødtekst' }).click();
  await page.keyboard.type('Helse- og omsorgsdepartementet har ansvaret.');
  await expect(page.getByText('5 ord', { exact: true })).toBeVisible();
});

test('a long title wraps instead of being cut off, and Enter in it moves on to the ingress', async ({ page, devhost }) => {
  await page.goto(devhost.url);
  await expect(page.getByRole('heading', { name: 'Ingen dokumenter ennå' })).toBeVisible();
  await page.keyboard.press('Control+n');
  const title = page.getByRole('textbox', { name: 'Tittel' });
  await title.fill('Nasjonal helse- og samhandlingsplan 2024–2027: Kortere ventetider og en felles helsetjeneste for hele landet');
  const box = await title.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, height: el.clientHeight }));
  expect(box.scroll).toBeLessThanOrEqual(box.client);
  expect(box.height).toBeGreaterThan(60); // two lines or more
  await title.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Ingress' })).toBeFocused();
  await expect(title).not.toHaveValue(/\n/);
});
