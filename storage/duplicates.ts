/**
 * Possible duplicates: the same person saved from two sources (a LinkedIn
 * profile and a program page) is never merged silently. A new contact that
 * looks like one already stored is flagged (`possibleDuplicateOf`), and the
 * user merges the two or keeps both.
 */
import { db, type RapportDB } from './db';
import { fold } from '../model/text';
import { PROGRAM_TABLES, dropLinksOfContacts, linkContactsByName, linksOfContacts, putBackLinks } from './program-links';
import { CAPTURED_FIELDS, Contact, type CapturedField } from '../model/schemas';
import { UserError, userText } from '../model/user-text';

/** A name or organization as compared: accents, case, punctuation and spacing ignored. */
export function matchKey(value: string | undefined): string {
  return (value ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function sameOrganization(a: string | undefined, b: string | undefined): boolean {
  const ka = matchKey(a);
  const kb = matchKey(b);
  // One side not showing an organization is no evidence against: flag, the user decides.
  return !ka || !kb || ka === kb;
}

/**
 * Ids of stored contacts that may be the same person as `contact`: same name
 * and organization, or one of `linkIdentities` (identities of the contact's
 * profile links) in common. Call inside a transaction that includes contacts.
 */
export async function possibleDuplicates(
  contact: Pick<Contact, 'id' | 'fullName' | 'organization'>,
  linkIdentities: readonly string[] = [],
  database: RapportDB = db,
): Promise<string[]> {
  const name = matchKey(contact.fullName);
  const ids = new Set<string>();
  if (name) {
    // Through the folded-name index: "Vásquez", "vasquez" and "VASQUEZ" are the same name to a reader
    // (it finds all that a case-blind read of the full names found, so schema version 12 dropped that index).
    const sameFolded = await database.contacts.where('sortName').equals(fold(contact.fullName).trim()).toArray();
    for (const other of sameFolded) {
      if (other.id !== contact.id && matchKey(other.fullName) === name && sameOrganization(other.organization, contact.organization)) {
        ids.add(other.id);
      }
    }
  }
  if (linkIdentities.length > 0) {
    const sameLink = await database.contacts.where('identities').anyOf([...linkIdentities]).toArray();
    for (const other of sameLink) if (other.id !== contact.id) ids.add(other.id);
  }
  return [...ids].slice(0, 20);
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function union<T>(a: readonly T[] = [], b: readonly T[] = []): T[] {
  return [...new Set([...a, ...b])];
}

function min(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

function max(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.max(a, b);
}

/**
 * One record from two: `keep`'s values win, `other` fills what `keep` lacks;
 * links, identities, tags and notes are combined; the outreach state that
 * asks for more attention wins (earliest follow-up, latest contact).
 */
export function mergedRecord(keep: Contact, other: Contact, now: number): Contact {
  const fields: Partial<Record<CapturedField, unknown>> = {};
  const edited = new Set(keep.userEdited ?? []);
  for (const field of CAPTURED_FIELDS) {
    if (isEmpty(keep[field]) && !isEmpty(other[field])) {
      fields[field] = other[field];
      if ((other.userEdited ?? []).includes(field)) edited.add(field);
    }
  }
  const notes = [keep.notes, other.notes].map((n) => n?.trim()).filter(Boolean).join('\n\n');
  return Contact.parse({
    ...keep,
    ...fields,
    profiles: { ...other.profiles, ...keep.profiles },
    identities: union(keep.identities, other.identities).slice(0, 20),
    tags: union(keep.tags, other.tags).slice(0, 100),
    notes,
    whereMet: keep.whereMet ?? other.whereMet,
    connectedOn: keep.connectedOn ?? other.connectedOn,
    photoThumb: keep.photoThumb ?? other.photoThumb,
    userEdited: [...edited],
    possibleDuplicateOf: union(keep.possibleDuplicateOf, other.possibleDuplicateOf).filter(
      (id) => id !== keep.id && id !== other.id,
    ),
    status: keep.status === 'not_contacted' ? other.status : keep.status,
    lastContactedAt: max(keep.lastContactedAt, other.lastContactedAt),
    nextFollowUpAt: min(keep.nextFollowUpAt, other.nextFollowUpAt),
    followUpsSent: Math.max(keep.followUpsSent ?? 0, other.followUpsSent ?? 0),
    createdAt: Math.min(keep.createdAt, other.createdAt),
    capturedAt: max(keep.capturedAt, other.capturedAt),
    updatedAt: now,
  });
}

/**
 * Merges `otherId` into `keepId`: one record, one timeline. The other record
 * goes to the trash (restorable as a separate contact), and any review that
 * pointed at it now points at the merged contact. One transaction.
 */
export async function mergeContacts(keepId: string, otherId: string, now = Date.now()): Promise<Contact> {
  if (keepId === otherId) throw new UserError(userText('errors.mergeSelf'));
  return db.transaction('rw', [db.contacts, db.interactions, db.trash, ...PROGRAM_TABLES], async () => {
    const [keep, other] = await db.contacts.bulkGet([keepId, otherId]);
    if (!keep || !other) throw new UserError(userText('errors.contactsGone'));
    const merged = mergedRecord(keep, other, now);
    const moved = await db.interactions.where('contactId').equals(otherId).toArray();
    await db.interactions.bulkPut(moved.map((i) => ({ ...i, contactId: keepId })));
    await db.trash.put({ id: otherId, deletedAt: now, contact: other, interactions: [] });
    await db.contacts.delete(otherId);
    await db.contacts.put(merged);
    // The merged person belongs wherever either record did.
    const links = await linksOfContacts([otherId]);
    await dropLinksOfContacts([otherId]);
    await putBackLinks(links.map((link) => ({ ...link, contactId: keepId })));
    await linkContactsByName([merged], now);
    const pointing = await db.contacts.where('possibleDuplicateOf').equals(otherId).toArray();
    for (const contact of pointing) {
      if (contact.id === keepId) continue;
      const list = union((contact.possibleDuplicateOf ?? []).map((id) => (id === otherId ? keepId : id))).filter((id) => id !== contact.id);
      await db.contacts.put(Contact.parse({ ...contact, possibleDuplicateOf: list, updatedAt: now }));
    }
    return merged;
  });
}

/** The user says two contacts are different people: neither is offered as the other's duplicate again. */
export async function keepBoth(id: string, otherId: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.contacts, async () => {
    for (const [a, b] of [
      [id, otherId],
      [otherId, id],
    ] as const) {
      const contact = await db.contacts.get(a);
      if (!contact || !(contact.possibleDuplicateOf ?? []).includes(b)) continue;
      await db.contacts.put(
        Contact.parse({ ...contact, possibleDuplicateOf: (contact.possibleDuplicateOf ?? []).filter((x) => x !== b), updatedAt: now }),
      );
    }
  });
}

/** Pairs awaiting review, from a contacts list already loaded (the side panel has it). */
/**
 * The contacts flagged as possible duplicates and those they may duplicate:
 * everything duplicatePairs needs, found through the index, never by reading
 * every contact.
 */
export async function duplicateCandidates(): Promise<Contact[]> {
  return db.transaction('r', db.contacts, async () => {
    const flaggedIds = [...new Set((await db.contacts.orderBy('possibleDuplicateOf').primaryKeys()) as string[])];
    if (flaggedIds.length === 0) return [];
    const flagged = (await db.contacts.bulkGet(flaggedIds)).filter((c): c is Contact => c !== undefined);
    const known = new Set(flaggedIds);
    const otherIds = [...new Set(flagged.flatMap((c) => c.possibleDuplicateOf ?? []))].filter((id) => !known.has(id));
    const others = (await db.contacts.bulkGet(otherIds)).filter((c): c is Contact => c !== undefined);
    return [...flagged, ...others];
  });
}

export function duplicatePairs(contacts: readonly Contact[]): { contact: Contact; other: Contact }[] {
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const pairs: { contact: Contact; other: Contact }[] = [];
  for (const contact of contacts) {
    for (const id of contact.possibleDuplicateOf ?? []) {
      const other = byId.get(id);
      if (other) pairs.push({ contact, other });
    }
  }
  return pairs;
}
