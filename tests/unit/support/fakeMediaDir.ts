import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A media id with an entry in the fake store, and one whose entry folder is a symlink out. */
export const STORED_ID = 'ab'.repeat(32);
export const LINKED_DIR_ID = 'cd'.repeat(32);
export const LINKED_FILE_ID = 'ef'.repeat(32);
export const RENDITION_BYTES = 'RIFF....WEBPVP8 fake rendition';

/**
 * A media folder laid out like the real store (no sharp needed: the routes never decode), with
 * the traps a traversal would aim for: a secret beside the store, an original (never served),
 * a rendition that is a symlink to the secret, and an entry folder that is a symlink out.
 */
export async function fakeMediaDir(): Promise<{ base: string; mediaDir: string }> {
  const base = await mkdtemp(join(tmpdir(), 'melding-media-route-'));
  const mediaDir = join(base, 'media');
  const entry = join(mediaDir, STORED_ID.slice(0, 2), STORED_ID);
  await mkdir(entry, { recursive: true });
  await writeFile(join(entry, 'w600.webp'), RENDITION_BYTES);
  await writeFile(join(entry, 'original.jpg'), 'ORIGINAL WITH GPS');
  await writeFile(join(entry, 'info.json'), '{}');
  await writeFile(join(base, 'secret.txt'), 'secret');
  const outside = join(base, 'outside', LINKED_DIR_ID);
  await mkdir(outside, { recursive: true });
  await writeFile(join(outside, 'w600.webp'), 'secret from outside');
  await mkdir(join(mediaDir, LINKED_DIR_ID.slice(0, 2)), { recursive: true });
  await symlink(outside, join(mediaDir, LINKED_DIR_ID.slice(0, 2), LINKED_DIR_ID));
  const linkedFile = join(mediaDir, LINKED_FILE_ID.slice(0, 2), LINKED_FILE_ID);
  await mkdir(linkedFile, { recursive: true });
  await symlink(join(base, 'secret.txt'), join(linkedFile, 'w600.webp'));
  return { base, mediaDir };
}

/** Paths that must all answer 404, with why. */
export const BAD_MEDIA_PATHS: readonly (readonly [string, string])[] = [
  ['the original (may carry GPS)', `/media/${STORED_ID}/original`],
  ['the original by file name', `/media/${STORED_ID}/original.jpg`],
  ['info.json', `/media/${STORED_ID}/info.json`],
  ['a rendition with its extension', `/media/${STORED_ID}/w600.webp`],
  ['an unknown rendition', `/media/${STORED_ID}/w9999`],
  ['a rendition not made', `/media/${STORED_ID}/w1200`],
  ['an unknown id', `/media/${'0'.repeat(64)}/w600`],
  ['an id too short', `/media/${STORED_ID.slice(1)}/w600`],
  ['an upper-case id', `/media/${STORED_ID.toUpperCase()}/w600`],
  ['no rendition', `/media/${STORED_ID}`],
  ['a trailing slash', `/media/${STORED_ID}/w600/`],
  ['../ out of the store', `/media/../secret.txt`],
  ['../ inside the id', `/media/${STORED_ID}/../../../secret.txt`],
  ['encoded dots', `/media/%2e%2e/secret.txt`],
  ['an encoded slash', `/media/${STORED_ID}%2fw600`],
  ['an encoded ../', `/media/${STORED_ID}/..%2f..%2f..%2fsecret.txt`],
  ['an encoded backslash', `/media/${STORED_ID}/..%5c..%5csecret.txt`],
  ['a NUL byte', `/media/${STORED_ID}/w600%00`],
  ['a rendition that is a symlink out', `/media/${LINKED_FILE_ID}/w600`],
  ['an entry folder that is a symlink out', `/media/${LINKED_DIR_ID}/w600`],
  ['the prefix folder', `/media/ab`],
  ['the store itself', `/media/`],
];
