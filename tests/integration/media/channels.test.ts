/**
 * The media:* channels end to end through the real services and the dispatcher (zod on the way
 * in and out): bytes from the browser, the native dialog's paths, lookups and clean-up.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodePlatform } from '../../../electron/devhost/nodePlatform';
import { createDispatcher, type Dispatch } from '../../../electron/services/dispatcher';
import { silentLogger } from '../../../electron/services/logger';
import type { FilePickRequest } from '../../../electron/services/platform';
import { createHandlers, createServices, type Services } from '../../../electron/services/services';
import { noisyJpeg, workDir } from './support/testImages';

/** The devhost's platform, but with a "native dialog" that answers the given paths. */
class PickingPlatform extends NodePlatform {
  picks: string[] | null = null;
  lastRequest: FilePickRequest | null = null;
  override async pickFiles(request: FilePickRequest): Promise<string[] | null> {
    this.lastRequest = request;
    return this.picks;
  }
}

let services: Services;
let platform: PickingPlatform;
let dispatch: Dispatch;
let dir: string;

beforeAll(async () => {
  dir = await workDir();
  platform = new PickingPlatform(join(dir, 'data'), '9.9.9', silentLogger);
  services = await createServices(platform, silentLogger);
  dispatch = createDispatcher(createHandlers(services), silentLogger);
});

afterAll(async () => services.close());

describe('media channels', () => {
  it('media:ingest takes base64 from the renderer and media:get finds it again', async () => {
    const bytes = await noisyJpeg(640, 480, 31);
    const ingested = await dispatch('media:ingest', { fileName: 'foto.jpg', data: bytes.toString('base64') }, { trusted: true });
    expect(ingested).toMatchObject({ ok: true, value: { duplicate: false, media: { fileName: 'foto.jpg', width: 640, height: 480 } } });
    const id = ingested.ok ? (ingested.value as { media: { id: string } }).media.id : '';
    expect(await dispatch('media:get', { id }, { trusted: true })).toMatchObject({ ok: true, value: { id } });
    expect(await dispatch('media:get', { id: '0'.repeat(64) }, { trusted: true })).toMatchObject({ ok: false, error: { code: 'media_not_found' } });
    expect(await dispatch('media:get', { id: '../../etc/passwd' }, { trusted: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('media:ingest answers a bad file with its code, in the Result', async () => {
    const result = await dispatch('media:ingest', { fileName: 'x.jpg', data: Buffer.from('<svg/>').toString('base64') }, { trusted: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'media_unsupported_type' } });
  });

  it('media:pick without a native dialog answers media_picker_unavailable', async () => {
    platform.picks = null;
    expect(await dispatch('media:pick', { multiple: true }, { trusted: true })).toMatchObject({ ok: false, error: { code: 'media_picker_unavailable' } });
  });

  it('media:pick reads the picked files by path, one outcome per file, with the dialog in the UI language', async () => {
    const folder = join(dir, 'picked');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'Statsråden.jpg'), await noisyJpeg(900, 600, 32));
    await writeFile(join(folder, 'notat.jpg'), 'berre tekst');
    platform.picks = [join(folder, 'Statsråden.jpg'), join(folder, 'notat.jpg'), join(folder, 'borte.jpg')];
    await dispatch('settings:update', { uiLanguage: 'nn' }, { trusted: true });
    const result = await dispatch('media:pick', { multiple: true }, { trusted: true });
    expect(result).toMatchObject({
      ok: true,
      value: {
        picked: true,
        items: [
          { fileName: 'Statsråden.jpg', outcome: 'ok', duplicate: false, media: { width: 900 } },
          { fileName: 'notat.jpg', outcome: 'error', error: { code: 'media_unsupported_type' } },
          { fileName: 'borte.jpg', outcome: 'error', error: { code: 'media_not_found' } },
        ],
      },
    });
    expect(platform.lastRequest).toMatchObject({ title: 'Legg til bilete', multiple: true, filters: [{ name: 'Bilete', extensions: expect.arrayContaining(['jpg', 'heic']) }] });
    platform.picks = [];
    expect(await dispatch('media:pick', { multiple: false }, { trusted: true })).toEqual({ ok: true, value: { picked: false, items: [] } });
  });

  it('media:unused lists nothing added in the last minutes, and media:removeUnused removes nothing then', async () => {
    const unused = await dispatch('media:unused', undefined, { trusted: true });
    expect(unused).toEqual({ ok: true, value: { items: [], bytes: 0 } });
    expect(await dispatch('media:removeUnused', { ids: [] }, { trusted: true })).toEqual({ ok: true, value: { removed: 0, bytes: 0 } });
  });
});
