// Settings → Publishing against a real WordPress (Debian packages, ../shared/backends/wordpress-up.sh)
// on 127.0.0.1:8082 (MELDING_SETTINGS_WP_PORT): a wrong password, an editor and a contributor,
// the backend in use, a restart, and the password never stored in plain text.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, ROOT, test } from './fixtures/devhost';

const PORT = process.env.MELDING_SETTINGS_WP_PORT ?? '8082';
const SCRIPT = process.env.MELDING_WP_UP ?? join(ROOT, '..', 'shared', 'backends', 'wordpress-up.sh');
const shot = (name: string) => join(ROOT, '.tmp/screenshots', `${name}.png`);
const EDITOR_NAME = 'Rita Redaktør';

interface Wp {
  readonly base: string;
  readonly env: Readonly<Record<string, string>>;
}

function bringUp(): Wp | string {
  if (!existsSync(SCRIPT)) return `WordPress test backend script not found at ${SCRIPT}`;
  if (process.getuid?.() !== 0) return 'wordpress-up.sh needs root to start WordPress';
  try {
    const out = execFileSync('bash', [SCRIPT, PORT], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });
    const env = Object.fromEntries([...out.matchAll(/^(WP_\w+)=(.*)$/gm)].map((m) => [m[1] ?? '', (m[2] ?? '').replace(/^'(.*)'$/, '$1')]));
    if (!env.WP_BASE_URL || !env.WP_EDITOR_APP_PASSWORD || !env.WP_CONTRIBUTOR_APP_PASSWORD) return 'wordpress-up.sh printed no credentials';
    return { base: env.WP_BASE_URL, env };
  } catch (error) {
    return `WordPress could not start: ${(error as Error).message.split('\n')[0]}`;
  }
}

const wp = bringUp();
// In CI a missing WordPress is a failure, never a quiet skip.
if (typeof wp === 'string' && process.env.CI) throw new Error(`publishSettings.spec needs WordPress: ${wp}`);
const skipReason = typeof wp === 'string' ? wp : null;
test.skip(skipReason !== null, skipReason ?? '');

const creds = (role: 'EDITOR' | 'CONTRIBUTOR') => {
  if (typeof wp === 'string') throw new Error(wp);
  return { user: wp.env[`WP_${role}_USER`] ?? role.toLowerCase(), password: wp.env[`WP_${role}_APP_PASSWORD`] ?? '' };
};

test.beforeAll(async () => {
  if (typeof wp === 'string') return;
  // A display name as a ministry's editor would have (the test site's is "Editor").
  const admin = Buffer.from(`${wp.env.WP_ADMIN_USER ?? 'admin'}:${wp.env.WP_ADMIN_APP_PASSWORD ?? ''}`).toString('base64');
  const editor = creds('EDITOR');
  const me = (await (await fetch(`${wp.base}/wp-json/wp/v2/users/me`, { headers: { authorization: `Basic ${Buffer.from(`${editor.user}:${editor.password}`).toString('base64')}` } })).json()) as { id: number };
  const renamed = await fetch(`${wp.base}/wp-json/wp/v2/users/${me.id}`, {
    method: 'POST',
    headers: { authorization: `Basic ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: EDITOR_NAME }),
  });
  expect(renamed.ok).toBe(true);
});

async function openPublishing(page: Page, settingsName = 'Innstillinger', heading = 'Publisering'): Promise<{ settings: Locator; section: Locator }> {
  await page.getByRole('button', { name: settingsName }).click();
  const settings = page.getByRole('dialog', { name: settingsName });
  const section = settings.getByRole('region', { name: heading });
  await section.scrollIntoViewIfNeeded();
  return { settings, section };
}

/** Every byte under the data folder, as text: the password must be in none of it. */
async function dataFolderText(dir: string): Promise<string> {
  let text = '';
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) text += (await readFile(join(entry.parentPath, entry.name))).toString('latin1');
  }
  return text;
}

test('WordPress sites in Settings: a wrong password, an editor, a contributor, the site in use, and a restart', async ({ page, devhost }) => {
  test.setTimeout(120_000);
  if (typeof wp === 'string') return;
  const editor = creds('EDITOR');
  const contributor = creds('CONTRIBUTOR');
  await page.goto(devhost.url);
  let { settings, section } = await openPublishing(page);
  const inUse = section.getByRole('group', { name: 'Publiser til' });
  await expect(inUse.getByRole('radio', { name: 'Lokalt nettsted på denne maskinen' })).toBeChecked();
  await expect(section).toContainText(join(devhost.dataDir, 'site'));

  // A new site: the address as pasted from the admin pages, a wrong password first.
  await section.getByRole('button', { name: 'Legg til WordPress-nettsted' }).click();
  const form = section.getByRole('form', { name: 'Nytt WordPress-nettsted' });
  await expect(form.getByRole('textbox', { name: 'Navn', exact: true })).toBeFocused();
  await form.getByRole('textbox', { name: 'Navn', exact: true }).fill('Departementet');
  await form.getByRole('textbox', { name: 'Adressen til nettstedet' }).fill(`${wp.base}/wp-admin/`);
  await form.getByRole('textbox', { name: 'Brukernavn' }).fill(editor.user);
  const password = form.getByLabel('Applikasjonspassord');
  await expect(password).toHaveAttribute('type', 'password');
  await password.fill('feil passord som ikke finnes');
  const testButton = form.getByRole('button', { name: 'Test tilkobling' });
  await testButton.click();
  await expect(form.getByRole('alert')).toHaveText(/^Nettstedet godtok ikke brukernavnet eller applikasjonspassordet\./);
  await expect(testButton).toBeFocused();
  await form.screenshot({ path: shot('nb-publish-settings-wrong-password') });

  // The right password: who the user is, the roles, and what they may do.
  await password.fill(editor.password);
  await expect(form.getByRole('alert')).toHaveCount(0);
  await testButton.click();
  await expect(form.getByRole('heading', { name: 'Tilkoblingen virker' })).toBeVisible({ timeout: 20_000 });
  await expect(form).toContainText(`${EDITOR_NAME}, innlogget som ${editor.user}`);
  await expect(form).toContainText('Roller på nettstedet: editor');
  const capabilities = form.getByRole('listitem').filter({ hasText: /: (ja|nei)$/ });
  await expect(capabilities).toHaveText([/Sende til godkjenning: ja/, /Godkjenne andres tekster: ja/, /Publisere og planlegge: ja/, /Laste opp bilder: ja/, /Ta ned publiserte saker: ja/]);
  // The test site has no companion plugin: the form says what is then not possible.
  await expect(form).toContainText('Melding-tillegget er ikke installert på nettstedet.');
  await expect(form.locator('.connection-limits li').first()).toBeVisible();
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(form).toBeHidden();
  await expect(section).toContainText('«Departementet» er lagret.');
  await expect(section.getByRole('button', { name: 'Endre Departementet' })).toBeFocused();
  await expect(section).toContainText(`${wp.base}, bruker ${editor.user}`);
  await expect(section).toContainText(`Sist testet: ${EDITOR_NAME} (editor)`);

  // A contributor, by keyboard alone: may send for approval, may not publish or upload.
  await section.getByRole('button', { name: 'Legg til WordPress-nettsted' }).focus();
  await page.keyboard.press('Enter');
  const second = section.getByRole('form', { name: 'Nytt WordPress-nettsted' });
  await expect(second.getByRole('textbox', { name: 'Navn', exact: true })).toBeFocused();
  await page.keyboard.type('Bidragsyter');
  await page.keyboard.press('Tab');
  await expect(second.getByRole('textbox', { name: 'Adressen til nettstedet' })).toBeFocused();
  await page.keyboard.type(wp.base);
  await page.keyboard.press('Tab');
  await page.keyboard.type(contributor.user);
  await page.keyboard.press('Tab');
  await page.keyboard.type(contributor.password);
  await second.getByRole('button', { name: 'Test tilkobling' }).focus();
  await page.keyboard.press('Enter');
  await expect(second.getByRole('heading', { name: 'Tilkoblingen virker' })).toBeVisible({ timeout: 20_000 });
  await expect(second).toContainText('Roller på nettstedet: contributor');
  await expect(second.getByRole('listitem').filter({ hasText: /: (ja|nei)$/ })).toHaveText([
    /Sende til godkjenning: ja/,
    /Godkjenne andres tekster: nei/,
    /Publisere og planlegge: nei/,
    /Laste opp bilder: nei/,
    /Ta ned publiserte saker: nei/,
  ]);
  await second.getByRole('textbox', { name: 'Brukernavn' }).focus();
  await page.keyboard.press('Enter');
  await expect(second).toBeHidden();
  await expect(section).toContainText('Sist testet: Contributor (contributor)');

  // Switch the site in use; Profile shows what it grants.
  await inUse.getByRole('radio', { name: 'Departementet' }).check();
  await expect(section).toContainText('Nye steg publiseres til Departementet.');
  await expect.poll(async () => JSON.parse(await readFile(join(devhost.dataDir, 'settings.json'), 'utf8')).activeBackendId as string).toMatch(/^wp-/);
  await expect(settings).toContainText(`${EDITOR_NAME}, innlogget som ${editor.user}`);

  // Restart: still there, still in use, and no password anywhere in the data folder.
  await devhost.restart();
  await page.goto(devhost.url);
  ({ settings, section } = await openPublishing(page));
  await expect(section.getByRole('group', { name: 'Publiser til' }).getByRole('radio', { name: 'Departementet' })).toBeChecked();
  await expect(section).toContainText(`Sist testet: ${EDITOR_NAME} (editor)`);
  const stored = await dataFolderText(devhost.dataDir);
  expect(stored).toContain('Departementet');
  for (const secret of [editor.password, contributor.password]) {
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(secret.replaceAll(' ', ''));
    expect(stored).not.toContain(Buffer.from(secret).toString('base64'));
  }

  // Editing keeps the stored password when the field is left empty, and it still works.
  await section.getByRole('button', { name: 'Endre Departementet' }).click();
  const edit = section.getByRole('form', { name: 'Endre Departementet' });
  await expect(edit.getByLabel('Applikasjonspassord')).toHaveValue('');
  await expect(edit).toContainText('La feltet stå tomt for å beholde det lagrede passordet.');
  await edit.getByRole('button', { name: 'Test tilkobling' }).click();
  await expect(edit.getByRole('heading', { name: 'Tilkoblingen virker' })).toBeVisible({ timeout: 20_000 });
  // Escape leaves the form, not Settings, and focus goes back to where it came from.
  await page.keyboard.press('Escape');
  await expect(edit).toBeHidden();
  await expect(settings).toBeVisible();
  await expect(section.getByRole('button', { name: 'Endre Departementet' })).toBeFocused();

  // Removing the site in use: the local site takes over.
  await section.getByRole('button', { name: 'Fjern Departementet' }).click();
  const confirm = section.getByRole('group', { name: 'Fjern Departementet' });
  await expect(confirm).toContainText('Det lagrede passordet slettes.');
  await expect(confirm.getByRole('button', { name: 'Fjern' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(section).toContainText('«Departementet» er fjernet.');
  await expect(section.getByRole('button', { name: 'Legg til WordPress-nettsted' })).toBeFocused();
  await expect(section.getByRole('group', { name: 'Publiser til' }).getByRole('radio', { name: 'Lokalt nettsted på denne maskinen' })).toBeChecked();
  await expect(section.getByRole('radio')).toHaveCount(2);
});

test('the form says what is wrong at each field, and the local site says where it is when it cannot open', async ({ page, devhost }) => {
  await page.goto(devhost.url);
  const { section } = await openPublishing(page);
  await section.getByRole('button', { name: 'Legg til WordPress-nettsted' }).click();
  const form = section.getByRole('form', { name: 'Nytt WordPress-nettsted' });
  const address = form.getByRole('textbox', { name: 'Adressen til nettstedet' });
  await address.fill('http://www.departementet.example');
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(address).toBeFocused();
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await expect(address).toHaveAccessibleDescription(/Vanlig http:\/\/ sender passordet ubeskyttet/);
  await expect(form.getByRole('textbox', { name: 'Brukernavn' })).toHaveAccessibleDescription('Skriv inn brukernavnet ditt på nettstedet.');
  await expect(form.getByLabel('Applikasjonspassord')).toHaveAccessibleDescription(/Skriv inn applikasjonspassordet\./);

  // A site that does not answer: the catalogue's message next to the button.
  await address.fill('http://127.0.0.1:9');
  await form.getByRole('textbox', { name: 'Brukernavn' }).fill('editor');
  await form.getByLabel('Applikasjonspassord').fill('abcd efgh ijkl');
  await expect(address).not.toHaveAttribute('aria-invalid', 'true');
  await form.getByRole('button', { name: 'Test tilkobling' }).click();
  await expect(form.getByRole('alert')).toHaveText(/^Fikk ikke kontakt med nettstedet\./, { timeout: 20_000 });
  await form.getByRole('button', { name: 'Avbryt' }).click();
  await expect(section.getByRole('button', { name: 'Legg til WordPress-nettsted' })).toBeFocused();

  // No desktop here to open files with: the address is shown instead.
  await section.getByRole('button', { name: 'Åpne nettstedet' }).click();
  await expect(section).toContainText('Nettstedet kunne ikke åpnes herfra.');
  await expect(section.locator('.local-site-address code')).toHaveText(`file://${join(devhost.dataDir, 'site', 'index.html')}`);
});

test('the section with a test result reads naturally in Bokmål, Nynorsk and English', async ({ page, devhost }) => {
  test.setTimeout(120_000);
  if (typeof wp === 'string') return;
  const editor = creds('EDITOR');
  await page.setViewportSize({ width: 1280, height: 2200 });
  await page.goto(devhost.url);
  for (const [language, names] of [
    ['nb', { settings: 'Innstillinger', heading: 'Publisering', add: 'Legg til WordPress-nettsted', form: 'Nytt WordPress-nettsted', name: 'Navn', url: 'Adressen til nettstedet', user: 'Brukernavn', test: 'Test tilkobling', ok: 'Tilkoblingen virker', close: 'Lukk' }],
    ['nn', { settings: 'Innstillingar', heading: 'Publisering', add: 'Legg til WordPress-nettstad', form: 'Ny WordPress-nettstad', name: 'Namn', url: 'Adressa til nettstaden', user: 'Brukarnamn', test: 'Test tilkoplinga', ok: 'Tilkoplinga verkar', close: 'Lukk' }],
    ['en', { settings: 'Settings', heading: 'Publishing', add: 'Add WordPress site', form: 'New WordPress site', name: 'Name', url: 'Site address', user: 'User name', test: 'Test connection', ok: 'The connection works', close: 'Close' }],
  ] as const) {
    await page.evaluate(async (uiLanguage) => {
      await fetch('/api/call/settings%3Aupdate', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ input: { uiLanguage } }) });
    }, language);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    const { settings, section } = await openPublishing(page, names.settings, names.heading);
    if (language === 'nn') {
      // What was done in Bokmål is said again in the language now chosen.
      await expect(section.getByText('Nye steg blir publiserte til Departementet (nb).')).toBeVisible();
    }
    await section.getByRole('button', { name: names.add }).click();
    const form = section.getByRole('form', { name: names.form });
    await form.getByRole('textbox', { name: names.name, exact: true }).fill(`Departementet (${language})`);
    await form.getByRole('textbox', { name: names.url }).fill(wp.base);
    await form.getByRole('textbox', { name: names.user }).fill(editor.user);
    await form.locator('input[type="password"]').fill(editor.password);
    await form.getByRole('button', { name: names.test }).click();
    await expect(form.getByRole('heading', { name: names.ok })).toBeVisible({ timeout: 20_000 });
    await section.screenshot({ path: shot(`${language}-publish-settings`) });
    // Saved: the list with the site, its last test, Edit and Remove.
    await form.locator('input[type="password"]').press('Enter');
    await expect(form).toBeHidden();
    await section.screenshot({ path: shot(`${language}-publish-settings-list`) });
    if (language === 'nb') {
      // The first site becomes the one in use; switching the UI language must not change that.
      await section.getByRole('radio', { name: 'Departementet (nb)' }).click();
      await expect(section.getByRole('radio', { name: 'Departementet (nb)' })).toBeChecked();
    }
    await settings.getByRole('button', { name: names.close }).click();
  }
  const { section } = await openPublishing(page, 'Settings', 'Publishing');
  await expect(section.getByRole('radio', { name: 'Departementet (nb)' })).toBeChecked();
});
