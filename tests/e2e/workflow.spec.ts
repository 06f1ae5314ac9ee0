import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import sharp from 'sharp';
import { expect, ROOT, test } from './fixtures/devhost';
import { addContact } from './fixtures/publishing';

/** Screenshots for the closing note, kept out of the repository (.tmp is ignored). */
const shot = (name: string) => join(ROOT, '.tmp/screenshots', `${name}.png`);

/**
 * The workflow as the issue walks it: a writer sends a Nynorsk press release for approval, an
 * editor (another profile on the same machine) returns it with a comment, the writer fixes it,
 * the editor approves it offline, an edit after approval revokes it, and a publisher cannot
 * publish before the sperrefrist (only schedule).
 */

// Nothing sends outbox jobs on this branch yet. Once the runner exists it must leave the queue
// alone under this switch, so the spec can see steps waiting (the local site is on this machine
// and would otherwise take them at once, network or not).
test.use({ devhostEnv: { MELDING_OUTBOX_RUNNER: 'paused' } });

const profileButton = (page: Page) => page.getByRole('banner').getByRole('button', { name: /^Profil:/ });

async function openProfileMenu(page: Page) {
  await profileButton(page).click();
  return page.getByRole('menu');
}

/** Fills the profile dialog: name and exactly these roles. */
async function fillProfile(page: Page, title: string, name: string, roles: readonly string[]) {
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Navn' }).fill(name);
  for (const role of ['skribent', 'redaktør', 'publiserer']) await dialog.getByRole('checkbox', { name: role, exact: true }).setChecked(roles.includes(role));
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog).toBeHidden();
}

async function switchTo(page: Page, name: string) {
  const menu = await openProfileMenu(page);
  await menu.getByRole('menuitemradio', { name: `Bytt til ${name}` }).click();
  await expect(profileButton(page)).toHaveAccessibleName(new RegExp(`^Profil: ${name} · `));
}

const workflowBar = (page: Page) => page.getByRole('main').getByRole('group', { name: 'Arbeidsflyt' });
const saved = (page: Page) => expect(page.getByRole('main').getByRole('status').first()).toHaveText(/^Lagret \d/);

test('a Nynorsk press release goes from writer to editor and back, is approved offline, revoked by an edit, and only scheduled before its sperrefrist', async ({ page, context, devhost }) => {
  test.setTimeout(90_000);
  await page.goto(devhost.url);

  // First start: one profile with every role, so a single user can do everything.
  await expect(profileButton(page)).toHaveAccessibleName(/^Profil: .+ · skribent, redaktør, publiserer$/);

  // The writer takes that profile; an editor and a publisher get their own.
  await (await openProfileMenu(page)).getByRole('menuitem', { name: 'Endre profil …' }).click();
  await fillProfile(page, 'Endre profil', 'Kari Nordmann', ['skribent']);
  await expect(profileButton(page)).toHaveAccessibleName('Profil: Kari Nordmann · skribent');
  await expect(profileButton(page)).toBeFocused();
  // Escape leaves the dialog without a change, and focus goes back to the profile button.
  await (await openProfileMenu(page)).getByRole('menuitem', { name: 'Ny profil …' }).click();
  await expect(page.getByRole('dialog', { name: 'Ny profil' }).getByRole('textbox', { name: 'Navn' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Ny profil' })).toBeHidden();
  await expect(profileButton(page)).toBeFocused();
  // The menu works by keyboard alone: arrow to "Ny profil …", Enter.
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menu').getByRole('menuitemradio', { name: 'Kari Nordmann (aktiv)' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menu').getByRole('menuitem', { name: 'Ny profil …' })).toBeFocused();
  await page.keyboard.press('Enter');
  await fillProfile(page, 'Ny profil', 'Olav Redaktør', ['redaktør']);
  await (await openProfileMenu(page)).getByRole('menuitem', { name: 'Ny profil …' }).click();
  await fillProfile(page, 'Ny profil', 'Per Publiserer', ['publiserer']);
  await switchTo(page, 'Kari Nordmann');

  // A contact for the release, in the register.
  await page.keyboard.press('Control+N');
  await page.getByRole('main').getByLabel('Målform').selectOption('nn');
  await page.getByRole('textbox', { name: 'Tittel' }).fill('Nye legar til Nord-Noreg');
  await page.getByRole('textbox', { name: 'Brødtekst' }).click();
  await page.keyboard.type('Regjeringa gir pengar til fleire legar i nord.');
  await page.getByRole('checkbox', { name: 'Sperrefrist' }).check();
  await page.getByRole('textbox', { name: 'Dato' }).fill('24.11.2030');
  await page.getByRole('textbox', { name: 'Klokkeslett' }).fill('10.00');
  await saved(page);

  // The writer sees only her own step.
  const bar = workflowBar(page);
  await expect(bar.getByRole('button')).toHaveText(['Send til godkjenning']);
  await bar.getByRole('button', { name: 'Send til godkjenning' }).click();
  let dialog = page.getByRole('dialog', { name: 'Send til godkjenning' });
  const checklist = dialog.getByRole('region', { name: 'Sjekkliste' });
  // Blocking items are grouped and marked in words, not only in colour.
  const blocking = checklist.getByRole('list', { name: /^Må rettes først/ });
  await expect(blocking.getByRole('listitem')).toHaveText([/Må rettes:\s*Ingressen mangler\./, /Må rettes:\s*En pressemelding må ha minst én pressekontakt\./]);
  await expect(dialog.getByRole('button', { name: 'Send til godkjenning' })).toBeDisabled();
  // The link goes to the problem.
  await blocking.getByRole('button', { name: 'Ingressen mangler.' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Ingress' })).toBeFocused();
  await page.keyboard.type('Fleire fastlegar skal gjere det lettare å få time.');

  await bar.getByRole('button', { name: 'Send til godkjenning' }).click();
  dialog = page.getByRole('dialog', { name: 'Send til godkjenning' });
  await dialog.getByRole('button', { name: 'En pressemelding må ha minst én pressekontakt.' }).click();
  await expect(page.getByRole('combobox', { name: 'Legg til pressekontakt' })).toBeFocused();
  await addContact(page);
  await saved(page);

  await bar.getByRole('button', { name: 'Send til godkjenning' }).click();
  dialog = page.getByRole('dialog', { name: 'Send til godkjenning' });
  await expect(dialog.getByText('Alt på sjekklisten er i orden.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Kommentar' }).fill('Klar for lesing.');
  await dialog.getByRole('button', { name: 'Send til godkjenning' }).click();
  await expect(dialog).toBeHidden();
  await expect(bar.getByText('Status: Til godkjenning', { exact: true })).toBeVisible();
  await expect(bar.getByRole('button')).toHaveText(['Trekk tilbake']);

  // The editor: the document is in "Til godkjenning hos meg"; returning needs a comment.
  await switchTo(page, 'Olav Redaktør');
  const queues = page.getByRole('group', { name: 'Kø' });
  await expect(queues.getByRole('button', { name: 'Til godkjenning hos meg (1)' })).toBeVisible();
  await queues.getByRole('button', { name: 'Til godkjenning hos meg (1)' }).click();
  await expect(page.getByRole('listbox').getByRole('option', { name: /Nye legar til Nord-Noreg/ })).toBeVisible();
  await expect(bar.getByRole('button')).toHaveText(['Trekk tilbake', 'Returner', 'Godkjenn']);
  await bar.getByRole('button', { name: 'Returner' }).click();
  dialog = page.getByRole('dialog', { name: 'Returner' });
  await dialog.getByRole('button', { name: 'Returner' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Kommentar' })).toBeFocused();
  await expect(dialog.getByRole('textbox', { name: 'Kommentar' })).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('textbox', { name: 'Kommentar' }).fill('Ingressen må seie kor mange legar det gjeld.');
  await page.screenshot({ path: shot('nb-return-dialog') });
  await dialog.getByRole('button', { name: 'Returner' }).click();
  await expect(dialog).toBeHidden();
  await expect(bar.getByText('Status: Returnert', { exact: true })).toBeVisible();

  // The writer: returned to her, with the editor's comment in the log.
  await switchTo(page, 'Kari Nordmann');
  await queues.getByRole('button', { name: 'Returnert til meg (1)' }).click();
  await expect(page.getByRole('listbox').getByRole('option', { name: /Nye legar til Nord-Noreg/ })).toBeVisible();
  const log = page.getByRole('region', { name: 'Logg og kommentarer' });
  await expect(log.getByRole('listitem').first()).toContainText('Returnert');
  await expect(log.getByRole('listitem').first()).toContainText('Til godkjenning → Returnert');
  await expect(log.getByRole('listitem').first()).toContainText('av Olav Redaktør');
  await expect(log.getByRole('listitem').first()).toContainText('Ingressen må seie kor mange legar det gjeld.');
  await log.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('nb-log-returned') });
  await page.getByRole('textbox', { name: 'Ingress' }).fill('Tretti nye fastlegar skal gjere det lettare å få time.');
  await saved(page);
  await bar.getByRole('button', { name: 'Send til godkjenning' }).click();
  dialog = page.getByRole('dialog', { name: 'Send til godkjenning' });
  await expect(dialog.getByText('Alt på sjekklisten er i orden.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Send til godkjenning' }).click();
  await expect(bar.getByText('Status: Til godkjenning', { exact: true })).toBeVisible();

  // The editor approves on a train: the browser is offline, the local services still answer.
  await switchTo(page, 'Olav Redaktør');
  await goOffline(page, context);
  await expect(page.getByRole('contentinfo').getByText('Frakoblet', { exact: false })).toBeVisible();
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  expect(await page.evaluate(async () => (await fetch('https://regjeringen.no/', { mode: 'no-cors' }).then(() => 'reached', () => 'refused')))).toBe('refused');
  const answer = await page.evaluate(async () => (await fetch('/api/call/outbox%3Asummary', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"input":null}' })).status);
  expect(answer).toBe(200);
  await bar.getByRole('button', { name: 'Godkjenn' }).click();
  dialog = page.getByRole('dialog', { name: 'Godkjenn' });
  await expect(dialog.getByText('Du er frakoblet.', { exact: false })).toBeVisible();
  await expect(dialog.getByText('Alt på sjekklisten er i orden.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Godkjenn' }).click();
  await expect(bar.getByText('Status: Godkjent', { exact: true })).toBeVisible();
  await expect(bar.getByText(/^Godkjent av Olav Redaktør \d{2}\.\d{2}\.\d{4} kl\. \d{2}\.\d{2}$/)).toBeVisible();
  // Recorded here and queued for the website, with the reason it waits.
  const pending = page.getByRole('region', { name: 'Venter på å bli sendt' });
  // One line until opened: the count and the reason they share, said once.
  await expect(pending.getByText('Du er frakoblet; det sendes når nettet er tilbake.')).toHaveCount(1);
  await pending.getByText('Venter på å bli sendt').click();
  // Each line: what was recorded when, then what can be done about it (a step not sent can be dropped).
  const approved = pending.getByRole('listitem').filter({ hasText: /^Godkjent, registrert \d{2}\.\d{2}\.\d{4} kl\. \d{2}\.\d{2}Avbryt sending$/ });
  await expect(approved).toHaveCount(1);
  await expect(approved.getByRole('button', { name: 'Avbryt sending' })).toHaveAccessibleDescription(/^Godkjent, registrert /);
  // Every step so far waits for the website: two sendings, the return and the approval.
  await expect(page.getByRole('contentinfo')).toContainText('4 endringer venter på sending');
  await page.getByRole('main').getByRole('textbox', { name: 'Tittel' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('nb-approved-offline') });
  await page.getByRole('contentinfo').getByRole('button', { name: 'Vis hva som venter' }).click();
  const details = page.getByRole('dialog', { name: 'Venter på å bli sendt' });
  await expect(details.getByRole('listitem').filter({ hasText: 'Nye legar til Nord-Noreg' }).filter({ hasText: 'Godkjent, registrert' })).toBeVisible();
  await page.screenshot({ path: shot('nb-outbox-details') });
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
  await expect(page.getByRole('contentinfo').getByRole('button', { name: 'Vis hva som venter' })).toBeFocused();
  await goOnline(page, context);

  // An edit after approval revokes it, visibly and announced.
  await page.getByRole('textbox', { name: 'Tittel' }).fill('Tretti nye legar til Nord-Noreg');
  await page.getByRole('textbox', { name: 'Ingress' }).focus();
  await expect(page.getByRole('alert').filter({ hasText: 'Godkjenningen er trukket tilbake' })).toBeVisible();
  await expect(bar.getByText('Status: Til godkjenning', { exact: true })).toBeVisible();
  await expect(log.getByRole('listitem').first()).toContainText('Godkjenning trukket tilbake (teksten ble endret)');
  await page.screenshot({ path: shot('nb-revoked') });

  // Approved again; the publisher cannot publish before the sperrefrist, only schedule.
  await bar.getByRole('button', { name: 'Godkjenn' }).click();
  await page.getByRole('dialog', { name: 'Godkjenn' }).getByRole('button', { name: 'Godkjenn' }).click();
  await expect(bar.getByText('Status: Godkjent', { exact: true })).toBeVisible();
  await openProfileMenu(page);
  await page.screenshot({ path: shot('nb-profile-menu') });
  await page.keyboard.press('Escape');
  await expect(profileButton(page)).toBeFocused();
  await switchTo(page, 'Per Publiserer');
  await expect(bar.getByRole('button')).toHaveText(['Planlegg publisering']);
  await page.screenshot({ path: shot('nb-publisher-schedule-only') });
  await expect(bar.getByRole('button', { name: 'Publiser', exact: true })).toHaveCount(0);
  await expect(bar.getByText('Sperrefrist til 24.11.2030 kl. 10.00: kan bare planlegges.')).toBeVisible();
  // Nor through the services, whatever the renderer offers.
  const documentId = await page.evaluate(async () => {
    const response = await fetch('/api/call/library%3Alist', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ input: { query: { view: 'active', statuses: [], types: [], maalformer: [], text: '', sort: 'updated', direction: 'desc', queue: 'all' }, offset: 0, limit: 1 } }),
    });
    return ((await response.json()) as { value: { items: { id: string; revision: number }[] } }).value.items[0];
  });
  const refused = await page.evaluate(async (doc) => {
    const response = await fetch('/api/call/workflow%3Atransition', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ input: { id: doc?.id, action: 'publish', comment: '', baseRevision: doc?.revision, acceptSpelling: false } }),
    });
    return (await response.json()) as { ok: boolean; error?: { code: string } };
  }, documentId);
  expect(refused).toMatchObject({ ok: false, error: { code: 'embargo_not_passed' } });

  await bar.getByRole('button', { name: 'Planlegg publisering' }).click();
  dialog = page.getByRole('dialog', { name: 'Planlegg publisering' });
  await expect(dialog).toContainText('24.11.2030 kl. 10.00 (norsk tid)');
  await dialog.getByRole('button', { name: 'Planlegg publisering' }).click();
  await expect(bar.getByText('Status: Planlagt', { exact: true })).toBeVisible();
  await expect(bar.getByText('Publiseres 24.11.2030 kl. 10.00')).toBeVisible();
  await expect(bar.getByRole('button')).toHaveText(['Avbryt planleggingen']);
});

test('the checklist leads to the image card’s alt text, and the step dialog reads naturally in Bokmål, Nynorsk and English', async ({ page, devhost }) => {
  await page.goto(devhost.url);
  await expect(page.getByRole('heading', { name: 'Ingen dokumenter ennå' })).toBeVisible();
  await page.keyboard.press('Control+N');
  await page.getByRole('main').getByLabel('Målform').selectOption('nn');
  await page.getByRole('textbox', { name: 'Tittel' }).fill('Nye legar til Nord-Noreg');
  await page.getByRole('textbox', { name: 'Brødtekst' }).click();
  await page.keyboard.type('Regjeringa gir pengar til fleire legar i nord.');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Legg til bilde …' }).click();
  await (await chooser).setFiles([{ name: 'legekontor.jpg', mimeType: 'image/jpeg', buffer: await photo() }]);
  await expect(page.getByRole('list', { name: 'Bilder i dokumentet' }).getByRole('heading', { name: 'Bilde 1' })).toBeVisible();
  await saved(page);

  const bar = workflowBar(page);
  // One person with every role (the first profile) sees the writer's step only while it is a draft.
  await expect(bar.getByRole('button')).toHaveText(['Send til godkjenning']);
  const open = async (label: string, group = 'Arbeidsflyt') => {
    await page.getByRole('main').getByRole('group', { name: group }).getByRole('button', { name: label }).click();
    const dialog = page.getByRole('dialog', { name: label });
    await expect(dialog.getByRole('region').getByRole('list').first()).toBeVisible();
    return dialog;
  };
  let dialog = await open('Send til godkjenning');
  const blocking = dialog.getByRole('list', { name: 'Må rettes først (3)' });
  await expect(blocking.getByRole('listitem')).toHaveText([/Ingressen mangler\./, /Bilde 1 mangler alternativ tekst og er ikke merket som dekorativt\./, /En pressemelding må ha minst én pressekontakt\./]);
  const warnings = dialog.getByRole('list', { name: 'Bør sjekkes (2)' });
  await expect(warnings.getByRole('listitem')).toHaveText([/^!Advarsel: Bilde 1 mangler bildetekst\.$/, /^!Advarsel: Bilde 1 mangler fotograf eller kilde\.$/]);
  await expect(dialog.getByRole('list', { name: 'I orden' })).toContainText('Tittel');
  await page.screenshot({ path: shot('nb-checklist') });

  // The link goes to the alt text of that very image card.
  await blocking.getByRole('button', { name: /Bilde 1 mangler alternativ tekst/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Alternativ tekst' })).toBeFocused();
  await page.keyboard.type('Ein lege lyttar på hjartet til ein pasient.');

  // Escape closes the dialog and focus returns to the step's button.
  dialog = await open('Send til godkjenning');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(bar.getByRole('button', { name: 'Send til godkjenning' })).toBeFocused();

  for (const [language, group, label, heading] of [
    ['nn', 'Arbeidsflyt', 'Send til godkjenning', 'Må rettast først (2)'],
    ['en', 'Workflow', 'Send for approval', 'Must be fixed first (2)'],
  ] as const) {
    await page.evaluate(async (uiLanguage) => {
      await fetch('/api/call/settings%3Aupdate', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ input: { uiLanguage } }) });
    }, language);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    dialog = await open(label, group);
    await expect(dialog.getByRole('list', { name: heading })).toBeVisible();
    await page.screenshot({ path: shot(`${language}-checklist`) });
    await page.keyboard.press('Escape');
  }
  const english = page.getByRole('main').getByRole('group', { name: 'Workflow' });
  await expect(english.getByRole('button')).toHaveText(['Send for approval']);
});

/** A small landscape photo, made here as a real JPEG. */
async function photo(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"><rect width="100%" height="100%" fill="#6fa3d8"/><rect y="560" width="100%" height="240" fill="#2e4a3b"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

/**
 * The machine loses its network. Chromium's own offline switch (`context.setOffline`) also cuts
 * 127.0.0.1, where the devhost stands in for Electron's IPC, which no network loss touches. So:
 * every request off this machine is refused, and the page is told what the OS would tell it
 * (navigator.onLine false, an `offline` event), while the local services keep answering.
 */
async function goOffline(page: Page, context: BrowserContext) {
  await context.route((url) => url.hostname !== '127.0.0.1', (route) => route.abort('internetdisconnected'));
  await page.evaluate(() => {
    Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false });
    window.dispatchEvent(new Event('offline'));
  });
}

async function goOnline(page: Page, context: BrowserContext) {
  await context.unrouteAll();
  await page.evaluate(() => {
    Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => true });
    window.dispatchEvent(new Event('online'));
  });
}
