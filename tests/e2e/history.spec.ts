import { expect, test } from './fixtures/devhost';

const TITLE = 'Over 60 000 flere fikk fastlege i 2023';
const OLDER = 'Over 60 000 flere fikk fastlege i fjor, viser nye tall.';
const NEWER = 'Over 60 000 flere fikk fastlege i fjor, viser ferske tall fra Helsedirektoratet.';

test('Ctrl+S marks a version; the history shows what changed since, restores it, and the restore can be undone', async ({ page, devhost }) => {
  await page.goto(devhost.url);
  await page.getByRole('button', { name: 'Legg inn eksempeldokumenter' }).click();
  await page.getByRole('option', { name: TITLE }).click();
  const ingress = page.getByRole('textbox', { name: 'Ingress' });
  await expect(ingress).toHaveValue(/^Over 60 000 flere fikk fastlege i 2023\. Helse- og omsorgsminister/);

  await ingress.fill(OLDER);
  await page.keyboard.press('Control+S');
  await expect(page.getByRole('status').filter({ hasText: 'Lagret og merket som en versjon i historikken.' })).toBeVisible();

  await ingress.fill(NEWER);
  await page.getByRole('button', { name: 'Historikk' }).click();
  const history = page.getByRole('dialog', { name: 'Historikk' });
  await expect(history).toBeVisible();
  const versions = history.getByRole('list', { name: 'Versjoner, nyeste først' });
  const mine = versions.getByRole('button', { name: /Lagret av deg/ });
  await expect(mine).toHaveCount(1);
  await expect(versions.getByRole('button', { name: /Opprettet/ })).toHaveCount(1);
  await mine.click();
  await expect(mine).toHaveAttribute('aria-pressed', 'true');

  // Struck through: only in that version. Underlined: added since.
  await expect(history.getByRole('heading', { name: /^Versjonen fra .* sammenlignet med teksten nå$/ })).toBeVisible();
  await expect(history.getByRole('deletion')).toHaveText(['nye ']);
  await expect(history.getByRole('insertion')).toHaveText(['ferske ', 'fra Helsedirektoratet']);

  await history.getByRole('button', { name: 'Gjenopprett denne versjonen' }).click();
  await expect(history).toBeHidden();
  const toast = page.getByRole('status').filter({ hasText: 'Versjonen er gjenopprettet. Teksten den erstattet, er tatt vare på i historikken.' });
  await expect(toast).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Ingress' })).toHaveValue(OLDER);

  await toast.getByRole('button', { name: 'Angre' }).click();
  await expect(page.getByRole('textbox', { name: 'Ingress' })).toHaveValue(NEWER);

  // And that is what is stored: open the document afresh.
  await page.reload();
  await page.getByRole('option', { name: TITLE }).click();
  await expect(page.getByRole('textbox', { name: 'Ingress' })).toHaveValue(NEWER);
});
