/**
 * One identity per person, the rule (storage/identities.ts applies it against the database): a profile identity
 * belongs to at most one contact; a contact written with one another holds keeps its links but not the identity,
 * and the two are flagged for review as possible duplicates.
 */
import { Contact } from './schemas';

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
