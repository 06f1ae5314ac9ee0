import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures/devhost';

const TITLE = 'Kven gjer kva i helse- og sosialtenestene?';
const TYPED = ' Denne setninga vart skriven medan disken svikta.';

test.describe('a save that fails', () => {
  test('says so in Bokmål, keeps the text, and stores it once the disk works again', async ({ page, devhost }) => {
    await page.goto(devhost.url);
    await page.getByRole('button', { name: 'Legg inn eksempeldokumenter' }).click();
    await page.getByRole('option', { name: TITLE }).click();
    const body = page.getByRole('textbox', { name: 'Brødtekst' });
    await expect(body).toContainText('Det er i stor grad kommunane');

    // Break the documents folder in a way root cannot write through either: a file where the folder was.
    const documents = join(devhost.dataDir, 'library', 'documents');
    await rename(documents, `${documents}.aside`);
    await writeFile(documents, 'not a folder');

    await body.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(TYPED);

    const failure = page.getByRole('main').getByRole('alert');
    await expect(failure).toContainText(/^Ikke lagret\. Teksten din er tatt vare på her, og Melding prøver igjen om \d+ s\./);
    await expect(failure).toContainText('Kunne ikke lagre på disken.');
    // It keeps trying, waiting longer each time.
    await expect(failure).toContainText('prøver igjen om 5 s', { timeout: 10_000 });
    await expect(body).toContainText(TYPED.trim());
    await expect(page.getByRole('main').getByRole('status')).toHaveCount(0);

    // The disk is back; the user does not wait for the next attempt.
    await rm(documents);
    await rename(`${documents}.aside`, documents);
    await failure.getByRole('button', { name: 'Prøv nå' }).click();
    await expect(page.getByRole('main').getByRole('status')).toHaveText(/^Lagret \d/);
    await expect(failure).toBeHidden();

    await devhost.restart();
    await page.goto(devhost.url);
    await page.getByRole('option', { name: TITLE }).click();
    await expect(page.getByRole('textbox', { name: 'Brødtekst' })).toContainText(TYPED.trim());
  });
});
