/**
 * One identity per person: a profile identity (`linkedin:<slug>`, `doximity:<id>`, a web page) belongs to at most one
 * stored contact, on every write path (save, add, edit, import, restore, trash restore, merge), so that a later save
 * from that profile updates the one contact it means. A contact written with an identity another contact already
 * holds does not take it: it keeps its profile links, and the two are flagged for review as possible duplicates,
 * where the user merges them (which unites their identities) or keeps both.
 */
import { db } from './db';
import { Contact } from '../model/schemas';

function flagged(contact: Contact, holders: Iterable<string>): Contact {
  const others = [...new Set([...(contact.possibleDuplicateOf ?? []), ...holders])].filter((id) => id !== contact.id);
  return others.length === (contact.possibleDuplicateOf ?? []).length ? contact : { ...contact, possibleDuplicateOf: others.slice(0, 20) };
}

/**
 * `contacts`, about to be written, without identities held by someone else: `holderOf` says who holds one now, and
 * learns each identity a written contact keeps (so that two incoming contacts cannot share one either). Pure.
 */
export function settleIdentities(contacts: readonly Contact[], holderOf: Map<string, string>): Contact[] {
  return contacts.map((contact) => {
    const kept: string[] = [];
    const holders = new Set<string>();
    for (const identity of contact.identities) {
      const holder = holderOf.get(identity);
      if (holder === undefined || holder === contact.id) {
        kept.push(identity);
        holderOf.set(identity, contact.id);
      } else holders.add(holder);
    }
    if (holders.size === 0) return contact;
    return Contact.parse(flagged({ ...contact, identities: kept }, holders));
  });
}

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
