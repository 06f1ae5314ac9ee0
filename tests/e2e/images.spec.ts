import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { expect, test } from './fixtures/devhost';

/** A small landscape photo, made here as a real JPEG (sharp renders the drawing). */
async function photo(width = 1600, height = 1000): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#6fa3d8"/><stop offset="1" stop-color="#dce9f4"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#sky)"/>
    <circle cx="${width * 0.78}" cy="${height * 0.24}" r="${height * 0.08}" fill="#ffe7a0"/>
    <path d="M0 ${height * 0.72} L${width * 0.28} ${height * 0.42} L${width * 0.52} ${height * 0.66} L${width * 0.74} ${height * 0.46} L${width} ${height * 0.7} V${height} H0Z" fill="#4d6f5a"/>
    <rect y="${height * 0.82}" width="100%" height="${height * 0.18}" fill="#2e4a3b"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

const saved = (page: Page) => expect(page.getByRole('main').getByRole('status')).toHaveText(/^Lagret \d/);

/** A new, empty Bokmål press release with a title and a first paragraph. */
async function newRelease(page: Page, url: string, title: string) {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Ingen dokumenter ennå' })).toBeVisible();
  await page.keyboard.press('Control+N');
  await page.getByRole('textbox', { name: 'Tittel' }).fill(title);
  await page.getByRole('textbox', { name: 'Brødtekst' }).click();
  await page.keyboard.type('Regjeringen åpner et nytt sykehus i Bodø.');
}

/** Chooses files through the "Legg til bilde" button and the browser's file chooser. */
async function addByPicker(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Legg til bilde …' }).click();
  await (await chooser).setFiles(files);
}

const images = (page: Page) => page.getByRole('list', { name: 'Bilder i dokumentet' }).getByRole('listitem').filter({ has: page.getByRole('heading') });

test('a photo added by the file picker gets caption, alt text and credit, becomes the featured image and a figure, and is previewed and kept', async ({ page, devhost }) => {
  await newRelease(page, devhost.url, 'Nytt sykehus i Bodø');
  await addByPicker(page, [{ name: 'sykehus-bodo.jpg', mimeType: 'image/jpeg', buffer: await photo() }]);

  const card = images(page).first();
  await expect(card.getByRole('heading', { name: 'Bilde 1' })).toBeVisible();
  await expect(card.getByText(/^sykehus-bodo\.jpg, 1600\s×\s1000\spx$/)).toBeVisible();
  // The thumbnail comes from the media store through /media/<id>/thumb.
  const thumb = card.locator('img').first();
  await expect(thumb).toHaveAttribute('src', /^\/media\/[a-f0-9]{64}\/thumb$/);
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  // Not placed yet, and the missing alt text is asked for calmly.
  await expect(card.getByText('Ikke plassert ennå')).toBeVisible();
  const alt = card.getByRole('textbox', { name: 'Alternativ tekst' });
  await expect(alt).toHaveAttribute('aria-invalid', 'true');
  await expect(card.getByText('Skriv en alternativ tekst, eller kryss av for dekorativt bilde.')).toBeVisible();

  // The texts, typed with the keyboard.
  await card.getByRole('textbox', { name: 'Bildetekst' }).click();
  await page.keyboard.type('Det nye sykehuset i Bodø åpner i mars.');
  await page.keyboard.press('Tab');
  await expect(alt).toBeFocused();
  // Alt text equal to the caption is flagged, and tied to the field.
  await page.keyboard.type('Det nye sykehuset i Bodø åpner i mars');
  const sameAsCaption = card.getByText('Den alternative teksten er lik bildeteksten.', { exact: false });
  await expect(sameAsCaption).toBeVisible();
  const describedBy = (await alt.getAttribute('aria-describedby')) ?? '';
  expect(describedBy.split(' ').length).toBe(2);
  await expect(page.locator(`[id="${describedBy.split(' ')[1]}"]`)).toContainText('lik bildeteksten');
  await alt.press('Control+A');
  await page.keyboard.type('Lyst sykehusbygg i glass ved sjøen, med fjell bak');
  await expect(sameAsCaption).toBeHidden();
  await expect(alt).toHaveAttribute('aria-invalid', 'false');
  await card.getByRole('textbox', { name: 'Fotograf/kilde' }).click();
  await page.keyboard.type('Kari Nordmann / HOD');

  // Featured image, then a figure at the end of the text.
  await card.getByRole('button', { name: 'Gjør til hovedbilde' }).click();
  await expect(card.getByText('Hovedbilde', { exact: true })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Fjern som hovedbilde' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Brødtekst' }).click();
  await page.keyboard.press('Control+End');
  await card.getByRole('button', { name: 'Sett inn i teksten' }).click();
  const body = page.getByRole('textbox', { name: 'Brødtekst' });
  const figure = body.locator('figure');
  await expect(figure.getByRole('img', { name: 'Lyst sykehusbygg i glass ved sjøen, med fjell bak' })).toBeVisible();
  await expect(figure.locator('figcaption')).toHaveText('Det nye sykehuset i Bodø åpner i mars. Foto: Kari Nordmann / HOD');
  await expect(card.getByText('I teksten', { exact: true })).toBeVisible();

  // The preview: featured image above the text, the figure in the body, from the shared markup.
  await page.getByRole('button', { name: 'Forhåndsvis' }).click();
  const preview = page.getByRole('article', { name: 'Forhåndsvisning slik det blir publisert' });
  const featured = preview.locator('.preview-featured figure');
  await expect(featured.getByRole('img', { name: 'Lyst sykehusbygg i glass ved sjøen, med fjell bak' })).toHaveAttribute('src', /^\/media\/[a-f0-9]{64}\/w1200$/);
  await expect(featured.locator('figcaption')).toHaveText('Det nye sykehuset i Bodø åpner i mars. Foto: Kari Nordmann / HOD');
  await expect(featured.locator('figcaption .credit')).toHaveText('Foto: Kari Nordmann / HOD');
  const bodyFigure = preview.locator('.preview-body figure');
  await expect(bodyFigure).toHaveCount(1);
  await expect(bodyFigure.locator('img')).toHaveAttribute('alt', 'Lyst sykehusbygg i glass ved sjøen, med fjell bak');
  await expect.poll(() => bodyFigure.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1200);
  await expect(preview.locator('.preview-body p').first()).toHaveText('Regjeringen åpner et nytt sykehus i Bodø.');
  await page.getByRole('button', { name: 'Rediger' }).click();

  // Everything survives a reload.
  await saved(page);
  await page.reload();
  await page.getByRole('option', { name: /Nytt sykehus i Bodø/ }).click();
  const again = images(page).first();
  await expect(again.getByRole('textbox', { name: 'Bildetekst' })).toHaveValue('Det nye sykehuset i Bodø åpner i mars.');
  await expect(again.getByRole('textbox', { name: 'Alternativ tekst' })).toHaveValue('Lyst sykehusbygg i glass ved sjøen, med fjell bak');
  await expect(again.getByRole('textbox', { name: 'Fotograf/kilde' })).toHaveValue('Kari Nordmann / HOD');
  await expect(again.getByText('Hovedbilde', { exact: true })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Brødtekst' }).locator('figure img')).toHaveAttribute('alt', 'Lyst sykehusbygg i glass ved sjøen, med fjell bak');
});

test('a corrupt JPEG and a text file named .jpg are refused with a clear message each, and the document is unchanged', async ({ page, devhost }) => {
  await newRelease(page, devhost.url, 'Bilder som ikke kan brukes');
  await addByPicker(page, [{ name: 'godt-bilde.jpg', mimeType: 'image/jpeg', buffer: await photo(800, 600) }]);
  await expect(images(page)).toHaveCount(1);
  await saved(page);

  const good = await photo(900, 700);
  const corrupt = Buffer.concat([good.subarray(0, 400), Buffer.alloc(2000, 0x55)]);
  const text = Buffer.from('Dette er ikke et bilde, bare tekst i en fil som heter .jpg.\n'.repeat(20));
  await addByPicker(page, [
    { name: 'ødelagt.jpg', mimeType: 'image/jpeg', buffer: corrupt },
    { name: 'notat.jpg', mimeType: 'image/jpeg', buffer: text },
  ]);

  const failures = page.getByRole('alert').filter({ hasText: 'kunne ikke legges til' });
  await expect(failures).toContainText('2 filer kunne ikke legges til. Resten av dokumentet er uendret.');
  await expect(failures.getByRole('listitem').filter({ hasText: 'ødelagt.jpg' })).toContainText('Bildefilen er skadet eller ufullstendig');
  await expect(failures.getByRole('listitem').filter({ hasText: 'notat.jpg' })).toContainText('kan ikke bruke denne filen som bilde');
  // Nothing else changed: still one image, the text as it was.
  await expect(images(page)).toHaveCount(1);
  await expect(page.getByRole('textbox', { name: 'Brødtekst' })).toHaveText('Regjeringen åpner et nytt sykehus i Bodø.');
  await failures.getByRole('button', { name: 'Lukk meldingen' }).click();
  await expect(failures).toBeHidden();
});

test('several photos at once are added in order; a figure is edited from the body and removed with its image use', async ({ page, devhost }) => {
  await newRelease(page, devhost.url, 'Tre bilder');
  await addByPicker(page, [
    { name: 'en.jpg', mimeType: 'image/jpeg', buffer: await photo(600, 400) },
    { name: 'to.jpg', mimeType: 'image/jpeg', buffer: await photo(640, 400) },
    { name: 'tre.jpg', mimeType: 'image/jpeg', buffer: await photo(700, 400) },
  ]);
  await expect(images(page)).toHaveCount(3);
  await expect(page.locator('.images-announcer')).toHaveText('3 bilder er lagt til.');
  await expect(images(page).nth(2).getByText('tre.jpg', { exact: false })).toBeVisible();

  // Reorder with the keyboard: focus stays on the moved card's arrow.
  await page.getByRole('button', { name: 'Flytt Bilde 3 opp' }).click();
  await expect(images(page).nth(1).getByText('tre.jpg', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Flytt Bilde 2 opp' })).toBeFocused();

  // Insert the second image in the text, then get back to its texts from the body with Enter.
  await images(page).nth(1).getByRole('button', { name: 'Sett inn i teksten' }).click();
  const body = page.getByRole('textbox', { name: 'Brødtekst' });
  await expect(body.locator('figure')).toHaveCount(1);
  await body.locator('figure img').click();
  await page.keyboard.press('Enter');
  await expect(images(page).nth(1).getByRole('textbox', { name: 'Bildetekst' })).toBeFocused();

  // Removing the use removes its figure too; the others stay.
  await page.getByRole('button', { name: 'Fjern Bilde 2 fra dokumentet' }).click();
  await expect(images(page)).toHaveCount(2);
  await expect(body.locator('figure')).toHaveCount(0);
  await expect(page.locator('.images-announcer')).toHaveText('Bilde 2 er fjernet fra dokumentet. Bildefilen er tatt vare på.');
  await expect(body).toHaveText('Regjeringen åpner et nytt sykehus i Bodø.');

  // Undo in the text brings the figure back, but its image use is gone: a clear placeholder says so.
  await body.click();
  await page.keyboard.press('Control+Z');
  await expect(body.locator('figure')).toHaveCount(0);
  await expect(body.getByText('Dette bildet er ikke lenger blant bildene i dokumentet.', { exact: false })).toBeVisible();
});

test('an image pasted into the text or dropped on it becomes a figure there; a dropped PDF is refused with its name', async ({ page, devhost }) => {
  await newRelease(page, devhost.url, 'Limt inn og sluppet');
  const body = page.getByRole('textbox', { name: 'Brødtekst' });
  const png = (await sharp(await photo(500, 300)).png().toBuffer()).toString('base64');
  const pdf = Buffer.from('%PDF-1.4\n% not an image\n').toString('base64');

  // A screenshot on the clipboard: a file and no text.
  await body.press('End');
  await body.evaluate((el, data) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], 'image.png', { type: 'image/png' }));
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, png);
  await expect(body.locator('figure img')).toHaveCount(1);
  await expect(images(page)).toHaveCount(1);
  await expect(body.locator('p').first()).toHaveText('Regjeringen åpner et nytt sykehus i Bodø.');

  // Files dropped on the first paragraph: the image is placed there, the PDF is named and refused.
  const paragraph = body.locator('p').first();
  const box = await paragraph.boundingBox();
  if (!box) throw new Error('no paragraph');
  await paragraph.evaluate(
    (el, { data, doc, x, y }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], 'sluppet.png', { type: 'image/png' }));
      transfer.items.add(new File([Uint8Array.from(atob(doc), (c) => c.charCodeAt(0))], 'rapport.pdf', { type: 'application/pdf' }));
      el.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, clientX: x, clientY: y, bubbles: true, cancelable: true }));
    },
    { data: png, doc: pdf, x: box.x + 4, y: box.y + box.height / 2 },
  );
  await expect(images(page)).toHaveCount(2);
  await expect(body.locator('figure')).toHaveCount(2);
  await expect(page.getByRole('alert').filter({ hasText: 'rapport.pdf' })).toContainText('kan ikke bruke denne filen som bilde');
  await expect(body).toContainText('Regjeringen åpner et nytt sykehus i Bodø.');
});
