import { describe, expect, it } from 'vitest';
import { sniffImageType } from '../../../../../electron/services/media/sniffImageType';

const bytes = (...parts: (number[] | string)[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
/** An ISO-BMFF `ftyp` box with the given major and compatible brands. */
function ftyp(major: string, ...compatible: string[]): Uint8Array {
  const size = 16 + 4 * compatible.length;
  return bytes([0, 0, 0, size], 'ftyp', major, [0, 0, 0, 0], compatible.join(''), new Array(16).fill(0));
}

describe('sniffImageType', () => {
  it.each([
    ['JPEG (JFIF)', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'), 'image/jpeg'],
    ['JPEG (EXIF)', bytes([0xff, 0xd8, 0xff, 0xe1], 'Exif'), 'image/jpeg'],
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR'), 'image/png'],
    ['WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    ['TIFF little-endian', bytes([0x49, 0x49, 0x2a, 0]), 'image/tiff'],
    ['TIFF big-endian', bytes([0x4d, 0x4d, 0, 0x2a]), 'image/tiff'],
    ['HEIC from an iPhone', ftyp('heic', 'mif1', 'heic'), 'image/heic'],
    ['HEIF by compatible brand only', ftyp('mif1', 'heic'), 'image/heic'],
    ['AVIF', ftyp('avif', 'mif1', 'avif'), 'image/avif'],
  ])('knows %s by its first bytes', (_name, head, mime) => {
    expect(sniffImageType(head)?.mime).toBe(mime);
  });

  it.each([
    ['an SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['an SVG with an XML declaration', bytes('<?xml version="1.0"?><svg/>')],
    ['a PDF', bytes('%PDF-1.7\n')],
    ['an ELF executable', bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0])],
    ['a Windows executable', bytes('MZ', [0x90, 0, 3, 0])],
    ['a shell script', bytes('#!/bin/sh\nrm -rf ~\n')],
    ['a GIF (not taken: animations and palettes make poor press photos)', bytes('GIF89a')],
    ['a RIFF that is a WAV, not a WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt ')],
    ['an MP4 video', ftyp('isom', 'isom', 'mp42')],
    ['a QuickTime movie', ftyp('qt  ', 'qt  ')],
    ['HTML', bytes('<!doctype html><script>alert(1)</script>')],
    ['a JPEG start cut short', bytes([0xff, 0xd8])],
    ['nothing', bytes()],
  ])('refuses %s', (_name, head) => {
    expect(sniffImageType(head)).toBeNull();
  });
});
