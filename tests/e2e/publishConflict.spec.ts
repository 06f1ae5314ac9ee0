import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/devhost';
import { firstDocumentId, RELEASE, shot, step, workflowBar, writeNynorskRelease } from './fixtures/publishing';

/**
 * A colleague changes a published item on the site (here: by hand in the local site's
 * items/<docId>.json, which the local site treats as a change made on the site). When the writer
 * changes the document and publishes again, nothing is overwritten: the job stops with the
 * conflict, the dialog shows both versions, and the writer keeps theirs — or the site's.
 */

interface SiteItem {
  title: string;
  ingress: string;
  modifiedAt: string;
  modifiedBy: string;
}

const published = (page: Page) => expect(page.getByRole('status').filter({ hasText: 'Publisert på' })).toContainText('Publisert på det lokale nettstedet', { timeout: 30_000 });

async function editOnSite(file: string, change: Partial<SiteItem>) {
  const item = JSON.parse(await readFile(file, 'utf8')) as SiteItem;
  await writeFile(file, `${JSON.stringify({ ...item, ...change }, null, 2)}\n`);
}

async function siteItem(file: string): Promise<SiteItem> {
  return JSON.parse(await readFile(file, 'utf8')) as SiteItem;
}

/** The writer changes the published text (revoking the approval), approves and publishes it again. */
async function changeAndPublishAgain(page: Page, body: string) {
  await page.getByRole('textbox', { name: 'Brødtekst' }).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(body);
  await expect(workflowBar(page).getByText('Status: Til godkjenning', { exact: true })).toBeVisible({ timeout: 10_000 });
  await step(page, 'Godkjenn');
  await step(page, 'Publiser');
}

/**
 * A publish queued for a text that has since changed (its approval revoked) is void: it is
 * dropped with the approval, never left to stop at the approval check and hold up the queue.
 */
async function noStoppedPublish(page: Page) {
  await expect(page.getByRole('contentinfo')).toContainText('Ingenting venter på sending', { timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'Venter på å bli sendt' }).getByRole('listitem').filter({ hasText: 'Teksten er ikke lenger den som ble godkjent' })).toHaveCount(0);
}

async function setLanguage(page: Page, uiLanguage: 'nb' | 'nn' | 'en') {
  await page.evaluate(async (language) => {
    await fetch('/api/call/settings%3Aupdate', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ input: { uiLanguage: language } }) });
  }, uiLanguage);
  await expect(page.locator('html')).toHaveAttribute('lang', uiLanguage);
}

test('a change made on the site stops the next publish; the writer sees both versions and keeps theirs, then the site’s', async ({ page, devhost }) => {
  test.setTimeout(180_000);
  await page.goto(devhost.url);
  await writeNynorskRelease(page);
  await step(page, 'Send til godkjenning');
  await step(page, 'Godkjenn');
  await step(page, 'Publiser');
  await published(page);
  const docId = await firstDocumentId(page);
  const file = join(devhost.dataDir, 'site', 'items', `${docId}.json`);
  expect((await siteItem(file)).title).toBe(RELEASE.title);

  // A colleague fixes the title on the site.
  const siteTitle = 'Tretti nye legar til Nord-Noreg';
  await editOnSite(file, { title: siteTitle, modifiedBy: 'Nina Nettredaktør', modifiedAt: '2026-11-23T13:05:00.000Z' });

  await changeAndPublishAgain(page, ' Ordninga gjeld frå 1. januar.');
  const pending = page.getByRole('region', { name: 'Venter på å bli sendt' });
  const resolve = pending.getByRole('button', { name: 'Løs konflikten' });
  await expect(resolve).toBeVisible({ timeout: 30_000 });
  await expect(pending).toContainText('Stoppet: Saken er endret på nettstedet siden du sist så den.');
  await expect(page.getByRole('contentinfo')).toContainText('1 trenger deg før det kan sendes');
  // A conflict is resolved, not retried; it can still be dropped.
  await expect(pending.getByRole('button', { name: 'Prøv igjen nå' })).toHaveCount(0);
  await expect(pending.getByRole('button', { name: 'Avbryt sending' }).first()).toBeVisible();
  // Nothing was overwritten on the site.
  expect((await siteItem(file)).title).toBe(siteTitle);
  await page.screenshot({ path: shot('nb-conflict-blocked') });
  // From the outbox details too: the conflict dialog opens over it, and Escape closes one at a time.
  await page.getByRole('contentinfo').getByRole('button', { name: 'Vis hva som venter' }).click();
  const details = page.getByRole('dialog', { name: 'Venter på å bli sendt' });
  await details.getByRole('button', { name: 'Løs konflikten' }).click();
  await expect(page.getByRole('dialog', { name: 'Løs konflikten' }).getByRole('region', { name: 'På nettstedet: Tittel' })).toHaveText(siteTitle);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Løs konflikten' })).toBeHidden();
  await expect(details).toBeVisible();
  await expect(details.getByRole('button', { name: 'Løs konflikten' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();

  // By keyboard: Enter opens the dialog, its heading has focus, Escape closes it and focus comes back.
  await resolve.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Løs konflikten' });
  await expect(dialog.getByRole('heading', { name: 'Løs konflikten', level: 2 })).toBeFocused();
  await expect(dialog).toContainText('Endret på nettstedet av Nina Nettredaktør 23.11.2026 kl. 14.05.');
  await expect(dialog.getByRole('heading', { name: 'Tittel Ulik', level: 3 })).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'Min versjon: Tittel' })).toHaveText(RELEASE.title);
  await expect(dialog.getByRole('region', { name: 'På nettstedet: Tittel' })).toHaveText(siteTitle);
  await expect(dialog.getByRole('heading', { name: 'Ingress Lik', level: 3 })).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Brødtekst Ulik', level: 3 })).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'Min versjon: Brødtekst' })).toContainText('Ordninga gjeld frå 1. januar.');
  await expect(dialog.getByRole('region', { name: 'På nettstedet: Brødtekst' })).not.toContainText('Ordninga gjeld');
  await expect(dialog.getByRole('region', { name: 'Min versjon: Bilder' })).toContainText(RELEASE.alt);
  await expect(dialog.getByRole('region', { name: 'På nettstedet: Bilder' })).toContainText(RELEASE.credit);
  await expect(dialog).toContainText('Ulikt: Tittel, Brødtekst.');
  await page.screenshot({ path: shot('nb-conflict-dialog') });
  // Merge by hand: one choice per field, title and ingress editable.
  await dialog.getByRole('button', { name: 'Slå sammen for hånd' }).click();
  await expect(dialog.getByRole('group', { name: 'Bruk for Tittel' }).getByRole('radio', { name: 'Min versjon' })).toBeFocused();
  await dialog.getByRole('group', { name: 'Bruk for Tittel' }).getByRole('radio', { name: 'På nettstedet' }).check();
  await expect(dialog.getByRole('textbox', { name: 'Tittel i den sammenslåtte versjonen' })).toHaveValue(siteTitle);
  await page.screenshot({ path: shot('nb-conflict-merge') });
  await dialog.getByRole('button', { name: 'Tilbake' }).click();
  for (const [language, name] of [
    ['nn', 'Løys konflikten'],
    ['en', 'Resolve the conflict'],
  ] as const) {
    await setLanguage(page, language);
    await expect(page.getByRole('dialog', { name })).toBeVisible();
    await page.screenshot({ path: shot(`${language}-conflict-dialog`) });
  }
  await expect(page.getByRole('dialog', { name: 'Resolve the conflict' }).getByRole('button', { name: 'Keep the site’s version' })).toBeVisible();
  await setLanguage(page, 'nb');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(resolve).toBeFocused();

  // Keep mine: the local text goes over the site's, and the rest of the queue follows.
  await resolve.click();
  await dialog.getByRole('button', { name: 'Behold min versjon' }).click();
  await expect(dialog).toBeHidden();
  await published(page);
  await expect(page.getByRole('contentinfo')).toContainText('Ingenting venter på sending', { timeout: 30_000 });
  expect((await siteItem(file)).title).toBe(RELEASE.title);
  await expect(page.getByRole('textbox', { name: 'Tittel' })).toHaveValue(RELEASE.title);

  // Again, and this time the site's version wins: it becomes the local text, and nothing of mine goes over it.
  const siteIngress = 'Tretti nye fastlegar i nord frå nyttår.';
  await editOnSite(file, { title: siteTitle, ingress: siteIngress, modifiedBy: 'Nina Nettredaktør', modifiedAt: '2026-11-23T13:20:00.000Z' });
  const before = JSON.parse(await readFile(file, 'utf8')) as SiteItem & { body: unknown };
  await changeAndPublishAgain(page, ' Ta kontakt med kommunen.');
  await expect(resolve).toBeVisible({ timeout: 30_000 });
  await resolve.click();
  await expect(dialog.getByRole('region', { name: 'På nettstedet: Ingress' })).toHaveText(siteIngress);
  await dialog.getByRole('button', { name: 'Behold nettstedets versjon' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Tittel' })).toHaveValue(siteTitle, { timeout: 10_000 });
  await expect(page.getByRole('textbox', { name: 'Ingress' })).toHaveValue(siteIngress);
  await expect(page.getByRole('textbox', { name: 'Brødtekst' })).not.toContainText('Ta kontakt med kommunen.');
  await expect(page.getByRole('button', { name: 'Løs konflikten' })).toHaveCount(0, { timeout: 30_000 });
  // The site's text stands: whatever was still queued carries the site's version now, not mine.
  const after = JSON.parse(await readFile(file, 'utf8')) as SiteItem & { body: unknown };
  expect({ title: after.title, ingress: after.ingress, body: after.body }).toEqual({ title: before.title, ingress: before.ingress, body: before.body });
  await page.screenshot({ path: shot('nb-conflict-kept-site') });

  // The publish queued behind the conflict was for my text, which is gone: it went with it.
  await noStoppedPublish(page);

  // Once more, merged by hand: the site's title, my body, and an ingress written here and now.
  await editOnSite(file, { title: 'Tretti legar til Nord-Noreg', modifiedBy: 'Nina Nettredaktør', modifiedAt: '2026-11-23T13:40:00.000Z' });
  await changeAndPublishAgain(page, ' Meir informasjon kjem.');
  await expect(resolve).toBeVisible({ timeout: 30_000 });
  await resolve.click();
  await dialog.getByRole('button', { name: 'Slå sammen for hånd' }).click();
  await dialog.getByRole('group', { name: 'Bruk for Tittel' }).getByRole('radio', { name: 'På nettstedet' }).check();
  const mergedIngress = 'Tretti legar kjem til nord frå nyttår.';
  await dialog.getByRole('textbox', { name: 'Ingress i den sammenslåtte versjonen' }).fill(mergedIngress);
  await dialog.getByRole('button', { name: 'Lagre den sammenslåtte versjonen' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Tittel' })).toHaveValue('Tretti legar til Nord-Noreg', { timeout: 10_000 });
  await expect(page.getByRole('textbox', { name: 'Ingress' })).toHaveValue(mergedIngress);
  await expect(page.getByRole('textbox', { name: 'Brødtekst' })).toContainText('Meir informasjon kjem.');
  // The merged text is a new text: its approval goes again, the stale publish goes with it, and the
  // merged text is approved and published.
  await noStoppedPublish(page);
  await step(page, 'Godkjenn');
  await step(page, 'Publiser');
  await published(page);
  await expect(page.getByRole('contentinfo')).toContainText('Ingenting venter på sending', { timeout: 30_000 });
  const merged = await siteItem(file);
  expect({ title: merged.title, ingress: merged.ingress }).toEqual({ title: 'Tretti legar til Nord-Noreg', ingress: mergedIngress });
});
