import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/devhost';

/** A new, empty press release in Bokmål, its title typed. */
async function newRelease(page: Page, url: string, title: string) {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Ingen dokumenter ennå' })).toBeVisible();
  await page.keyboard.press('Control+N');
  const titleField = page.getByRole('textbox', { name: 'Tittel' });
  await titleField.fill(title);
}

const saved = (page: Page) => expect(page.getByRole('main').getByRole('status')).toHaveText(/^Lagret \d/);

test.describe('press contacts', () => {
  test('a person added to the register is picked by keyboard, ordered, and kept with the document', async ({ page, devhost }) => {
    await newRelease(page, devhost.url, 'Nye fastleger i Nord-Norge');

    await page.getByRole('button', { name: 'Kontaktregister …' }).click();
    const register = page.getByRole('dialog', { name: 'Kontaktregister' });
    await expect(register.getByText('Registeret er tomt.', { exact: false })).toBeVisible();
    await register.getByRole('button', { name: 'Ny kontakt' }).click();
    await register.getByRole('textbox', { name: 'Navn', exact: true }).fill('Per Hansen');
    await register.getByRole('textbox', { name: 'Rolle på bokmål' }).fill('pressevakt');
    await register.getByRole('textbox', { name: 'Rolle på nynorsk' }).fill('pressevakt');
    await register.getByRole('textbox', { name: 'Telefon' }).fill('+47 22 24 91 00');
    await register.getByRole('textbox', { name: 'E-post' }).fill('per.hansen@hod.dep.no');
    await register.getByRole('button', { name: 'Lagre' }).click();
    await expect(register.getByRole('list', { name: 'Personer i registeret' }).getByRole('listitem')).toHaveCount(1);
    await register.getByRole('button', { name: 'Ny kontakt' }).click();
    await register.getByRole('textbox', { name: 'Navn', exact: true }).fill('Åse Berg');
    await register.getByRole('textbox', { name: 'Rolle på bokmål' }).fill('kommunikasjonssjef');
    await register.getByRole('textbox', { name: 'Rolle på nynorsk' }).fill('kommunikasjonssjef');
    await register.getByRole('textbox', { name: 'E-post' }).fill('ase.berg@hod.dep.no');
    await register.getByRole('button', { name: 'Lagre' }).click();
    await expect(register.getByRole('list', { name: 'Personer i registeret' }).getByRole('listitem')).toHaveCount(2);
    await page.keyboard.press('Escape');
    await expect(register).toBeHidden();
    // Focus is back where the dialog was opened from.
    await expect(page.getByRole('button', { name: 'Kontaktregister …' })).toBeFocused();

    // Pick by keyboard: type to filter by role, arrow down, Enter.
    const picker = page.getByRole('combobox', { name: 'Legg til pressekontakt' });
    await picker.focus();
    await page.keyboard.type('presse');
    const options = page.getByRole('listbox', { name: 'Kontakter i registeret' }).getByRole('option');
    await expect(options.filter({ hasText: 'Per Hansen' })).toBeVisible();
    await expect(options.filter({ hasText: 'Åse Berg' })).toHaveCount(0);
    await page.keyboard.press('ArrowDown');
    await expect(picker).toHaveAttribute('aria-activedescendant', /option-0$/);
    await page.keyboard.press('Enter');
    await expect(picker).toHaveValue('');
    await expect(picker).toBeFocused();
    await page.keyboard.type('åse');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');

    const cards = page.getByRole('list', { name: 'Valgte pressekontakter' }).getByRole('listitem');
    await expect(cards).toHaveCount(2);
    await expect(cards.nth(0)).toContainText('Per Hansen');
    await expect(cards.nth(0)).toContainText('pressevakt');
    await expect(cards.nth(0)).toContainText('Telefon: +47 22 24 91 00');

    // Reorder with the keyboard: focus stays on the moved card.
    await page.getByRole('button', { name: 'Flytt Åse Berg opp' }).focus();
    await page.keyboard.press('Enter');
    await expect(cards.nth(0)).toContainText('Åse Berg');
    await expect(page.getByRole('button', { name: 'Flytt Åse Berg ned' })).toBeFocused();

    // Someone already in the document is shown, but not offered twice.
    await picker.focus();
    await page.keyboard.type('Per');
    await expect(options.filter({ hasText: 'Per Hansen' })).toHaveAttribute('aria-disabled', 'true');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(picker).toHaveValue('');

    await saved(page);
    await devhost.restart();
    await page.goto(devhost.url);
    await page.getByRole('option', { name: /Nye fastleger i Nord-Norge/ }).click();
    await expect(cards).toHaveCount(2);
    await expect(cards.nth(0)).toContainText('Åse Berg');
    await expect(cards.nth(1)).toContainText('Per Hansen');

    // Removing from the document leaves the register alone.
    await page.getByRole('button', { name: 'Fjern Per Hansen' }).click();
    await expect(cards).toHaveCount(1);
    await page.getByRole('button', { name: 'Forhåndsvis' }).click();
    const preview = page.getByRole('article', { name: 'Forhåndsvisning slik det blir publisert' });
    await expect(preview.getByRole('heading', { name: 'Pressekontakter' })).toBeVisible();
    await expect(preview).toContainText('Åse Berg, kommunikasjonssjef');
    await expect(preview).not.toContainText('Per Hansen');
    await page.getByRole('button', { name: 'Rediger' }).click();
    await page.getByRole('combobox', { name: 'Legg til pressekontakt' }).fill('Per');
    await expect(options.filter({ hasText: 'Per Hansen' })).toBeVisible();
  });

  test('a changed register entry can be pulled into the document, and a removed one stays in it', async ({ page, devhost }) => {
    await newRelease(page, devhost.url, 'Kopien blir i dokumentet');
    await page.getByRole('button', { name: 'Kontaktregister …' }).click();
    const register = page.getByRole('dialog', { name: 'Kontaktregister' });
    await register.getByRole('button', { name: 'Ny kontakt' }).click();
    await register.getByRole('textbox', { name: 'Navn', exact: true }).fill('Per Hansen');
    await register.getByRole('textbox', { name: 'Telefon' }).fill('22 24 91 00');
    await register.getByRole('button', { name: 'Lagre' }).click();
    await register.getByRole('button', { name: 'Lukk' }).click();
    await page.getByRole('combobox', { name: 'Legg til pressekontakt' }).fill('per');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const card = page.getByRole('list', { name: 'Valgte pressekontakter' }).getByRole('listitem');
    await expect(card).toContainText('Telefon: 22 24 91 00');

    await page.getByRole('button', { name: 'Kontaktregister …' }).click();
    await register.getByRole('button', { name: 'Rediger Per Hansen' }).click();
    await register.getByRole('textbox', { name: 'Telefon' }).fill('22 24 91 99');
    await register.getByRole('button', { name: 'Lagre' }).click();
    await expect(register.getByRole('list', { name: 'Personer i registeret' })).toContainText('22 24 91 99');
    await page.keyboard.press('Escape');

    // The document kept its copy, and says the register knows better.
    await expect(card).toContainText('Telefon: 22 24 91 00');
    await expect(card).toContainText('Registeret har nyere opplysninger om Per Hansen.');
    await card.getByRole('button', { name: 'Oppdater fra registeret' }).click();
    await expect(card).toContainText('Telefon: 22 24 91 99');
    await expect(card.getByRole('button', { name: 'Oppdater fra registeret' })).toHaveCount(0);

    // Removing asks first; Escape answers the question, not the register.
    await page.getByRole('button', { name: 'Kontaktregister …' }).click();
    await register.getByRole('button', { name: 'Fjern Per Hansen' }).click();
    const question = page.getByRole('dialog', { name: 'Vil du fjerne Per Hansen fra registeret?' });
    await expect(question).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(question).toBeHidden();
    await expect(register).toBeVisible();
    await register.getByRole('button', { name: 'Fjern Per Hansen' }).click();
    await question.getByRole('button', { name: 'Fjern Per Hansen' }).click();
    await expect(register.getByText('Registeret er tomt.', { exact: false })).toBeVisible();
    await register.getByRole('button', { name: 'Lukk' }).click();
    await expect(card).toContainText('Per Hansen');
    await expect(card).toContainText('Telefon: 22 24 91 99');
  });

  test('an invalid e-mail in the register is explained beside the field and nothing typed is lost', async ({ page, devhost }) => {
    await newRelease(page, devhost.url, 'Kontakt med feil');
    const picker = page.getByRole('combobox', { name: 'Legg til pressekontakt' });
    await picker.fill('Kari Nordmann');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('option', { name: 'Legg «Kari Nordmann» inn i registeret …' })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');

    const register = page.getByRole('dialog', { name: 'Kontaktregister' });
    const name = register.getByRole('textbox', { name: 'Navn', exact: true });
    await expect(name).toHaveValue('Kari Nordmann');
    await expect(name).toBeFocused();
    await register.getByRole('textbox', { name: 'Rolle på bokmål' }).fill('kommunikasjonsrådgiver');
    await register.getByRole('textbox', { name: 'Telefon' }).fill('22 24 00 01');
    const email = register.getByRole('textbox', { name: 'E-post' });
    await email.fill('kari.nordmann(at)hod.dep.no');
    await register.getByRole('button', { name: 'Lagre og legg til i dokumentet' }).click();

    await expect(register.getByRole('alert')).toHaveText('Sjekk feltene som er merket nedenfor. Ingenting du har skrevet, er tapt.');
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toHaveAccessibleDescription('Dette ser ikke ut som en e-postadresse. Skriv den som navn@departement.no.');
    await expect(email).toBeFocused();
    await expect(name).toHaveValue('Kari Nordmann');
    await expect(register.getByRole('textbox', { name: 'Rolle på bokmål' })).toHaveValue('kommunikasjonsrådgiver');
    await expect(register.getByRole('textbox', { name: 'Telefon' })).toHaveValue('22 24 00 01');
    await expect(email).toHaveValue('kari.nordmann(at)hod.dep.no');

    await email.fill('kari.nordmann@hod.dep.no');
    await expect(email).not.toHaveAttribute('aria-invalid', 'true');
    await page.keyboard.press('Enter');
    await expect(register).toBeHidden();
    await expect(page.getByRole('list', { name: 'Valgte pressekontakter' }).getByRole('listitem')).toContainText('Kari Nordmann');
    await expect(picker).toBeFocused();
  });
});

test.describe('sperrefrist on a machine in New York', () => {
  test.use({ timezoneId: 'America/New_York' });

  test('is typed and shown in Norwegian time, and the preview agrees', async ({ page, devhost }) => {
    await newRelease(page, devhost.url, 'Statsbudsjettet for 2031');
    // The browser really is in New York: Oslo time must not come from the machine's zone.
    expect(await page.evaluate(() => new Date('2030-11-24T09:00:00Z').getHours())).toBe(4);

    await page.getByRole('checkbox', { name: 'Sperrefrist' }).check();
    const date = page.getByRole('textbox', { name: 'Dato' });
    const time = page.getByRole('textbox', { name: 'Klokkeslett' });
    // Switching it on suggests tomorrow at 10.00, Norwegian time.
    await expect(time).toHaveValue('10.00');
    await date.fill('24.11.2030');
    await time.fill('10.00');
    await expect(page.getByText('Sperrefrist: 24.11.2030 kl. 10.00 (norsk tid)')).toBeVisible();
    await expect(date).toHaveAccessibleDescription(/Sperrefrist: 24\.11\.2030 kl\. 10\.00/);

    await page.getByRole('button', { name: 'Forhåndsvis' }).click();
    const preview = page.getByRole('article', { name: 'Forhåndsvisning slik det blir publisert' });
    await expect(preview.getByText('Sperrefrist: 24.11.2030 kl. 10.00', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Rediger' }).click();

    // Summer time: still the Oslo wall clock.
    await date.fill('24.06.2030');
    await expect(page.getByText('Sperrefrist: 24.06.2030 kl. 10.00 (norsk tid)')).toBeVisible();

    await saved(page);
    await page.reload();
    await page.getByRole('option', { name: /Statsbudsjettet for 2031/ }).click();
    await expect(page.getByRole('textbox', { name: 'Dato' })).toHaveValue('24.06.2030');
    await expect(page.getByRole('textbox', { name: 'Klokkeslett' })).toHaveValue('10.00');
  });

  test('explains an invalid date, the spring gap, the autumn overlap and a time in the past', async ({ page, devhost }) => {
    await newRelease(page, devhost.url, 'Klokka stilles');
    await page.getByRole('checkbox', { name: 'Sperrefrist' }).check();
    const date = page.getByRole('textbox', { name: 'Dato' });
    const time = page.getByRole('textbox', { name: 'Klokkeslett' });

    // Nothing is said while the date may be half typed; leaving the field checks it.
    await date.fill('31.11.2030');
    await expect(date).not.toHaveAttribute('aria-invalid', 'true');
    await date.press('Tab');
    await expect(time).toBeFocused();
    await expect(date).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Den datoen finnes ikke. Til dette er rettet, beholdes sperrefristen som sist ble lagret.')).toBeVisible();

    await date.fill('24.11.2030');
    await time.fill('10.00');
    await expect(date).not.toHaveAttribute('aria-invalid', 'true');
    await date.fill('31.11.2030');
    await expect(page.getByText('Den datoen finnes ikke. Til dette er rettet, beholdes sperrefristen som sist ble lagret.')).toBeVisible();
    // The last good value is still what is stored and shown.
    await expect(page.getByText('Sperrefrist: 24.11.2030 kl. 10.00 (norsk tid)')).toBeVisible();

    // Last Sunday of March 2030 is the 31st: 02.30 never happens in Oslo.
    await date.fill('31.03.2030');
    await time.fill('02.30');
    await expect(page.getByText('Klokka stilles fram den natten, så 02.30 finnes ikke i norsk tid. Sperrefristen er satt til 03.30 (sommertid).')).toBeVisible();
    await expect(page.getByText('Sperrefrist: 31.03.2030 kl. 03.30 (norsk tid)')).toBeVisible();

    // Last Sunday of October 2030 is the 27th: 02.30 happens twice.
    await date.fill('27.10.2030');
    await expect(page.getByText('Klokka stilles tilbake den natten, så 02.30 kommer to ganger. Den første, i sommertid (UTC+2), brukes.')).toBeVisible();
    await expect(page.getByText('Sperrefrist: 27.10.2030 kl. 02.30 (norsk tid)')).toBeVisible();

    await time.fill('25.00');
    await expect(page.getByText(/^Timen må være 00–23 og minuttene 00–59\./)).toBeVisible();

    await date.fill('02.01.2020');
    await time.fill('09.00');
    await expect(page.getByText('Dette tidspunktet har allerede vært.')).toBeVisible();
    // A warning, not a block: it is stored.
    await expect(page.getByText('Sperrefrist: 02.01.2020 kl. 09.00 (norsk tid)')).toBeVisible();

    // Off and on again: what was typed comes back.
    await page.getByRole('checkbox', { name: 'Sperrefrist' }).uncheck();
    await expect(date).toBeHidden();
    await page.getByRole('checkbox', { name: 'Sperrefrist' }).check();
    await expect(date).toHaveValue('02.01.2020');
  });
});

test('tags are added and removed with the keyboard', async ({ page, devhost }) => {
  await newRelease(page, devhost.url, 'Stikkord');
  const input = page.getByRole('textbox', { name: 'Stikkord' });
  const chips = page.getByRole('list', { name: 'Stikkord på dokumentet' }).getByRole('listitem');
  // Each chip is its text and a remove button whose × is hidden from screen readers.
  const tags = () => chips.evaluateAll((items) => items.map((item) => item.firstElementChild?.textContent));
  await input.focus();
  await page.keyboard.type('  helse  ');
  await page.keyboard.press('Enter');
  await page.keyboard.type('sykehus,ventetider,');
  await expect.poll(tags).toEqual(['helse', 'sykehus', 'ventetider']);
  await expect(input).toHaveValue('');

  await page.keyboard.type('HELSE');
  await page.keyboard.press('Enter');
  await expect(page.getByText('«HELSE» er der allerede.')).toBeVisible();
  await expect(chips).toHaveCount(3);

  await page.keyboard.press('Backspace');
  await expect.poll(tags).toEqual(['helse', 'sykehus']);
  await expect(input).toBeFocused();

  await page.getByRole('button', { name: 'Fjern stikkordet helse' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(tags).toEqual(['sykehus']);
  await expect(input).toBeFocused();

  await page.keyboard.type('x'.repeat(101));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Et stikkord kan være på høyst 100 tegn.')).toBeVisible();
  await expect(input).toHaveValue('x'.repeat(101));
  await input.fill('');

  await saved(page);
  await page.reload();
  await page.getByRole('option', { name: /Stikkord/ }).click();
  await expect.poll(tags).toEqual(['sykehus']);
});

test('the internal note is kept across a restart and never shown in the preview', async ({ page, devhost }) => {
  const NOTE = 'Tallene er ikke kvalitetssikret av budsjettavdelingen ennå.';
  await newRelease(page, devhost.url, 'Med intern merknad');
  const note = page.getByRole('textbox', { name: 'Priv. til red. – blir aldri publisert' });
  await expect(note).toHaveAccessibleDescription(/Vises aldri i forhåndsvisningen og blir aldri publisert/);
  await note.fill(NOTE);
  await page.getByRole('textbox', { name: 'Ingress' }).fill('En kort ingress.');
  await saved(page);

  await devhost.restart();
  await page.goto(devhost.url);
  await page.getByRole('option', { name: /Med intern merknad/ }).click();
  await expect(page.getByRole('textbox', { name: 'Priv. til red. – blir aldri publisert' })).toHaveValue(NOTE);

  await page.getByRole('button', { name: 'Forhåndsvis' }).click();
  const preview = page.getByRole('article', { name: 'Forhåndsvisning slik det blir publisert' });
  await expect(preview.getByText('En kort ingress.')).toBeVisible();
  await expect(preview).not.toContainText('budsjettavdelingen');
  await expect(preview).not.toContainText('Priv. til red.');
  await page.getByRole('button', { name: 'Rediger' }).click();

  // A copy carries the note along (it is content, just never published).
  await page.getByRole('button', { name: 'Lag kopi' }).click();
  await page.getByRole('option', { name: /Med intern merknad \(kopi\)/ }).click();
  await expect(page.getByRole('textbox', { name: 'Tittel' })).toHaveValue('Med intern merknad (kopi)');
  await expect(page.getByRole('textbox', { name: 'Priv. til red. – blir aldri publisert' })).toHaveValue(NOTE);
});

test('document-facing labels follow the målform of the document, the rest the UI language', async ({ page, devhost }) => {
  await newRelease(page, devhost.url, 'Målform');
  const details = page.getByRole('region', { name: 'Kontakter, sperrefrist og stikkord' });
  await expect(details.getByRole('heading', { name: 'Pressekontakter' })).toBeVisible();
  await page.getByRole('main').getByRole('combobox', { name: 'Målform' }).selectOption('nn');
  await expect(details.getByRole('heading', { name: 'Pressekontaktar' })).toHaveAttribute('lang', 'nn');
  await expect(page.getByRole('main').getByRole('combobox', { name: 'Type' }).getByRole('option', { name: 'Nyheit' })).toBeAttached();
  // The editor's own words stay in the UI language (Bokmål).
  await expect(details.getByRole('combobox', { name: 'Legg til pressekontakt' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Priv. til red. – blir aldri publisert' })).toBeVisible();
});
