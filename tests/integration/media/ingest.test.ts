/**
 * The media store on real photos made here with sharp and exiftool: renditions, what is
 * stripped (GPS, EXIF, XMP, IPTC) from everything that can leave the machine, orientation, the
 * colour profile, prefill from IPTC/XMP, and dedupe. Bad input has its own file.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../electron/services/logger';
import { MediaStore } from '../../../electron/services/media/mediaStore';
import type { MediaInfo } from '../../../shared/domain/media';
import { openStore, storeContents } from './support/openStore';
import { ALT, CAPTION, CREDIT, EXIFTOOL_MISSING, exiftool, exiftoolTags, noisyJpeg, pressPhoto, RIGHTS, workDir } from './support/testImages';

/** Tag groups (exiftool -G1) that must never be in a rendition: they carry places, people and cameras. */
const PRIVATE_GROUPS = /^(IFD0|IFD1|ExifIFD|GPS|InteropIFD|MakerNotes|Nikon|XMP|XMP-.*|IPTC|Photoshop)$/;

describe.skipIf(EXIFTOOL_MISSING !== null)('ingest of a 24 MP press photo with EXIF, GPS, IPTC and XMP', () => {
  let original: Buffer;
  let media: MediaInfo;
  let dir: string;
  let entry: string;

  beforeAll(async () => {
    original = await readFile(await pressPhoto(await workDir()));
    const opened = await openStore();
    dir = opened.dir;
    const result = await opened.store.ingest('C:\\Users\\kari\\Bilete\\pressefoto.jpg', original);
    if (!result.ok) throw new Error(`ingest failed: ${result.error.code} ${result.error.message}`);
    expect(result.value.duplicate).toBe(false);
    media = result.value.media;
    entry = join(dir, media.id.slice(0, 2), media.id);
  }, 120_000);

  it('checks the test photo itself: GPS, serial number and orientation 6 are really there', async () => {
    const tags = await exiftoolTags(join(entry, 'original.jpg'));
    expect(tags['GPS:GPSLatitude']).toBeCloseTo(59.9127, 3);
    expect(String(tags['ExifIFD:SerialNumber'])).toBe('3012345');
    expect(tags['IFD0:Orientation']).toBe(6);
    expect(await exifr.gps(original)).toMatchObject({ latitude: expect.closeTo(59.9127, 3) });
  });

  it('stores the original byte for byte under its SHA-256, with a display file name only', async () => {
    expect(media.id).toMatch(/^[a-f0-9]{64}$/);
    expect(Buffer.compare(await readFile(join(entry, 'original.jpg')), original)).toBe(0);
    expect(media).toMatchObject({ fileName: 'pressefoto.jpg', mime: 'image/jpeg', bytes: original.length });
    expect((await readdir(entry)).sort()).toEqual(['info.json', 'original.jpg', 'thumb.webp', 'w1200.webp', 'w2400.webp', 'w600.webp']);
    expect(JSON.parse(await readFile(join(entry, 'info.json'), 'utf8'))).toEqual(media);
  });

  it('gives the displayed size (orientation applied) and renditions of 2400, 1200, 600 and 320 px on the long side', async () => {
    expect([media.width, media.height]).toEqual([4000, 6000]);
    const sizes = media.renditions.map((r) => [r.name, r.width, r.height, r.mime]);
    expect(sizes).toEqual([
      ['w2400', 1600, 2400, 'image/webp'],
      ['w1200', 800, 1200, 'image/webp'],
      ['w600', 400, 600, 'image/webp'],
      ['thumb', 213, 320, 'image/webp'],
    ]);
    for (const r of media.renditions) {
      const file = await readFile(join(entry, `${r.name}.webp`));
      const meta = await sharp(file).metadata();
      expect([meta.format, meta.width, meta.height, file.length]).toEqual(['webp', r.width, r.height, r.bytes]);
    }
  });

  it('bakes the orientation into the pixels: the corner shown top left is red in every rendition', async () => {
    for (const r of media.renditions) {
      const file = await readFile(join(entry, `${r.name}.webp`));
      expect((await sharp(file).metadata()).orientation ?? 1).toBe(1);
      const corner = await sharp(file).extract({ left: 2, top: 2, width: 1, height: 1 }).removeAlpha().raw().toBuffer();
      const farCorner = await sharp(file).extract({ left: r.width - 3, top: r.height - 3, width: 1, height: 1 }).removeAlpha().raw().toBuffer();
      // Red shown top left, blue elsewhere (P3 values, so not exactly the sRGB ones written).
      expect(corner[0]).toBeGreaterThan(180);
      expect(corner[2]).toBeLessThan(80);
      expect(farCorner[2]).toBeGreaterThan(150);
      expect(farCorner[0]).toBeLessThan(80);
    }
  });

  it('strips GPS, EXIF, XMP and IPTC from every rendition (read back with exifr and exiftool)', async () => {
    for (const r of media.renditions) {
      const path = join(entry, `${r.name}.webp`);
      const file = await readFile(path);
      expect(await exifr.gps(file).catch(() => undefined)).toBeUndefined();
      const parsed = (await exifr.parse(file, { tiff: true, exif: true, gps: true, xmp: true, iptc: true, icc: false }).catch(() => undefined)) as
        | Record<string, unknown>
        | undefined;
      expect(parsed ?? {}).toEqual({});
      const tags = await exiftoolTags(path);
      const groups = [...new Set(Object.keys(tags).map((k) => k.split(':')[0]))];
      expect(groups.filter((g) => PRIVATE_GROUPS.test(g ?? ''))).toEqual([]);
      const text = JSON.stringify(tags);
      for (const secret of ['3012345', 'Nikon', 'Bjørnstad', 'Ærø', '59.91', '10.74']) expect(text).not.toContain(secret);
      // The only metadata left: the colour profile.
      expect(groups).toContain('ICC_Profile');
    }
  });

  it('keeps the colour profile: every rendition carries the original Display P3 profile', async () => {
    const icc = (await sharp(original).metadata()).icc;
    expect(icc?.length).toBeGreaterThan(0);
    const description = (await exiftool(['-s3', '-ICC_Profile:ProfileDescription', join(entry, 'w600.webp')])).trim();
    expect(description).toMatch(/P3/);
    for (const r of media.renditions) {
      const meta = await sharp(await readFile(join(entry, `${r.name}.webp`))).metadata();
      expect(meta.icc && Buffer.compare(meta.icc, icc as Buffer)).toBe(0);
    }
  });

  it('prefills caption, alt text, credit and rights from IPTC/XMP with æøå intact', () => {
    expect(media.prefill).toEqual({ caption: CAPTION, alt: ALT, credit: CREDIT, rights: RIGHTS });
  });
});

describe.skipIf(EXIFTOOL_MISSING !== null)('prefill', () => {
  it('reads UTF-8 IPTC (CodedCharacterSet UTF8) and Latin-1 IPTC alike, without XMP', async () => {
    const dir = await workDir();
    const { store } = await openStore();
    const results: Record<string, string>[] = [];
    for (const charset of ['latin1', 'utf8']) {
      const path = join(dir, `${charset}.jpg`);
      await sharp(await noisyJpeg(400, 300, charset.length)).toFile(path);
      const args = ['-overwrite_original', `-IPTC:Caption-Abstract=${CAPTION}`, '-IPTC:By-line=Kåre Ødegård', '-IPTC:CopyrightNotice=Fri bruk, æøå ÆØÅ'];
      await exiftool(charset === 'utf8' ? [...args, '-IPTC:CodedCharacterSet=UTF8', path] : [...args, path]);
      const tags = await exiftoolTags(path);
      expect(tags['IPTC:CodedCharacterSet'] ?? 'none').toBe(charset === 'utf8' ? '\u001b%G' : 'none');
      const result = await store.ingest(`${charset}.jpg`, await readFile(path));
      if (!result.ok) throw new Error(result.error.message);
      results.push(result.value.media.prefill);
    }
    for (const prefill of results) expect(prefill).toEqual({ caption: CAPTION, alt: '', credit: 'Kåre Ødegård', rights: 'Fri bruk, æøå ÆØÅ' });
  });

  it('gives empty strings for a photo without any metadata', async () => {
    const { store } = await openStore();
    const result = await store.ingest('bare.jpg', await noisyJpeg(300, 200));
    expect(result.ok && result.value.media.prefill).toEqual({ caption: '', alt: '', credit: '', rights: '' });
  });
});

describe('dedupe', () => {
  it('stores the same bytes once: the second ingest answers duplicate with the same entry', async () => {
    const { store, dir } = await openStore();
    const bytes = await noisyJpeg(640, 480);
    const first = await store.ingest('a.jpg', bytes);
    const second = await store.ingest('b.jpg', bytes);
    expect(first).toMatchObject({ ok: true, value: { duplicate: false } });
    expect(second).toMatchObject({ ok: true, value: { duplicate: true } });
    expect(first.ok && second.ok && second.value.media).toEqual(first.ok && first.value.media);
    expect((await storeContents(dir)).filter((p) => p.endsWith('info.json'))).toHaveLength(1);
  });

  it('stores the same bytes once when they arrive at the same time', async () => {
    const { store, dir } = await openStore();
    const bytes = await noisyJpeg(800, 600, 7);
    const results = await Promise.all(Array.from({ length: 4 }, (_, i) => store.ingest(`copy-${i}.jpg`, Buffer.from(bytes))));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && !r.value.duplicate)).toHaveLength(1);
    expect(new Set(results.map((r) => r.ok && r.value.media.id)).size).toBe(1);
    expect((await storeContents(dir)).filter((p) => p.endsWith('info.json'))).toHaveLength(1);
  });

  it('stores the same bytes once when two stores on one folder (two windows, two processes) take them at once', async () => {
    const { dir } = await openStore();
    const [one, two] = await Promise.all([1, 2].map(() => MediaStore.open({ dir, logger: silentLogger, now: () => new Date() })));
    const bytes = await noisyJpeg(800, 600, 11);
    const results = await Promise.all([one?.ingest('x.jpg', bytes), two?.ingest('y.jpg', bytes)]);
    expect(results.map((r) => r?.ok)).toEqual([true, true]);
    expect(new Set(results.map((r) => r?.ok && r.value.media.id)).size).toBe(1);
    expect((await storeContents(dir)).filter((p) => p.endsWith('info.json'))).toHaveLength(1);
    expect(await readdir(join(dir, '.incoming'))).toEqual([]);
  });

  it('never upscales: a 900 px photo gives 900 px for w2400 and w1200', async () => {
    const { store } = await openStore();
    const result = await store.ingest('small.jpg', await noisyJpeg(900, 600));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.media.renditions.map((r) => [r.name, r.width, r.height])).toEqual([
      ['w2400', 900, 600],
      ['w1200', 900, 600],
      ['w600', 600, 400],
      ['thumb', 320, 213],
    ]);
  });

  it('turns a CMYK JPEG (made for print) into sRGB renditions with an sRGB profile', async () => {
    const { store, dir } = await openStore();
    const cmyk = await sharp(await noisyJpeg(800, 600, 41)).toColourspace('cmyk').jpeg().toBuffer();
    expect((await sharp(cmyk).metadata()).space).toBe('cmyk');
    const result = await store.ingest('trykk.jpg', cmyk);
    if (!result.ok) throw new Error(result.error.message);
    const rendition = await readFile(join(dir, result.value.media.id.slice(0, 2), result.value.media.id, 'w600.webp'));
    const meta = await sharp(rendition).metadata();
    expect([meta.space, meta.channels, meta.hasProfile]).toEqual(['srgb', 3, true]);
  });

  it('takes PNG with transparency, WebP and TIFF too', async () => {
    const { store } = await openStore();
    const base = sharp({ create: { width: 500, height: 300, channels: 4, background: { r: 10, g: 200, b: 10, alpha: 0.5 } } });
    for (const [name, bytes, mime] of [
      ['a.png', await base.clone().png().toBuffer(), 'image/png'],
      ['a.webp', await base.clone().webp().toBuffer(), 'image/webp'],
      ['a.tif', await base.clone().tiff().toBuffer(), 'image/tiff'],
    ] as const) {
      const result = await store.ingest(name, bytes);
      expect(result).toMatchObject({ ok: true, value: { media: { mime, width: 500, height: 300 } } });
    }
  });
});
