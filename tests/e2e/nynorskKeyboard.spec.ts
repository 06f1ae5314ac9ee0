import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/devhost';

/**
 * Moves the focus with Tab (or Shift+Tab) until `target` has it, as a keyboard user does, and
 * fails if it takes more than `limit` presses: a control that Tab never reaches is a defect.
 */
async function tabTo(page: Page, target: Locator, { back = false, limit = 40 } = {}) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target, `reachable with ${back ? 'Shift+Tab' : 'Tab'} within ${limit} presses`).toBeFocused();
}

test('a Nynorsk press release is written from start to preview with the keyboard alone', async ({ page, devhost }) => {
  // A whole writing session, restart included: longer than the default 30 s on a busy machine.
  test.slow();
  await page.goto(devhost.url);
  await expect(page.getByRole('heading', { name: 'Ingen dokumenter ennå' })).toBeVisible();

  // The interface in Nynorsk: Ctrl+, then the arrows in the language choice.
  await page.keyboard.press('Control+Comma');
  await expect(page.getByRole('dialog', { name: 'Innstillinger' })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Norsk nynorsk' })).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Ingen dokument enno' })).toBeVisible();

  // Ctrl+N: a new press release, and the caret is in its title.
  await page.keyboard.press('Control+N');
  const title = page.getByRole('textbox', { name: 'Tittel' });
  await expect(title).toBeFocused();
  // Its name is the label alone; the word count describes it.
  await expect(title).toHaveAccessibleName('Tittel');
  await expect(title).toHaveAccessibleDescription(/0 ord/);

  // The document's målform: back to the select, type-ahead picks Nynorsk.
  const editor = page.getByRole('main');
  const maalform = editor.getByRole('combobox', { name: 'Målform' });
  await tabTo(page, maalform, { back: true });
  await page.keyboard.type('Nynorsk');
  await expect(maalform).toHaveValue('nn');
  await tabTo(page, title);

  await page.keyboard.type('Regjeringa styrkjer beredskapen i nord');
  await page.keyboard.press('Enter');
  const ingress = page.getByRole('textbox', { name: 'Ingress' });
  await expect(ingress).toBeFocused();
  await page.keyboard.type('Regjeringa løyver 40 millionar kroner ekstra til beredskap i Nord-Noreg i år.');

  // The body: Tab passes the toolbar (one stop) and lands in the text.
  const body = page.getByRole('textbox', { name: 'Brødtekst' });
  await tabTo(page, body);
  await page.keyboard.type('Pengane skal gå til betre utstyr og fleire øvingar i kommunane.');
  await page.keyboard.press('Enter');

  // A subheading from the toolbar: Alt+F10 in, arrows to "Mellomtittel", Enter, Escape back.
  await page.keyboard.press('Alt+F10');
  const toolbar = page.getByRole('toolbar', { name: 'Tekstformatering' });
  await expect(toolbar.locator(':focus')).toHaveCount(1);
  const h2Button = toolbar.getByRole('button', { name: /^Mellomtittel/ });
  for (let i = 0; i < 5 && !(await h2Button.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('ArrowRight');
  await expect(h2Button).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(body).toBeFocused();
  await page.keyboard.type('Kva pengane skal brukast til');
  await page.keyboard.press('Enter');

  // A bulleted list by its shortcut, two items, and out of it again.
  await page.keyboard.press('Control+Shift+8');
  await page.keyboard.type('nytt utstyr til brannvesenet');
  await page.keyboard.press('Enter');
  await page.keyboard.type('fleire øvingar med Sivilforsvaret');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');

  // A link: select the last word, Ctrl+K, type the address, Enter.
  await page.keyboard.type('Les meir om budsjettet');
  for (let i = 0; i < 'budsjettet'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Control+K');
  const linkDialog = page.getByRole('dialog', { name: 'Lenkje' });
  await expect(linkDialog).toBeVisible();
  await expect(linkDialog.getByRole('textbox', { name: 'Adresse' })).toBeFocused();
  await page.keyboard.type('https://www.regjeringen.no/nn/statsbudsjett/');
  await page.keyboard.press('Enter');
  await expect(linkDialog).toBeHidden();
  await expect(body).toBeFocused();

  await expect(body.locator('h2')).toHaveText('Kva pengane skal brukast til');
  await expect(body.locator('ul > li')).toHaveCount(2);
  await expect(body.locator('a[href="https://www.regjeringen.no/nn/statsbudsjett/"]')).toHaveText('budsjettet');

  // A press contact who is not in the register yet: added from the picker, without the mouse.
  const picker = page.getByRole('combobox', { name: 'Legg til pressekontakt' });
  await tabTo(page, picker);
  await page.keyboard.type('Kari Nordmann');
  const addOption = page.getByRole('option', { name: /Legg «Kari Nordmann» inn i registeret/ });
  await expect(addOption).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const register = page.getByRole('dialog', { name: 'Kontaktregister' });
  await expect(register.getByRole('textbox', { name: 'Namn', exact: true })).toHaveValue('Kari Nordmann');
  await tabTo(page, register.getByRole('textbox', { name: 'Rolle på bokmål' }));
  await page.keyboard.type('kommunikasjonsrådgiver');
  await tabTo(page, register.getByRole('textbox', { name: 'Rolle på nynorsk' }));
  await page.keyboard.type('kommunikasjonsrådgivar');
  await tabTo(page, register.getByRole('textbox', { name: 'E-post' }));
  await page.keyboard.type('kari.nordmann@jd.dep.no');
  await tabTo(page, register.getByRole('button', { name: 'Lagre og legg til i dokumentet' }));
  await page.keyboard.press('Enter');
  await expect(register).toBeHidden();
  const cards = page.getByRole('list', { name: 'Valde pressekontaktar' }).getByRole('listitem');
  await expect(cards).toHaveCount(1);
  // The card speaks the document's målform.
  await expect(cards.first()).toContainText('kommunikasjonsrådgivar');

  // Sperrefrist: Space on the checkbox, then the date and time in Oslo time.
  const embargo = page.getByRole('checkbox', { name: 'Sperrefrist' });
  await tabTo(page, embargo);
  await page.keyboard.press('Space');
  await expect(embargo).toBeChecked();
  const date = page.getByRole('textbox', { name: 'Dato' });
  await tabTo(page, date);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('24.11.2031');
  const time = page.getByRole('textbox', { name: 'Klokkeslett' });
  await tabTo(page, time);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('09.30');
  await page.keyboard.press('Tab');

  // Tags: Enter after each.
  const tags = page.getByRole('textbox', { name: 'Stikkord' });
  await tabTo(page, tags);
  await page.keyboard.type('beredskap');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Nord-Noreg');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Stikkord på dokumentet' }).getByRole('listitem')).toHaveCount(2);

  // The note to the editors.
  const note = page.getByRole('textbox', { name: /Priv\. til red\./ });
  await tabTo(page, note);
  await page.keyboard.type('Tala er stadfesta av budsjettavdelinga.');
  await page.keyboard.press('Tab');

  // Correct Nynorsk: once the checks have run, nothing in the body is marked.
  await expect(page.getByText('Ingen merknader til stavemåte eller målform')).toBeVisible({ timeout: 30_000 });
  await expect(body.locator('.lang-issue')).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('status')).toHaveText(/^Lagra \d/);

  // The preview, reached with Shift+Tab, in Nynorsk and without the note.
  const previewButton = page.getByRole('button', { name: 'Førehandsvis' });
  await tabTo(page, previewButton, { back: true, limit: 80 });
  await page.keyboard.press('Enter');
  const preview = page.getByRole('article', { name: 'Førehandsvising slik det blir publisert' });
  await expect(preview).toHaveAttribute('lang', 'nn');
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Regjeringa styrkjer beredskapen i nord');
  await expect(preview.getByText('Regjeringa løyver 40 millionar kroner')).toBeVisible();
  await expect(preview.locator('.preview-body h2')).toHaveText('Kva pengane skal brukast til');
  await expect(preview.locator('.preview-body li')).toHaveCount(2);
  await expect(preview.getByRole('link', { name: 'budsjettet' })).toHaveAttribute('href', 'https://www.regjeringen.no/nn/statsbudsjett/');
  await expect(preview.getByRole('heading', { name: 'Pressekontaktar' })).toBeVisible();
  await expect(preview.getByText('kommunikasjonsrådgivar')).toBeVisible();
  await expect(preview.getByText('Sperrefrist: 24.11.2031 kl. 09.30')).toBeVisible();
  await expect(preview.getByText('budsjettavdelinga')).toHaveCount(0);

  // All of it was stored: a restart brings it back.
  await devhost.restart();
  await page.goto(devhost.url);
  await page.getByRole('listbox').getByRole('option', { name: /Regjeringa styrkjer beredskapen i nord/ }).click();
  await expect(page.getByRole('textbox', { name: 'Ingress' })).toHaveValue(/løyver 40 millionar/);
  await expect(page.getByRole('main').getByRole('combobox', { name: 'Målform' })).toHaveValue('nn');
  await expect(page.getByRole('textbox', { name: 'Brødtekst' }).locator('ul > li')).toHaveCount(2);
  await expect(page.getByRole('list', { name: 'Valde pressekontaktar' }).getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('textbox', { name: /Priv\. til red\./ })).toHaveValue('Tala er stadfesta av budsjettavdelinga.');
});
