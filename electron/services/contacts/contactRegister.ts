import { join } from 'node:path';
import type { Low } from 'lowdb';
import { z } from 'zod';
import { ContactSchema, type Contact } from '../../../shared/domain/contact';
import { validateContact, type ContactDraft } from '../../../shared/domain/contactRules';
import type { PressContact } from '../../../shared/domain/document';
import { err, ok, type Result } from '../../../shared/ipc/result';
import type { EventBus } from '../eventBus';
import type { Logger } from '../logger';
import type { Notice } from '../settingsService';
import { openJsonStore } from '../storage/openJsonStore';

const ContactFileSchema = z.object({ schemaVersion: z.literal(1), contacts: z.array(ContactSchema).max(5000) }).strict();
type ContactFile = z.infer<typeof ContactFileSchema>;

const EMPTY: ContactFile = { schemaVersion: 1, contacts: [] };

const collator = new Intl.Collator('nb', { sensitivity: 'base' });

/**
 * The press contacts the unit reuses across documents, in `contacts.json`. Documents keep their
 * own copy of a contact, so changing or removing an entry here never rewrites a published text.
 * A file that cannot be read is set aside and the register starts empty, with a notice.
 */
export class ContactRegister {
  private constructor(
    private readonly db: Low<ContactFile>,
    private readonly deps: { bus: EventBus; logger: Logger; newId: () => string },
  ) {}

  static async open(
    dataDir: string,
    deps: { bus: EventBus; logger: Logger; newId: () => string; now?: () => Date },
    notices: Notice[],
  ): Promise<ContactRegister> {
    const { db, setAsideTo, reason } = await openJsonStore(join(dataDir, 'contacts.json'), ContactFileSchema, () => structuredClone(EMPTY), deps.now);
    if (setAsideTo) {
      deps.logger.warn('contacts.corrupt', { movedTo: setAsideTo, reason });
      notices.push({ code: 'contacts_reset', detail: setAsideTo });
    }
    return new ContactRegister(db, deps);
  }

  /** Everyone, sorted by name as Norwegian sorts (Æ, Ø, Å last). */
  list(): Contact[] {
    return structuredClone(this.db.data.contacts).sort((a, b) => collator.compare(a.name, b.name));
  }

  /** Creates (id null) or updates an entry. Invalid input is refused with the fields at fault. */
  async save(draft: ContactDraft): Promise<Result<Contact>> {
    const checked = validateContact(draft);
    if (!checked.ok) return err('contact_invalid', JSON.stringify(checked.issues));
    const { id, ...fields } = checked.value;
    const contacts = this.db.data.contacts;
    let saved: Contact;
    let next: Contact[];
    if (id === null) {
      saved = { id: this.deps.newId(), ...fields };
      next = [...contacts, saved];
    } else {
      if (!contacts.some((c) => c.id === id)) return err('contact_not_found', `No contact ${id}`);
      saved = { id, ...fields };
      next = contacts.map((c) => (c.id === id ? saved : c));
    }
    const written = await this.write(next);
    return written.ok ? ok(structuredClone(saved)) : written;
  }

  async remove(id: string): Promise<Result<null>> {
    const contacts = this.db.data.contacts;
    if (!contacts.some((c) => c.id === id)) return err('contact_not_found', `No contact ${id}`);
    const written = await this.write(contacts.filter((c) => c.id !== id));
    return written.ok ? ok(null) : written;
  }

  /**
   * Makes sure the people in `copies` are in the register (matched by e-mail, else by name) and
   * returns the copies linked to their entries. Used when the sample documents are added, so
   * their fictional contacts can be picked again; existing entries are never overwritten.
   */
  async adopt(copies: readonly PressContact[]): Promise<Result<PressContact[]>> {
    const contacts = [...this.db.data.contacts];
    const key = (c: { name: string; email: string }) => (c.email ? `e:${c.email.toLowerCase()}` : `n:${c.name.toLowerCase()}`);
    const byKey = new Map(contacts.map((c) => [key(c), c]));
    const linked: PressContact[] = [];
    for (const copy of copies) {
      let entry = byKey.get(key(copy));
      if (!entry) {
        const { contactId: _unused, ...fields } = copy;
        const checked = validateContact({ ...fields, id: null });
        if (!checked.ok) {
          linked.push({ ...copy, contactId: null });
          continue;
        }
        entry = { ...checked.value, id: this.deps.newId() };
        contacts.push(entry);
        byKey.set(key(entry), entry);
      }
      linked.push({ ...copy, contactId: entry.id });
    }
    if (contacts.length !== this.db.data.contacts.length) {
      const written = await this.write(contacts);
      if (!written.ok) return written;
    }
    return ok(linked);
  }

  private async write(next: Contact[]): Promise<Result<null>> {
    const previous = this.db.data;
    this.db.data = { schemaVersion: 1, contacts: next };
    try {
      await this.db.write();
    } catch (error) {
      this.db.data = previous;
      this.deps.logger.error('contacts.write_failed', { error: (error as Error).message });
      return err('storage_failed', `Could not save the contact register: ${(error as Error).message}`);
    }
    this.deps.bus.emit('contacts:changed', { contacts: this.list() });
    return ok(null);
  }
}
