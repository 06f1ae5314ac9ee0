import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpApi } from '../../../renderer/src/lib/httpTransport';
import { EMPTY_BODY } from '../../../shared/domain/document';

const content = (body: string) => ({
  type: 'pressemelding' as const,
  maalform: 'nb' as const,
  title: 'Tittel',
  ingress: body,
  body: EMPTY_BODY,
  contacts: [],
  images: [],
  tags: [],
  embargoAt: null,
  internalNote: '',
});

describe('the devhost transport', () => {
  afterEach(() => vi.unstubAllGlobals());

  function recordFetch() {
    const calls: { url: string; init: RequestInit }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(JSON.stringify({ ok: true, value: null }), { status: 200 });
    });
    return calls;
  }

  it('sends a small save as keepalive, so a save started as the page goes away still arrives', async () => {
    const calls = recordFetch();
    const api = createHttpApi('http://127.0.0.1:1');
    await api.documents.save({ id: '6f1c1f8e-2b0a-4c57-9d0e-0b6f7c7d9a11', baseRevision: 3, content: content('kort') });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('http://127.0.0.1:1/api/call/documents%3Asave');
    expect(calls[0]?.init.keepalive).toBe(true);
  });

  it('sends a save too large for the 64 KiB keepalive quota, and every other call, without it', async () => {
    const calls = recordFetch();
    const api = createHttpApi('http://127.0.0.1:1');
    await api.documents.save({ id: '6f1c1f8e-2b0a-4c57-9d0e-0b6f7c7d9a11', baseRevision: 3, content: content('å'.repeat(25_000)) });
    await api.settings.get();
    expect(calls.map((c) => c.init.keepalive)).toEqual([false, false]);
  });
});
