import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../../../electron/services/contentSecurityPolicy';
import { resolveMediaRequest } from '../../../../../electron/services/media/mediaRoute';
import { BAD_MEDIA_PATHS, fakeMediaDir, STORED_ID } from '../../../support/fakeMediaDir';

let base: string;
let mediaDir: string;

beforeAll(async () => {
  ({ base, mediaDir } = await fakeMediaDir());
});

afterAll(async () => rm(base, { recursive: true, force: true }));

describe('resolveMediaRequest', () => {
  it('finds a stored rendition, with the security headers, a WebP type and a long private cache', async () => {
    const file = await resolveMediaRequest(mediaDir, `/media/${STORED_ID}/w600`);
    expect(file?.path).toMatch(new RegExp(`/${STORED_ID}/w600\\.webp$`));
    expect(file?.headers).toMatchObject({
      'Content-Type': 'image/webp',
      'Cache-Control': 'private, max-age=31536000, immutable',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
  });

  it.each(BAD_MEDIA_PATHS)('finds nothing for %s', async (_why, path) => {
    expect(await resolveMediaRequest(mediaDir, path)).toBeNull();
  });

  it('finds nothing when the store does not exist', async () => {
    expect(await resolveMediaRequest(`${mediaDir}-missing`, `/media/${STORED_ID}/w600`)).toBeNull();
  });
});
