import { rm, writeFile } from 'node:fs/promises';
import { expect, makeDataDir, startDevhost, test } from './fixtures/devhost';

const TITLE = 'Kommunen åpner nytt bibliotek på Lade';
const BODY = 'Det nye biblioteket har åpent alle dager fra klokka åtte til tjue.';
const ADDED = ' Kafeen åpner i juni.';

test('a document exported on one machine is imported on another, and importing again asks before it overwrites', async ({ page, devhost }, testInfo) => {
  // Machine A: write a document and export it.
  await page.goto(devhost.url);
  await page.getByRole('button', { name: 'Nytt dokument' }).first().click();
  await page.getByRole('textbox', { name: 'Tittel' }).fill(TITLE);
  await page.getByRole('textbox', { name: 'Brødtekst' }).click();
  await page.keyboard.type(BODY);
  await expect(page.getByRole('main').getByRole('status')).toHaveText(/^Lagret \d/);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Eksporter' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${TITLE}.melding`);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  await expect(page.getByRole('status').filter({ hasText: `Eksportert som ${TITLE}.melding.` })).toBeVisible();

  // Machine B: an empty library.
  const dataDirB = await makeDataDir();
  const devhostB = await startDevhost(dataDirB);
  try {
    await page.goto(devhostB.url);
    await expect(page.getByRole('heading', { name: 'Ingen dokumenter ennå' })).toBeVisible();

    // The first time through the button and the browser's file chooser, as a person would.
    const choosing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Importer …' }).click();
    await (await choosing).setFiles(file);
    await expect(page.getByRole('status').filter({ hasText: `«${TITLE}» er importert.` })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Tittel' })).toHaveValue(TITLE);
    await expect(page.getByRole('textbox', { name: 'Brødtekst' })).toHaveText(BODY);
    await expect(page.getByRole('option', { name: TITLE })).toHaveCount(1);

    // The same file again: nothing to do, and it says so.
    const importInput = page.getByLabel('Importer …');
    await importInput.setInputFiles(file);
    await expect(page.getByRole('status').filter({ hasText: `Du har allerede «${TITLE}» akkurat slik det er i filen.` })).toBeVisible();
    await expect(page.getByRole('option', { name: TITLE })).toHaveCount(1);

    // Change it on B, then import the old file: a question, not an overwrite.
    await page.getByRole('textbox', { name: 'Brødtekst' }).click();
    await page.keyboard.press('End');
    await page.keyboard.type(ADDED);
    await expect(page.getByRole('main').getByRole('status')).toHaveText(/^Lagret \d/);
    await importInput.setInputFiles(file);
    const conflict = page.getByRole('dialog', { name: 'Du har allerede dette dokumentet' });
    await expect(conflict).toBeVisible();
    await expect(conflict).toContainText(`Filen inneholder en annen versjon av «${TITLE}»`);
    await expect(conflict.getByRole('button', { name: 'Erstatt min' })).toBeVisible();
    await expect(conflict.getByRole('button', { name: 'Avbryt' })).toBeFocused();
    await conflict.getByRole('button', { name: 'Behold begge' }).click();
    await expect(conflict).toBeHidden();

    await expect(page.getByRole('option', { name: TITLE })).toHaveCount(2);
    await expect(page.getByRole('navigation').getByRole('status')).toHaveText('2 dokumenter');
    // The copy from the file is open; the changed one is kept as it was.
    await expect(page.getByRole('textbox', { name: 'Brødtekst' })).toHaveText(BODY);
    await expect(page.getByRole('option', { name: `${TITLE}` }).filter({ hasText: ADDED.trim() })).toHaveCount(1);

    // Something that only claims to be a Melding file.
    const notMelding = testInfo.outputPath('notater.melding');
    await writeFile(notMelding, 'Dette er bare en tekstfil med notater, ikke en eksportert Melding-fil.\n');
    await importInput.setInputFiles(notMelding);
    const problem = page.getByRole('dialog', { name: 'Noe gikk galt' });
    await expect(problem).toBeVisible();
    await expect(problem.getByRole('alert')).toHaveText(
      'Filen er ikke en Melding-fil, eller den er skadet. Be avsenderen eksportere dokumentet på nytt og sende deg den nye filen.',
    );
    await problem.getByRole('button', { name: 'Lukk' }).click();
    await expect(problem).toBeHidden();
    await expect(page.getByRole('navigation').getByRole('status')).toHaveText('2 dokumenter');
  } finally {
    await devhostB.stop();
    await rm(dataDirB, { recursive: true, force: true });
  }
});
