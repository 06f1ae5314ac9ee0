import { execFile, spawnSync } from 'node:child_process';
import { createDeflate, crc32 } from 'node:zlib';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';

const run = promisify(execFile);

/** Why the exiftool-based tests cannot run here, or null when they can (CI installs it). */
export const EXIFTOOL_MISSING: string | null =
  spawnSync('exiftool', ['-ver'], { encoding: 'utf8' }).status === 0
    ? null
    : 'exiftool is not installed (Debian: apt-get install libimage-exiftool-perl); .ci/run installs it';

export async function workDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'melding-media-it-'));
}

export async function exiftool(args: readonly string[]): Promise<string> {
  const { stdout } = await run('exiftool', [...args], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** exiftool's view of a file: every tag, grouped by where it lives (EXIF, GPS, XMP-dc, IPTC, ICC_Profile…). */
export async function exiftoolTags(path: string): Promise<Record<string, unknown>> {
  const [tags] = JSON.parse(await exiftool(['-j', '-G1', '-a', '-n', path])) as Record<string, unknown>[];
  return tags ?? {};
}

export const CAPTION = 'Statsråd Øyvind Ås opnar sjukehuset på Ærø';
export const ALT = 'Ein mann i dress klipper ei raud snor framfor ein sjukehusinngang';
export const CREDIT = 'Foto: Åse Bjørnstad / NTB';
export const CREATOR = 'Åse Bjørnstad';
export const RIGHTS = '© Helse- og omsorgsdepartementet, fri bruk i omtale';

/**
 * The press photo of the tests: 6000×4000 stored pixels (24 MP), to be shown rotated a quarter
 * turn clockwise (EXIF orientation 6), so it displays as 4000×6000. The corner shown top left
 * is red; everything else is blue. Carries a Display P3 colour profile, GPS coordinates, a
 * camera serial number and an artist in EXIF, and caption, credit, creator, rights and alt
 * text with æøå in IPTC (Latin-1) and XMP.
 */
export async function pressPhoto(dir: string, name = 'pressefoto.jpg'): Promise<string> {
  const path = join(dir, name);
  // Orientation 6 shows the stored left column as the top row: the stored bottom-left corner
  // ends up top left.
  const red = await sharp({ create: { width: 600, height: 600, channels: 3, background: { r: 230, g: 20, b: 20 } } }).png().toBuffer();
  await sharp({ create: { width: 6000, height: 4000, channels: 3, background: { r: 30, g: 60, b: 200 } } })
    .composite([{ input: red, left: 0, top: 3400 }])
    .withIccProfile('p3')
    .jpeg({ quality: 85 })
    .toFile(path);
  await exiftool([
    '-overwrite_original',
    '-EXIF:Orientation#=6',
    '-EXIF:Make=Nikon',
    '-EXIF:Model=Z 9',
    '-EXIF:SerialNumber=3012345',
    '-EXIF:Artist=Åse Bjørnstad',
    '-GPSLatitude=59.9127',
    '-GPSLatitudeRef=N',
    '-GPSLongitude=10.7461',
    '-GPSLongitudeRef=E',
    `-IPTC:Caption-Abstract=${CAPTION}`,
    `-IPTC:By-line=${CREATOR}`,
    `-IPTC:Credit=${CREDIT}`,
    `-IPTC:CopyrightNotice=${RIGHTS}`,
    `-XMP-dc:Description=${CAPTION}`,
    `-XMP-dc:Creator=${CREATOR}`,
    `-XMP-photoshop:Credit=${CREDIT}`,
    `-XMP-dc:Rights=${RIGHTS}`,
    `-XMP-iptcCore:AltTextAccessibility=${ALT}`,
    path,
  ]);
  return path;
}

/** A plain photo of the given size whose pixels vary (so JPEG cannot compress it to nothing). */
export async function noisyJpeg(width: number, height: number, seed = 1): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  let x = seed * 2654435761;
  for (let i = 0; i < raw.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    raw[i] = (x >>> 16) & 0xff;
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 80 }).toBuffer();
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A decompression bomb: a valid 20000×10000 (200 MP) grey PNG of all-black rows, deflated to a
 * few hundred kilobytes, that would take 200 MB (and far more in a decoder) to unpack.
 */
export async function pngBomb(width = 20_000, height = 10_000): Promise<Buffer> {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const deflate = createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const rows = Buffer.alloc((width + 1) * 100); // 100 rows: filter byte 0, then black
  for (let y = 0; y < height; y += 100) {
    if (!deflate.write(rows)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk('IHDR', ihdr), pngChunk('IDAT', Buffer.concat(parts)), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A real HEIC (HEVC-coded) still, 600×400: the media store's own probe sample, made with heif-enc. */
export { HEVC_SAMPLE as HEIC_600x400 } from '../../../../electron/services/media/hevcSupport';
