/**
 * Undo for state changes of contacts (snooze, no response, reply received, status, message sent, bulk tag and
 * status): the contacts are read before and after the change, and undoing puts back only the fields the change
 * altered and removes the timeline entries it added. Edits made meanwhile to other fields (another window) are kept.
 */
import { db } from './db';
import { Contact } from '../model/schemas';

interface Snapshot {
  contacts: Map<string, Contact>;
  interactions: Map<string, Set<string>>;
}

async function snapshot(ids: readonly string[]): Promise<Snapshot> {
  return db.transaction('r', db.contacts, db.interactions, async () => {
    const contacts = new Map<string, Contact>();
    const interactions = new Map<string, Set<string>>();
    for (const contact of await db.contacts.bulkGet([...ids])) if (contact) contacts.set(contact.id, contact);
    for (const id of ids) {
      interactions.set(id, new Set((await db.interactions.where('contactId').equals(id).primaryKeys()) as string[]));
    }
    return { contacts, interactions };
  });
}

/** Fields whose stored value `after` changed from `before`, with the value to put back (undefined: remove it). */
function changedFields(before: Contact, after: Contact): [keyof Contact, unknown][] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)] as (keyof Contact)[]);
  keys.delete('updatedAt');
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).map((k) => [k, before[k]]);
}

async function revert(before: Snapshot, after: Snapshot, now: number): Promise<void> {
  await db.transaction('rw', db.contacts, db.interactions, async () => {
    for (const [id, was] of before.contacts) {
      const changed = after.contacts.get(id);
      const current = await db.contacts.get(id);
      if (!changed || !current) continue;
      const next: Record<string, unknown> = { ...current };
      for (const [key, value] of changedFields(was, changed)) {
        if (value === undefined) delete next[key];
        else next[key] = value;
      }
      await db.contacts.put(Contact.parse({ ...next, updatedAt: now }));
    }
    for (const [id, ids] of after.interactions) {
      const had = before.interactions.get(id) ?? new Set();
      await db.interactions.bulkDelete([...ids].filter((i) => !had.has(i)));
    }
  });
}

export interface Undoable<T> {
  result: T;
  undo(): Promise<void>;
}

/** Runs `change` on the contacts `ids`, and returns with it the means to take it back. */
export async function withUndo<T>(ids: readonly string[], change: () => Promise<T>): Promise<Undoable<T>> {
  const before = await snapshot(ids);
  const result = await change();
  const after = await snapshot(ids);
  return { result, undo: () => revert(before, after, Date.now()) };
}
