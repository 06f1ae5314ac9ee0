import { expect, test } from './fixtures/devhost';

const TITLE_NB = 'Ventetidene skal ned – regjeringen styrker sykehusene med 2 milliarder kroner';
const TITLE_NN = 'Ventetidene skal ned – regjeringa styrkjer sjukehusa med 2 milliardar kroner';
const HOD_NB = 'https://www.regjeringen.no/no/dep/hod/id421/';

test('a Bokmål press release is rewritten in Nynorsk with Apertium, unknown words are marked, and the original comes back from the history', async ({ page, devhost }) => {
  await page.goto(devhost.url);
  await page.getByRole('button', { name: 'Legg inn eksempeldokumenter' }).click();
  await page.getByRole('searchbox', { name: 'Søk i biblioteket' }).fill('Ventetidene skal ned regjeringen');
  await page.getByRole('listbox').getByRole('option', { name: /regjeringen styrker sykehusene/ }).first().click();
  const title = page.getByRole('textbox', { name: 'Tittel' });
  const ingress = page.getByRole('textbox', { name: 'Ingress' });
  const body = page.getByRole('textbox', { name: 'Brødtekst' });
  await expect(title).toHaveValue(TITLE_NB);
  // Two words Apertium cannot know: one in the ingress, one in the body.
  await ingress.fill('Regjeringen vil styrke sykehusene med gnurkeplikt.');
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Blahfoo vil styrke sykehusene.');

  await page.getByRole('button', { name: 'Skriv om til nynorsk' }).click();
  const dialog = page.getByRole('dialog', { name: 'Skrive om dokumentet til nynorsk?' });
  await expect(dialog).toContainText('Originalen blir liggende i historikken');
  await expect(dialog).toContainText('e-infinitiv: «å styrkje»');
  await expect(dialog.getByRole('button', { name: 'Skriv om' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Skriv om' }).click();

  // Apertium's pipeline takes a few seconds to start, more on a busy machine: wait for it.
  await expect(page.getByRole('status').filter({ hasText: 'Skrevet om til nynorsk. Originalen ligger i historikken.' })).toBeVisible({ timeout: 60_000 });
  await expect(dialog).toBeHidden();
  await expect(title).toHaveValue(TITLE_NN);
  await expect(ingress).toHaveValue('Regjeringa vil styrkje sjukehusa med gnurkeplikt.');
  await expect(page.getByRole('main').getByRole('combobox', { name: 'Målform' })).toHaveValue('nn');
  await expect(body).toContainText('Stortinget behandlar revidert nasjonalbudsjett før sommaren.');
  await expect(body).toContainText('Blahfoo vil styrkje sjukehusa.');
  await expect(body.getByRole('heading', { name: 'Dette foreslår regjeringa' })).toBeVisible();
  await expect(body.getByRole('listitem')).toHaveText(['løyve til saman 2 milliardar kroner meir til sjukehusa', /^auke løyvingane til Helse/]);
  await expect(body.locator('strong, b')).toHaveText(['2 milliardar kroner meir']);
  await expect(body.getByRole('link')).toHaveAttribute('href', HOD_NB);

  // The words to check: listed, marked in the body, and each one a click away.
  const review = page.getByRole('region', { name: 'Ord å sjekke' });
  await expect(review).toContainText('Apertium kjente ikke 2 ord, og de står uendret.');
  await expect(body.locator('.translate-unknown')).toHaveText(['Blahfoo']);
  await review.getByRole('button', { name: 'gnurkeplikt – Ingress' }).click();
  await expect(ingress).toBeFocused();
  expect(await ingress.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe('gnurkeplikt');
  await review.getByRole('button', { name: 'Neste ord' }).click();
  await expect(body).toBeFocused();
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('Blahfoo');
  await review.getByRole('button', { name: 'Ferdig' }).click();
  await expect(review).toBeHidden();
  await expect(body.locator('.translate-unknown')).toHaveCount(0);

  // The original is in the history: restore it.
  await page.getByRole('button', { name: 'Historikk' }).click();
  const history = page.getByRole('dialog', { name: 'Historikk' });
  const versions = history.getByRole('list', { name: 'Versjoner, nyeste først' });
  await expect(versions.getByRole('button', { name: /Skrevet om med Apertium/ })).toHaveCount(1);
  const before = versions.getByRole('button', { name: /Før omskriving til den andre målformen/ });
  await before.click();
  await expect(history.getByRole('deletion').first()).toBeVisible();
  await history.getByRole('button', { name: 'Gjenopprett denne versjonen' }).click();
  await expect(history).toBeHidden();
  await expect(title).toHaveValue(TITLE_NB);
  await expect(ingress).toHaveValue('Regjeringen vil styrke sykehusene med gnurkeplikt.');
  await expect(page.getByRole('main').getByRole('combobox', { name: 'Målform' })).toHaveValue('nb');
  await expect(body).toContainText('Stortinget behandler revidert nasjonalbudsjett før sommeren.');

  // And that is what is stored.
  await page.reload();
  await page.getByRole('option', { name: TITLE_NB }).click();
  await expect(page.getByRole('textbox', { name: 'Tittel' })).toHaveValue(TITLE_NB);
});

test('Settings show where Apertium runs, test it, and switch the Nynorsk variant', async ({ page, devhost }) => {
  await page.goto(devhost.url);
  await page.getByRole('button', { name: 'Innstillinger' }).click();
  const settings = page.getByRole('dialog', { name: 'Innstillinger' });
  const group = settings.getByRole('group', { name: 'Omskriving mellom bokmål og nynorsk (Apertium)' });
  await expect(group.getByText(/^I bruk: Apertium på denne maskinen \(.*apertium\)\.$/)).toBeVisible();
  await expect(group.getByRole('radio', { name: /^Automatisk/ })).toBeChecked();
  await group.getByRole('button', { name: 'Test' }).click();
  await expect(group.getByText(/^«Regjeringen vil styrke sykehusene\.» → «Regjeringa vil styrkje sjukehusa\.» \(\d+ ms\)$/)).toBeVisible({ timeout: 60_000 });
  await group.getByRole('radio', { name: 'a-infinitiv: «å styrkja»' }).check();
  await group.getByRole('button', { name: 'Test' }).click();
  await expect(group.getByText(/→ «Regjeringa vil styrkja sjukehusa\.»/)).toBeVisible({ timeout: 60_000 });
  // A service address that answers nothing: Settings say so.
  await group.getByRole('textbox', { name: 'Adressen til Apertium-tjenesten' }).fill('http://127.0.0.1:9');
  await group.getByRole('textbox', { name: 'Adressen til Apertium-tjenesten' }).press('Enter');
  await expect(group.getByText('Apertium-tjenesten i Innstillinger svarer ikke. Sjekk adressen, eller fjern den for å bruke Apertium på denne maskinen.')).toBeVisible();
});

test.describe('without Apertium', () => {
  test.use({ devhostEnv: { PATH: '/nonexistent' } });

  test('the action explains what to install and changes nothing', async ({ page, devhost }) => {
    await page.goto(devhost.url);
    await page.getByRole('button', { name: 'Legg inn eksempeldokumenter' }).click();
    await page.getByRole('searchbox', { name: 'Søk i biblioteket' }).fill('Ventetidene skal ned regjeringen');
    await page.getByRole('listbox').getByRole('option', { name: /regjeringen styrker sykehusene/ }).first().click();
    const action = page.getByRole('button', { name: 'Skriv om til nynorsk' });
    await action.click();
    const dialog = page.getByRole('dialog', { name: 'Apertium er ikke tilgjengelig' });
    await expect(dialog).toContainText('Installer Debian-pakkene apertium og apertium-nno-nob');
    await expect(dialog).toContainText('apertium-apy');
    await expect(dialog.getByRole('button', { name: 'Skriv om' })).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(action).toBeFocused();
    await expect(page.getByRole('textbox', { name: 'Tittel' })).toHaveValue(TITLE_NB);
  });
});
