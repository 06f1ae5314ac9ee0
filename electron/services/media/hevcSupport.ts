import sharp from 'sharp';

/**
 * A real HEIC still (HEVC-coded, 600×400, 621 bytes), made once with libheif's heif-enc 1.15.
 * Decoding it tells whether this build of libvips has an HEVC decoder: sharp's prebuilt one
 * reads HEIF headers but usually has none (HEVC patents), so iPhone photos cannot be decoded.
 */
export const HEVC_SAMPLE = Buffer.from(
  'AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAAUBtZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAAAA5waXRtAAAAAAABAAAAImlsb2MAAAAAREAAAQABAAAAAAFkAAEAAAAAAAABCQAAACNpaW5mAAAAAAABAAAAFWluZmUCAAAAAAEAAGh2YzEAAAAAwGlwcnAAAACiaXBjbwAAAHZodmNDAQNwAAAAAAAAAAAAP/AA/P34+AAADwMgAAEAGEABDAH//wNwAAADAJAAAAMAAAMAP7oCQCEAAQApQgEBA3AAAAMAkAAAAwAAAwA/oASyAZFlupJKa5sCAAADAAIAAAMAAhAiAAEAB0QBwXKwYkAAAAAUaXNwZQAAAAAAAAJYAAABkAAAABBwaXhpAAAAAAMICAgAAAAWaXBtYQAAAAAAAAABAAEDgQKDAAABEW1kYXQAAAEFKAGvEzm0jhiheuaocNP//OpRX/Trq/6UfLSeb2Q7muztmBFLaUAAAjQAA4QAHMAAAAMAAAMABwzRIAAAAwEVowIpbSgAAEaAAJQABVAAAAMAAAMAAAMAAAMAA3MIYAAAAwEnkwAAxwAHMAAAAwAAAwAAAwAAAwAAAwAAAwAf6nKAAAAXUIcAAAMAAAMAAAMAAAMAAAMAAAMAAAMAAAMAGsOOAAADACCgAAADAAADAAADAAADAAADAAADAAADAAADAEPTTAAAAwBmwAAAAwAAAwAAAwAAAwAAAwAAAwAAAwAAECjHgAAAGbAAAAMAAAMAAAMAAAMAAAMAAAMAAAMAAAMBOTiA',
  'base64',
);

let probe: Promise<boolean> | null = null;

/**
 * Whether HEVC-coded HEIC can be decoded here. Asked once, by decoding the sample: a yes/no
 * from success or failure, not from libvips' error text (which concurrent failures can mix up).
 */
export function canDecodeHevc(): Promise<boolean> {
  probe ??= sharp(HEVC_SAMPLE)
    .raw()
    .toBuffer()
    .then(
      () => true,
      () => false,
    );
  return probe;
}
