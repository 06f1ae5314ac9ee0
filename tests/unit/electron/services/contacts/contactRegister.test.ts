import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContactRegister } from '../../../../../electron/services/contacts/contactRegister';
import { EventBus } from '../../../../../electron/services/eventBus';
import { silentLogger } from '../../../../../electron/services/logger';
import type { Notice } from '../../../../../electron/services/settingsService';

const tempDir = () => mkdtemp(join(tmpdir(), 'melding-contacts-'));

function ids() {
  let n = 0;
  return () => `id-${++n}`;
}

async function open(dir: string, notices: Notice[] = [], bus = new EventBus()) {
  return ContactRegister.open(dir, { bus, logger: silentLogger, newId: ids(), now: () => new Date('2026-11-23T10:00:00Z') }, notices);
}

const ola = { id: null, name: 'Ola Nordmann', roleNb: 'seniorrådgiver', roleNn: 'seniorrådgivar', phone: '+47 22 24 00 02', email: 'ola@hod.dep.no' };
const aase = { ...ola, name: 'Åse Aasen', email: 'aase@hod.dep.no' };
const even = { ...ola, name: 'Even Berg', email: 'even@hod.dep.no' };

describe('ContactRegister', () => {
  it('starts empty, saves new entries, and finds them again after a reopen, sorted as Norwegian sorts', async () => {
    const dir = await tempDir();
    const first = await open(dir);
    expect(first.list()).toEqual([]);
    for (const draft of [aase, ola, even]) expect((await first.save(draft)).ok).toBe(true);

    const again = await open(dir);
    expect(again.list().map((c) => c.name)).toEqual(['Even Berg', 'Ola Nordmann', 'Åse Aasen']);
    const file = JSON.parse(await readFile(join(dir, 'contacts.json'), 'utf8'));
    expect(file.schemaVersion).toBe(1);
    expect(file.contacts).toHaveLength(3);
  });

  it('updates an entry in place and removes one, telling listeners each time', async () => {
    const bus = new EventBus();
    const seen: string[][] = [];
    bus.subscribe((event, payload) => {
      if (event === 'contacts:changed') seen.push((payload as { contacts: { name: string }[] }).contacts.map((c) => c.name));
    });
    const register = await open(await tempDir(), [], bus);
    const created = await register.save(ola);
    if (!created.ok) throw new Error('not saved');
    const updated = await register.save({ ...ola, id: created.value.id, phone: '22 24 00 09' });
    expect(updated).toEqual({ ok: true, value: { ...ola, id: created.value.id, phone: '22 24 00 09' } });
    expect(register.list()).toHaveLength(1);
    expect(await register.remove(created.value.id)).toEqual({ ok: true, value: null });
    expect(register.list()).toEqual([]);
    expect(seen).toEqual([['Ola Nordmann'], ['Ola Nordmann'], []]);
  });

  it('refuses an invalid entry with the fields at fault, and writes nothing', async () => {
    const dir = await tempDir();
    const register = await open(dir);
    const result = await register.save({ ...ola, email: 'ola.hod.dep.no', phone: 'ring meg' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('contact_invalid');
    expect(JSON.parse(result.error.message)).toEqual({ email: 'email_invalid', phone: 'phone_invalid' });
    expect(await readdir(dir)).not.toContain('contacts.json');
  });

  it('answers contact_not_found for an entry that is gone', async () => {
    const register = await open(await tempDir());
    expect(await register.remove('nobody')).toMatchObject({ ok: false, error: { code: 'contact_not_found' } });
    expect(await register.save({ ...ola, id: 'nobody' })).toMatchObject({ ok: false, error: { code: 'contact_not_found' } });
  });

  it.each([
    ['zero bytes', ''],
    ['truncated JSON', '{"schemaVersion": 1, "contacts": [{"id"'],
    ['wrong shape', '{"schemaVersion": 1, "contacts": [{"id": "x"}]}'],
  ])('sets a corrupt file (%s) aside, starts empty and tells the user', async (_name, content) => {
    const dir = await tempDir();
    await writeFile(join(dir, 'contacts.json'), content);
    const notices: Notice[] = [];
    const register = await open(dir, notices);
    expect(register.list()).toEqual([]);
    expect(notices).toEqual([{ code: 'contacts_reset', detail: expect.stringContaining('contacts.json.corrupt-2026-11-23T10-00-00-000Z') }]);
    const files = await readdir(dir);
    const aside = files.find((f) => f.startsWith('contacts.json.corrupt-'));
    expect(await readFile(join(dir, aside as string), 'utf8')).toBe(content);
    // The register works again after that.
    expect((await register.save(ola)).ok).toBe(true);
    expect((await open(dir)).list()).toHaveLength(1);
  });

  it('keeps the old entries and answers storage_failed when the file cannot be replaced', async () => {
    // A folder where contacts.json should be makes the final rename fail, for root too.
    const dir = await tempDir();
    const register = await open(dir);
    await mkdir(join(dir, 'contacts.json', 'occupied'), { recursive: true });
    const result = await register.save(ola);
    expect(result).toMatchObject({ ok: false, error: { code: 'storage_failed' } });
    expect(register.list()).toEqual([]);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('adopts the contacts of the sample documents once, linking the copies to their entries', async () => {
    const register = await open(await tempDir());
    const copies = [
      { contactId: null, name: 'Kari Nordmann', roleNb: 'r', roleNn: 'r', phone: '+47 22 24 00 01', email: 'kari@hod.dep.no' },
      { contactId: null, name: 'Ola Nordmann', roleNb: 'r', roleNn: 'r', phone: '+47 22 24 00 02', email: 'ola@hod.dep.no' },
    ];
    const first = await register.adopt(copies);
    const second = await register.adopt(copies);
    expect(register.list()).toHaveLength(2);
    expect(first.ok && first.value.map((c) => c.contactId)).toEqual(['id-1', 'id-2']);
    expect(second).toEqual(first);
  });
});
