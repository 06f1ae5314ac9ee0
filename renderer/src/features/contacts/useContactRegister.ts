import { useEffect, useState } from 'react';
import type { Contact } from '../../../../shared/domain/contact';
import type { AppError } from '../../../../shared/ipc/result';
import { api } from '../../lib/api';

/** The contact register, kept current by `contacts:changed` (from this window or another). */
export function useContactRegister(): { readonly contacts: readonly Contact[]; readonly error: AppError | null } {
  const [contacts, setContacts] = useState<readonly Contact[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    let live = true;
    void api.contacts.list().then((r) => {
      if (!live) return;
      if (r.ok) setContacts(r.value);
      else setError(r.error);
    });
    const unsubscribe = api.onContactsChanged(({ contacts: next }) => {
      setContacts(next);
      setError(null);
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);
  return { contacts, error };
}
