import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/devhost';
import { call, firstDocumentId, RELEASE, sendApprovePublish, shot, step, workflowBar, writeNynorskRelease } from './fixtures/publishing';

/**
 * Publishing to the local site (the default backend) with the runner on: a Nynorsk press release
 * with a photo, a contact and an internal note is written, approved and published through the
 * workflow bar; the window says when it is up, and the generated page is opened in Chromium.
 */

/** Every progress bar state the page showed, as a screen reader would read it (name: value). */
async function recordProgress(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __progress: string[] }).__progress = seen;
    const look = () => {
      for (const bar of document.querySelectorAll('[role="progressbar"]')) {
        const entry = `${bar.getAttribute('aria-label') ?? ''}: ${bar.getAttribute('aria-valuetext') ?? ''} (${bar.getAttribute('aria-valuenow') ?? '-'}/${bar.getAttribute('aria-valuemax') ?? '-'})`;
        if (seen.at(-1) !== entry) seen.push(entry);
      }
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuetext', 'aria-valuenow'] });
  });
  return () => page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
}

test('a Nynorsk press release with a photo goes to the local site and reads right there', async ({ page, devhost, browser }) => {
  test.setTimeout(120_000);
  await page.goto(devhost.url);
  await expect(page.getByRole('heading', { name: 'Ingen dokumenter ennå' })).toBeVisible();
  await writeNynorskRelease(page);
  const progress = await recordProgress(page);
  await sendApprovePublish(page);

  // Said once, politely, when it is up; the writing was never blocked (no dialog is open).
  const notice = page.getByRole('status').filter({ hasText: 'Publisert på' });
  await expect(notice).toContainText(`Publisert på det lokale nettstedet: «${RELEASE.title}»`, { timeout: 30_000 });
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('contentinfo')).toContainText('Ingenting venter på sending');
  await expect(page.getByRole('region', { name: 'Venter på å bli sendt' })).toBeHidden();
  // The bar was there while it was sent, with the phase in words (the photo, then the pages).
  const seen = await progress();
  expect(seen.filter((entry) => /^(Publisert, registrert .+|Sender til nettstedet): (Laster opp bilde 1 av 1|Skriver side \d+ av \d+) /.test(entry)), `progress seen: ${JSON.stringify(seen)}`).not.toHaveLength(0);
  await page.screenshot({ path: shot('nb-published-local-notice') });

  // "Åpne nettstedet": the devhost cannot open a browser, so the path is shown to copy.
  await notice.getByRole('button', { name: 'Åpne nettstedet' }).click();
  const path = notice.locator('code');
  await expect(path).toHaveText(/index\.html$/);
  const indexPath = (await path.textContent()) ?? '';

  // The item's page, found through the site's own record of the item.
  const docId = await firstDocumentId(page);
  const siteDir = indexPath.replace(/[\\/]index\.html$/, '');
  const item = JSON.parse(await readFile(join(siteDir, 'items', `${docId}.json`), 'utf8')) as { page: string; siteStatus: string };
  expect(item.siteStatus).toBe('publish');
  const remote = await call<{ document: { remote: { url: string | null } | null; status: string } }>(page, 'documents:get', { id: docId });
  expect(remote.value?.document.status).toBe('publisert');
  expect(remote.value?.document.remote).not.toBeNull();

  const site = await browser.newPage();
  await site.goto(pathToFileURL(join(siteDir, item.page)).href);
  await expect(site.locator('html')).toHaveAttribute('lang', 'nn');
  await expect(site.getByRole('heading', { level: 1 })).toHaveText(RELEASE.title);
  await expect(site.locator('.ingress')).toHaveText(RELEASE.ingress);
  await expect(site.getByText(RELEASE.body)).toBeVisible();
  // The photo leads the page and stands in the text, each time with its alt text, caption and credit.
  const figures = site.locator('figure');
  await expect(figures).toHaveCount(2);
  for (const figure of await figures.all()) {
    const image = figure.getByRole('img', { name: RELEASE.alt });
    await expect(image).toBeVisible();
    expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expect(figure.locator('figcaption')).toContainText(RELEASE.caption);
    await expect(figure.locator('figcaption')).toContainText(RELEASE.credit);
  }
  const contacts = site.getByRole('region', { name: 'Pressekontaktar' });
  await expect(contacts).toContainText(RELEASE.contact.name);
  await expect(contacts).toContainText(RELEASE.contact.role);
  await expect(contacts.getByRole('link', { name: RELEASE.contact.email })).toHaveAttribute('href', `mailto:${RELEASE.contact.email}`);
  const html = await site.content();
  expect(html).not.toContain(RELEASE.note);
  expect(html).not.toContain('Priv. til red.');
  await site.screenshot({ path: shot('nn-local-site-page'), fullPage: true });
  // The news list links the item.
  await site.goto(pathToFileURL(indexPath).href);
  await expect(site.getByRole('link', { name: RELEASE.title })).toBeVisible();
  await site.screenshot({ path: shot('nn-local-site-index') });
  await site.close();

  // Unpublishing goes the same way, and is said too.
  await step(page, 'Avpubliser');
  await expect(page.getByRole('status').filter({ hasText: 'Avpublisert fra' })).toContainText(`Avpublisert fra det lokale nettstedet: «${RELEASE.title}»`, { timeout: 30_000 });
  await expect(workflowBar(page).getByText('Status: Avpublisert', { exact: true })).toBeVisible();
});

test.describe('while a job is being sent', () => {
  // The runner stays paused so the job waits; the services' status answer is replaced by one
  // that says the job is at its second image, as the runner reports it mid-upload. (The real
  // bar, fed by the runner's events, is checked in the test above.)
  test.use({ devhostEnv: { MELDING_OUTBOX_RUNNER: 'paused' } });

  test('the document and the outbox show its progress in words, and the writing goes on', async ({ page, devhost }) => {
    test.setTimeout(90_000);
    await page.goto(devhost.url);
    await writeNynorskRelease(page);
    await sendApprovePublish(page);
    const docId = await firstDocumentId(page);
    const jobs = await call<{ id: string; action: string }[]>(page, 'outbox:list', { documentId: docId });
    const publish = jobs.value?.find((j) => j.action === 'publish');
    expect(publish).toBeDefined();
    await page.route('**/api/call/publishing%3Astatus', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ ok: true, value: { state: 'running', activeBackendId: 'local-site', current: [{ jobId: publish?.id, documentId: docId, phase: 'media', done: 1, total: 3, finished: false }] } }),
      }),
    );
    await page.reload();
    await page.getByRole('listbox').getByRole('option', { name: new RegExp(RELEASE.title) }).click();

    const pending = page.getByRole('region', { name: 'Venter på å bli sendt' });
    const bar = pending.getByRole('progressbar', { name: /^Publisert, registrert \d{2}\.\d{2}\.\d{4} kl\. \d{2}\.\d{2}$/ });
    await expect(bar).toHaveAttribute('aria-valuetext', 'Laster opp bilde 2 av 3');
    await expect(bar).toHaveAttribute('aria-valuenow', '1');
    await expect(bar).toHaveAttribute('aria-valuemax', '3');
    // Nothing modal: the text can be worked on meanwhile.
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await page.getByRole('textbox', { name: /^Priv\. til red\./ }).fill(`${RELEASE.note} Sjekka.`);
    await expect(page.getByRole('textbox', { name: /^Priv\. til red\./ })).toHaveValue(`${RELEASE.note} Sjekka.`);
    await pending.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('nb-progress-document') });

    await page.getByRole('contentinfo').getByRole('button', { name: 'Vis hva som venter' }).click();
    const details = page.getByRole('dialog', { name: 'Venter på å bli sendt' });
    await expect(details.getByRole('progressbar')).toHaveAttribute('aria-valuetext', 'Laster opp bilde 2 av 3');
    await page.screenshot({ path: shot('nb-progress-outbox') });
    await page.keyboard.press('Escape');

    // The network comes back: the sender is woken at once rather than after its backoff.
    const woken = page.waitForRequest((request) => request.url().endsWith('/api/call/publishing%3Awake'));
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await woken;
    // The sender answered that it is paused (this devhost's switch), and the status bar says so.
    await expect(page.getByRole('contentinfo')).toContainText('Sendingen er satt på pause');

    for (const [language, text] of [
      ['nn', 'Lastar opp bilete 2 av 3'],
      ['en', 'Uploading image 2 of 3'],
    ] as const) {
      await page.evaluate(async (uiLanguage) => {
        await fetch('/api/call/settings%3Aupdate', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ input: { uiLanguage } }) });
      }, language);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(page.getByRole('progressbar').first()).toHaveAttribute('aria-valuetext', text);
      await page.screenshot({ path: shot(`${language}-progress-document`) });
    }
  });

  test('a waiting step is cancelled by keyboard, with a question first, and focus stays in the list', async ({ page, devhost }) => {
    test.setTimeout(90_000);
    await page.goto(devhost.url);
    await writeNynorskRelease(page);
    await sendApprovePublish(page);
    const pending = page.getByRole('region', { name: 'Venter på å bli sendt' });
    // The list is folded while nothing needs the user; it opens from its summary.
    await pending.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(pending.getByRole('listitem')).toHaveCount(3);
    const publish = pending.getByRole('listitem').filter({ hasText: 'Publisert' });
    await expect(publish).toHaveCount(1);
    // Asked first; "Behold i køen" has focus, so Enter twice by mistake keeps the step.
    await publish.getByRole('button', { name: 'Avbryt sending' }).focus();
    await page.keyboard.press('Enter');
    const ask = page.getByRole('dialog', { name: 'Avbryte sendingen?' });
    await expect(ask.getByRole('button', { name: 'Behold i køen' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(ask).toBeHidden();
    await expect(publish.getByRole('button', { name: 'Avbryt sending' })).toBeFocused();
    await expect(pending.getByRole('listitem')).toHaveCount(3);
    // Now for real.
    await page.keyboard.press('Enter');
    await ask.getByRole('button', { name: 'Avbryt sending' }).click();
    await expect(publish).toHaveCount(0);
    await expect(pending.getByRole('listitem')).toHaveCount(2);
    // Focus is not lost with the line: it stays in the list.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.pending-sends')?.tagName ?? `lost: ${document.activeElement?.outerHTML.slice(0, 200)}`)).not.toMatch(/^lost/);
  });
});
