/**
 * One identity per person: a profile identity (`linkedin:<slug>`, `doximity:<id>`, a web page) belongs to at most one
 * stored contact, on every write path (save, add, edit, import, restore, trash restore, merge), so that a later save
 * from that profile updates the one contact it means. A contact written with an identity another contact already
 * holds does not take it: it keeps its profile links, and the two are flagged for review as possible duplicates,
 * where the user merges them (which unites their identities) or keeps both.
 */
import { db } from './db';
import type { Contact } from '../model/schemas';
import { settleIdentities } from '../model/identities';

/** The same, against the database: call inside a read-write transaction that includes contacts. */
export async function settleStoredIdentities(contacts: readonly Contact[]): Promise<Contact[]> {
  const identities = [...new Set(contacts.flatMap((c) => c.identities))];
  const holderOf = new Map<string, string>();
  if (identities.length > 0) {
    for (const holder of await db.contacts.where('identities').anyOf(identities).toArray()) {
      for (const identity of holder.identities) if (!holderOf.has(identity)) holderOf.set(identity, holder.id);
    }
  }
  return settleIdentities(contacts, holderOf);
}
