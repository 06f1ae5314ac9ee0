import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NodePlatform } from '../../../../../electron/devhost/nodePlatform';
import { createDispatcher } from '../../../../../electron/services/dispatcher';
import { silentLogger } from '../../../../../electron/services/logger';
import { createHandlers, createServices, type Services } from '../../../../../electron/services/services';
import { DEFAULT_LIBRARY_QUERY } from '../../../../../shared/domain/defaultLibraryQuery';

let services: Services | null = null;
afterEach(async () => {
  await services?.close();
  services = null;
});

async function open() {
  const dir = await mkdtemp(join(tmpdir(), 'melding-contact-channels-'));
  services = await createServices(new NodePlatform(join(dir, 'data'), '9.9.9', silentLogger), silentLogger);
  const dispatch = createDispatcher(createHandlers(services), silentLogger);
  return (channel: string, input: unknown) => dispatch(channel, input, { trusted: true });
}

describe('contact channels', () => {
  it('save, list and remove through the contract, with contact_invalid for a bad entry', async () => {
    const dispatch = await open();
    const bad = await dispatch('contacts:save', { id: null, name: 'Per', roleNb: '', roleNn: '', phone: '', email: 'per(at)hod' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'contact_invalid' } });
    const saved = await dispatch('contacts:save', { id: null, name: 'Per', roleNb: '', roleNn: '', phone: '', email: 'per@hod.dep.no' });
    expect(saved).toMatchObject({ ok: true, value: { name: 'Per', email: 'per@hod.dep.no' } });
    expect(await dispatch('contacts:list', undefined)).toMatchObject({ ok: true, value: [{ name: 'Per' }] });
    const id = saved.ok ? (saved.value as { id: string }).id : '';
    expect(await dispatch('contacts:remove', { id })).toEqual({ ok: true, value: null });
    expect(await dispatch('contacts:list', undefined)).toEqual({ ok: true, value: [] });
  });

  it('adding the samples puts their press contacts in the register once, linked from the documents', async () => {
    const dispatch = await open();
    await dispatch('library:addSamples', undefined);
    await dispatch('library:addSamples', undefined);
    const listed = await dispatch('contacts:list', undefined);
    if (!listed.ok) throw new Error('list failed');
    const register = listed.value as { id: string; name: string }[];
    expect(register.map((c) => c.name)).toEqual(['Kari Nordmann', 'Ola Nordmann']);

    const page = services?.library.list(DEFAULT_LIBRARY_QUERY, 0, 100);
    const withContacts = [];
    for (const row of page?.items ?? []) {
      const opened = await services?.library.get(row.id);
      if (opened?.ok && opened.value.document.contacts.length > 0) withContacts.push(opened.value.document);
    }
    expect(withContacts.length).toBeGreaterThanOrEqual(2);
    for (const doc of withContacts) for (const c of doc.contacts) expect(register.find((r) => r.id === c.contactId)?.name).toBe(c.name);
  });
});
