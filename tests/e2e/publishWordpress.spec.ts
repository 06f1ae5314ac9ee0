import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/devhost';
import { call, firstDocumentId, RELEASE, saved, sendApprovePublish, shot, workflowBar, writeNynorskRelease } from './fixtures/publishing';
import { rest, startWordPress, WordPressUnavailable, type WordPress } from './fixtures/wordpress';

/**
 * Publishing to a real WordPress (port 8081, with Melding's companion plugin): a Nynorsk press
 * release with a photo is written, approved and published, then read back over REST as the
 * admin, field by field, and its public page is opened. A wrong application password stops the
 * job with a message in Bokmål; after the password is fixed, "Prøv igjen nå" sends it.
 * In CI a WordPress that cannot start fails the spec; elsewhere it is skipped, with the reason.
 */

const PORT = 8081;
// One site, one after the other: the second test's pending items must not race the first's pull.
test.describe.configure({ mode: 'serial' });
const LABEL = 'Departementet (test)';
let wp: WordPress | null = null;
let unavailable = '';

test.beforeAll(async () => {
  test.setTimeout(300_000);
  try {
    wp = await startWordPress(PORT);
  } catch (error) {
    if (!(error instanceof WordPressUnavailable) || process.env.CI) throw error;
    unavailable = error.message;
  }
});

test.beforeEach(() => {
  test.skip(wp === null, `WordPress on ${PORT} is not available: ${unavailable}`);
});

interface WpPost {
  id: number;
  status: string;
  link: string;
  title: { raw: string };
  excerpt: { raw: string };
  content: { raw: string };
  featured_media: number;
  categories: number[];
  tags: number[];
  meta: Record<string, unknown>;
}
interface WpMedia {
  id: number;
  alt_text: string;
  caption: { raw: string };
  meta: Record<string, unknown>;
  source_url: string;
}

/** Adds the WordPress site in Settings → Publishing, tests it (when the password is right) and makes it the one in use. */
async function configure(page: Page, site: WordPress, password: string, { test: testIt }: { test: boolean }) {
  await page.getByRole('button', { name: 'Innstillinger' }).click();
  const settings = page.getByRole('dialog', { name: 'Innstillinger' });
  await settings.getByRole('button', { name: 'Legg til WordPress-nettsted' }).click();
  const form = settings.getByRole('form', { name: 'Nytt WordPress-nettsted' });
  await form.getByRole('textbox', { name: 'Navn', exact: true }).fill(LABEL);
  await form.getByRole('textbox', { name: 'Adressen til nettstedet' }).fill(site.baseUrl);
  await form.getByRole('textbox', { name: 'Brukernavn' }).fill(site.admin.user);
  await form.getByLabel('Applikasjonspassord').fill(password);
  if (testIt) {
    await form.getByRole('button', { name: 'Test tilkobling' }).click();
    await expect(settings.getByText('Tilkoblingen virker')).toBeVisible({ timeout: 30_000 });
    await expect(settings.getByText(/Melding-tillegget er installert på nettstedet/)).toBeVisible();
  }
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(settings.getByText(`«${LABEL}» er lagret.`)).toBeVisible();
  // The radio follows the services' answer (backends:activate), so it is clicked, then awaited.
  const radio = settings.getByRole('radio', { name: LABEL });
  if (!(await radio.isChecked())) await radio.click();
  await expect(radio).toBeChecked();
  await expect(settings.getByText(`Nye steg publiseres til ${LABEL}.`)).toBeVisible();
  await page.screenshot({ path: shot(`nb-settings-wordpress${testIt ? '' : '-wrong-password'}`) });
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
}

/** Settings → Publishing → Endre: a new application password. */
async function fixPassword(page: Page, site: WordPress) {
  await page.getByRole('button', { name: 'Innstillinger' }).click();
  const settings = page.getByRole('dialog', { name: 'Innstillinger' });
  await settings.getByRole('button', { name: `Endre ${LABEL}` }).click();
  const form = settings.getByRole('form', { name: `Endre ${LABEL}` });
  await form.getByLabel('Applikasjonspassord').fill(site.admin.password);
  await form.getByRole('button', { name: 'Test tilkobling' }).click();
  await expect(settings.getByText('Tilkoblingen virker')).toBeVisible({ timeout: 30_000 });
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(settings.getByText(`«${LABEL}» er lagret.`)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
}

test('a Nynorsk press release with a photo is published to WordPress and reads back right, field by field', async ({ page, devhost, browser }) => {
  test.setTimeout(180_000);
  const site = wp as WordPress;
  await page.goto(devhost.url);
  await configure(page, site, site.admin.password, { test: true });

  const title = `${RELEASE.title} ${Date.now()}`;
  await writeNynorskRelease(page, title);
  await sendApprovePublish(page);
  const notice = page.getByRole('status').filter({ hasText: 'Publisert på' });
  await expect(notice).toContainText(`Publisert på ${LABEL}: «${title}»`, { timeout: 60_000 });
  const link = notice.getByRole('link', { name: 'Åpne saken på nettstedet' });
  await expect(link).toHaveAttribute('href', /^http:\/\/127\.0\.0\.1:8081\//);
  await page.screenshot({ path: shot('nb-published-wordpress-notice') });

  // Read back over REST as the admin, in the edit context (raw fields, meta).
  const docId = await firstDocumentId(page);
  const doc = await call<{ document: { remote: { remoteId: string; url: string | null } | null } }>(page, 'documents:get', { id: docId });
  const remoteId = doc.value?.document.remote?.remoteId ?? '';
  expect(remoteId).toMatch(/^\d+$/);
  const post = await rest<WpPost>(site, `wp/v2/posts/${remoteId}?context=edit`, site.admin);
  expect(post.status).toBe('publish');
  expect(post.title.raw).toBe(title);
  expect(post.excerpt.raw.replace(/<[^>]+>/g, '').trim()).toBe(RELEASE.ingress);
  expect(post.content.raw).toContain(RELEASE.body);
  expect(post.content.raw).not.toContain(RELEASE.note);
  // The contact block is in the content.
  expect(post.content.raw).toContain(RELEASE.contact.name);
  expect(post.content.raw).toContain(RELEASE.contact.email);
  expect(post.meta.language).toBe('nn');
  // Featured image: uploaded with its alt text, caption and photographer.
  expect(post.featured_media).toBeGreaterThan(0);
  const media = await rest<WpMedia>(site, `wp/v2/media/${post.featured_media}?context=edit`, site.admin);
  expect(media.alt_text).toBe(RELEASE.alt);
  expect(media.caption.raw).toContain(RELEASE.caption);
  expect(media.meta.photographer).toBe(RELEASE.credit);
  // Figures in the content carry the caption and the credit (the preview's serialisation).
  const figures = post.content.raw.match(/<figure[\s\S]*?<\/figure>/g) ?? [];
  expect(figures).toHaveLength(1);
  expect(figures[0]).toContain(`alt="${RELEASE.alt}"`);
  expect(figures[0]).toMatch(new RegExp(`<figcaption>[\\s\\S]*${RELEASE.caption}[\\s\\S]*<span class="credit">[^<]*${RELEASE.credit}</span>`));
  const categories = await Promise.all(post.categories.map((id) => rest<{ name: string }>(site, `wp/v2/categories/${id}`, site.admin)));
  expect(categories.map((c) => c.name.toLowerCase())).toContain('pressemelding');
  const tags = await Promise.all(post.tags.map((id) => rest<{ name: string }>(site, `wp/v2/tags/${id}`, site.admin)));
  expect(tags.map((t) => t.name).sort()).toEqual([...RELEASE.tags].sort());

  // The public page, as a reader sees it.
  const reader = await browser.newPage();
  await reader.goto(post.link);
  await expect(reader.getByRole('heading', { name: title })).toBeVisible();
  await expect(reader.getByRole('img', { name: RELEASE.alt }).first()).toBeVisible();
  await expect(reader.locator('body')).not.toContainText(RELEASE.note);
  await reader.screenshot({ path: shot('nn-wordpress-post'), fullPage: true });
  await reader.close();

  // An editor on a WordPress site can fetch what waits for approval there.
  const pendingTitle = `Til godkjenning ${Date.now()}`;
  await rest(site, 'wp/v2/posts', site.author, { method: 'POST', body: JSON.stringify({ title: pendingTitle, content: '<p>Skrive på nettstaden.</p>', excerpt: 'Ei sak frå nettstaden.', status: 'pending' }) });
  const pull = page.getByRole('button', { name: 'Hent saker til godkjenning' });
  await pull.click();
  await expect(page.getByRole('status').filter({ hasText: /^Hentet: / })).toHaveText(/^Hentet: \d+ nye?\.$/, { timeout: 60_000 });
  // The library refetches on its change event; on a busy machine that can take a few seconds.
  await expect(page.getByRole('listbox').getByRole('option', { name: new RegExp(pendingTitle) })).toBeVisible({ timeout: 15_000 });
  await page.screenshot({ path: shot('nb-pull-pending') });
  // In Nynorsk the answer reads in Nynorsk, and the site in use (hence the button) stays.
  await page.evaluate(async () => {
    await fetch('/api/call/settings%3Aupdate', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ input: { uiLanguage: 'nn' } }) });
  });
  await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
  await expect(page.getByRole('status').filter({ hasText: /^Henta: / })).toHaveText(/^Henta: \d+ nye?\.$/);
  await expect(pull).toBeVisible();
});

test('a wrong application password stops the job with the reason in Bokmål; fixed, “Prøv igjen nå” sends it', async ({ page, devhost }) => {
  test.setTimeout(180_000);
  const site = wp as WordPress;
  await page.goto(devhost.url);
  await configure(page, site, 'feil passord feil passord', { test: false });
  const title = `Feil passord ${Date.now()}`;
  await writeNynorskRelease(page, title);
  await sendApprovePublish(page);

  const pending = page.getByRole('region', { name: 'Venter på å bli sendt' });
  await expect(pending).toContainText('Stoppet: Nettstedet godtok ikke brukernavnet eller applikasjonspassordet. Sjekk dem under Innstillinger → Publisering', { timeout: 60_000 });
  await expect(page.getByRole('contentinfo')).toContainText(/trenger deg før/);
  const retry = pending.getByRole('button', { name: 'Prøv igjen nå' }).first();
  await expect(retry).toBeVisible();
  await pending.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('nb-wordpress-auth-failed') });
  for (const [language, retryLabel] of [
    ['nn', 'Prøv igjen no'],
    ['en', 'Try again now'],
    ['nb', 'Prøv igjen nå'],
  ] as const) {
    await page.evaluate(async (uiLanguage) => {
      await fetch('/api/call/settings%3Aupdate', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ input: { uiLanguage } }) });
    }, language);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expect(page.getByRole('button', { name: retryLabel }).first()).toBeVisible();
    if (language !== 'nb') await page.screenshot({ path: shot(`${language}-wordpress-auth-failed`) });
  }
  await expect(workflowBar(page).getByText('Status: Publisert', { exact: true })).toBeVisible();
  // The text is as it was.
  await expect(page.getByRole('textbox', { name: 'Tittel' })).toHaveValue(title);

  // The password is fixed in Settings, then the job is tried again at once.
  await fixPassword(page, site);
  await retry.click();
  await expect(page.getByRole('status').filter({ hasText: 'Publisert på' })).toContainText(`Publisert på ${LABEL}: «${title}»`, { timeout: 60_000 });
  await expect(page.getByRole('contentinfo')).toContainText('Ingenting venter på sending', { timeout: 30_000 });
  await saved(page);
});
