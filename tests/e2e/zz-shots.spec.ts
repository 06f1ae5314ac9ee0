import { test } from './fixtures/devhost';

for (const ui of ['nb', 'nn'] as const) {
  test(`shot ${ui}`, async ({ page, devhost }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(devhost.url);
    if (ui === 'nn') {
      await page.getByRole('button', { name: 'Innstillinger' }).click();
      await page.getByRole('radio', { name: /nynorsk/i }).check();
      await page.keyboard.press('Escape');
    }
    await page.getByRole('button', { name: /eksempeldokument|dømedokument/ }).click();
    await page.getByRole('searchbox').fill(ui === 'nn' ? 'Styrkjer Helse Nord' : 'Ventetidene skal ned regjeringen');
    await page.getByRole('listbox').getByRole('option').first().click();
    const details = page.getByRole('region', { name: /Kontakt/ });
    const box = page.getByRole('checkbox', { name: 'Sperrefrist' });
    if (!(await box.isChecked())) await box.check();
    await page.getByRole('textbox', { name: /Dato/ }).fill('24.11.2026');
    await page.getByRole('textbox', { name: /Klokkeslett/ }).fill('10.00');
    await page.getByRole('textbox', { name: /Priv. til red./ }).fill(ui === 'nn' ? 'Tala er ikkje kvalitetssikra av budsjettavdelinga enno. Ikkje send før kl. 09.' : 'Tallene er ikke kvalitetssikret av budsjettavdelingen ennå. Ikke send før kl. 09.');
    await details.scrollIntoViewIfNeeded();
    await page.getByRole('textbox', { name: /Priv. til red./ }).blur();
    await details.screenshot({ path: `.tmp/details-${ui}.png` });
    await page.screenshot({ path: `.tmp/editor-${ui}.png`, fullPage: false });
    const picker = page.getByRole('combobox', { name: 'Legg til pressekontakt' });
    await picker.focus();
    await page.keyboard.type('råd');
    await page.keyboard.press('ArrowDown');
    await page.screenshot({ path: `.tmp/picker-${ui}.png` });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.getByRole('textbox', { name: /Klokkeslett/ }).fill('02.30');
    await page.getByRole('textbox', { name: /Dato/ }).fill('29.03.2026');
    await details.screenshot({ path: `.tmp/gap-${ui}.png` });
    await page.getByRole('button', { name: /Kontaktregister/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ny kontakt' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: /Navn|Namn/ }).fill('Per Hansen');
    await page.getByRole('dialog').getByRole('textbox', { name: /E-post/ }).fill('per.hansen(at)hod');
    await page.getByRole('dialog').getByRole('button', { name: 'Lagre' }).click();
    await page.screenshot({ path: `.tmp/register-invalid-${ui}.png` });
  });
}
