/**
 * The contacts repository: every read and write of contacts that the UI and the
 * background make goes through here, validated by the zod schemas.
 */
import { identityForUrl, listedIdentity, profileRef } from '../model/profile-links';
import { patchForStatus } from '../followups/rules';
import { db } from './db';
import type { TrashEntry } from '../model/schemas';
import { possibleDuplicates } from './duplicates';
import { settleStoredIdentities } from './identities';
import { readingOrder } from '../model/text';
import { newId } from '../model/ids';
import { pageChangesAfterCapture } from './page-changes';
import { withKeepInTouch } from './keep-in-touch';
import { getSettings } from './settings';
import { PROGRAM_TABLES, dropLinksOfContacts, linkContactsByName, linksOfContacts, putBackLinks } from './program-links';
import {
  CAPTURED_FIELDS,
  Contact,
  type Capture,
  type CapturedField,
  type ContactInput,
  type Status,
} from '../model/schemas';
import { UserError, userText } from '../model/user-text';

export interface SaveResult {
  contact: Contact;
  /** True when the save created the contact, false when it updated one. */
  created: boolean;
  /** The contact as it was before an update, so that the save can be undone. */
  previous?: Contact;
}

function profilesFor(url: string): Contact['profiles'] {
  const ref = profileRef(url);
  return ref ? { [ref.site]: ref.canonicalUrl } : { web: url };
}

/** The captured fields of `capture`, without the capture-only ones. */
function capturedFields(capture: Capture): Partial<Contact> {
  const fields: Partial<Record<CapturedField, unknown>> = {};
  for (const field of CAPTURED_FIELDS) {
    if (capture[field] !== undefined) fields[field] = capture[field];
  }
  return fields as Partial<Contact>;
}

/**
 * Saves a captured person: creates the contact, or updates the one already
 * known by the same source identity. Fields the user edited by hand are kept,
 * and sections the page had not loaded keep their stored value. One
 * transaction, so two saves racing from two tabs still make one contact.
 */
export interface SaveOptions {
  /**
   * The person was chosen on a page listing several: they share the page's
   * link, so their identity adds their name (see listedIdentity).
   */
  listed?: boolean;
  /** A thumbnail of the photo, fetched before the transaction (see background/photo-thumb.ts). */
  photoThumb?: string;
}

export async function saveCapture(capture: Capture, now = Date.now(), options: SaveOptions = {}): Promise<SaveResult> {
  const pageIdentity = identityForUrl(capture.profileUrl);
  const identity = options.listed ? listedIdentity(capture.profileUrl, capture.fullName) : pageIdentity;
  if (!identity || !pageIdentity) throw new UserError(userText('errors.linkNoIdentity'));
  return db.transaction('rw', [db.contacts, ...PROGRAM_TABLES], async () => {
    const existing = await db.contacts.where('identities').equals(identity).first();
    const fields = capturedFields(capture);
    for (const section of capture.notLoaded) delete fields[section];
    if (!existing) {
      const contact = Contact.parse({
        ...fields,
        fullName: capture.fullName,
        id: newId(),
        source: capture.source,
        profiles: profilesFor(capture.profileUrl),
        identities: [identity],
        photoThumb: options.photoThumb,
        createdAt: now,
        updatedAt: now,
        capturedAt: now,
      } satisfies ContactInput);
      // Another source's record of the same person is flagged for review, never merged silently.
      // A listing page's own link is everyone's on it, so it says nothing about who is who.
      const duplicates = await possibleDuplicates(contact, options.listed ? [] : [pageIdentity]);
      if (duplicates.length > 0) contact.possibleDuplicateOf = duplicates;
      await db.contacts.add(contact);
      await linkContactsByName([contact], now);
      return { contact, created: true };
    }
    const pageChanges = pageChangesAfterCapture(existing, fields);
    for (const field of existing.userEdited) delete fields[field];
    const contact = Contact.parse({
      ...existing,
      ...fields,
      pageChanges,
      photoThumb: options.photoThumb ?? existing.photoThumb,
      profiles: { ...existing.profiles, ...profilesFor(capture.profileUrl) },
      updatedAt: now,
      capturedAt: now,
    });
    await db.contacts.put(contact);
    await linkContactsByName([contact], now);
    return { contact, created: false, previous: existing };
  });
}

/** Reverts a save: removes a contact it created, or restores the one it updated. */
export async function undoSave(result: SaveResult): Promise<void> {
  await db.transaction('rw', [db.contacts, ...PROGRAM_TABLES], async () => {
    if (result.created) {
      await db.contacts.delete(result.contact.id);
      await dropLinksOfContacts([result.contact.id]);
    } else if (result.previous) {
      const previous = Contact.parse(result.previous);
      await db.contacts.put(previous);
      await linkContactsByName([previous]);
    }
  });
}

export async function getContact(id: string): Promise<Contact | undefined> {
  return db.contacts.get(id);
}

export async function findByProfileUrl(url: string): Promise<Contact | undefined> {
  const identity = identityForUrl(url);
  return identity ? db.contacts.where('identities').equals(identity).first() : undefined;
}

/**
 * The first contacts by name, read through the index: enough to paint the list
 * before anything else. Not even a count: IndexedDB counts by walking the index.
 */
export async function firstContacts(limit: number): Promise<Contact[]> {
  return db.contacts.orderBy('sortName').limit(limit).toArray();
}

/** Contacts per request when every contact is read. */
const READ_PAGE = 2_000;

/**
 * Every saved contact, in primary-key order, read a page at a time so that no
 * single read of 100,000 contacts holds the caller for long. Opens no
 * transaction of its own: inside the caller's, every page agrees.
 * `onProgress` hears after each page how many are read, of how many.
 */
export async function readAllContacts(onProgress?: (done: number, total: number) => void): Promise<Contact[]> {
  const total = onProgress ? await db.contacts.count() : 0;
  const out: Contact[] = [];
  let page = await db.contacts.orderBy(':id').limit(READ_PAGE).toArray();
  for (;;) {
    for (const contact of page) out.push(contact);
    onProgress?.(out.length, Math.max(total, out.length));
    const last = page.at(-1);
    if (page.length < READ_PAGE || !last) return out;
    page = await db.contacts.where(':id').above(last.id).limit(READ_PAGE).toArray();
  }
}

/**
 * Every contact, ordered by name: for exports, which need them all. No view
 * reads this (they ask the indexes, storage/contact-list.ts).
 */
export async function listContacts(): Promise<Contact[]> {
  const all = await db.transaction('r', db.contacts, () => readAllContacts());
  return all.sort((a, b) => readingOrder.compare(a.fullName, b.fullName));
}

/** The identities a contact's profile links give it, added to those it already has. */
function identitiesFor(profiles: Contact['profiles'], existing: readonly string[] = []): string[] {
  const ids = new Set(existing.filter((id) => !id.startsWith('linkedin:') && !id.startsWith('doximity:')));
  for (const url of Object.values(profiles)) {
    const identity = url ? identityForUrl(url) : null;
    if (identity) ids.add(identity);
  }
  return [...ids];
}

/** Creates a contact typed in by hand (met at a conference, no profile page). */
export async function addContact(
  input: Omit<ContactInput, 'id' | 'createdAt' | 'updatedAt' | 'source'>,
  now = Date.now(),
): Promise<Contact> {
  return db.transaction('rw', [db.contacts, ...PROGRAM_TABLES], async () => {
    const parsed = Contact.parse({
      ...input,
      id: newId(),
      source: 'manual',
      identities: identitiesFor(input.profiles ?? {}),
      createdAt: now,
      updatedAt: now,
    });
    // The same name at the same place, folded ("Vásquez" = "Vasquez"), is offered for review, never merged silently.
    const [settled] = await settleStoredIdentities([parsed]);
    const review = new Set([...(settled!.possibleDuplicateOf ?? []), ...(await possibleDuplicates(settled!))]);
    const contact = review.size > 0 ? Contact.parse({ ...settled, possibleDuplicateOf: [...review].slice(0, 20) }) : settled!;
    await db.contacts.add(contact);
    await linkContactsByName([contact], now);
    return contact;
  });
}

export type ContactPatch = Partial<Omit<Contact, 'id' | 'createdAt' | 'updatedAt' | 'userEdited'>>;

/**
 * Applies a user's edit, field by field: only the fields in the patch are written, so that edits of other fields
 * made elsewhere (another window) are kept. Captured fields it changes are marked as edited by
 * the user so that a later capture never overwrites them. Read and write in
 * one transaction so that concurrent edits from other contexts are not lost.
 */
export async function updateContact(
  id: string,
  change: ContactPatch | ((existing: Contact) => ContactPatch),
  now = Date.now(),
): Promise<Contact> {
  return db.transaction('rw', [db.contacts, db.settings, ...PROGRAM_TABLES], async () => {
    const existing = await db.contacts.get(id);
    if (!existing) throw new UserError(userText('errors.contactGone'));
    // A patch computed from the stored record (a tag added, one link of several) merges with edits made elsewhere.
    const patch = typeof change === 'function' ? change(existing) : change;
    const edited = new Set(existing.userEdited);
    for (const field of CAPTURED_FIELDS) {
      if (field in patch && JSON.stringify(patch[field]) !== JSON.stringify(existing[field])) edited.add(field);
    }
    const statusPatch = patch.status && patch.status !== existing.status ? patchForStatus(patch.status) : {};
    const parsed = withKeepInTouch(
      Contact.parse({
        ...existing,
        ...patch,
        ...statusPatch,
        identities: patch.profiles ? identitiesFor(patch.profiles, existing.identities) : existing.identities,
        userEdited: [...edited],
        updatedAt: now,
      }),
      (await getSettings()).keepInTouchByTag,
    );
    // A profile link typed here that another contact already has: flagged for review, not a second owner.
    const [contact] = patch.profiles ? await settleStoredIdentities([parsed]) : [parsed];
    await db.contacts.put(contact!);
    if ('organization' in patch) await linkContactsByName([contact!], now);
    return contact!;
  });
}

export async function setStatus(id: string, status: Status, now = Date.now()): Promise<Contact> {
  return updateContact(id, { status }, now);
}

/** What happens to the letters a deleted contact wrote: into the trash with them, or kept in the Letters view. */
export type LettersOnDelete = 'delete' | 'keep';

/** Moves contacts and their timelines (and, unless kept, their letters) to the trash, from where they can be restored. One transaction. */
export async function deleteContacts(
  ids: readonly string[],
  now = Date.now(),
  letters: LettersOnDelete = 'delete',
): Promise<TrashEntry[]> {
  return db.transaction('rw', [db.contacts, db.interactions, db.trash, db.letters, ...PROGRAM_TABLES], async () => {
    const entries: TrashEntry[] = [];
    for (const id of ids) {
      const contact = await db.contacts.get(id);
      if (!contact) continue;
      const interactions = await db.interactions.where('contactId').equals(id).toArray();
      const written = letters === 'delete' ? await db.letters.where('writerId').equals(id).toArray() : [];
      const links = await linksOfContacts([id]);
      entries.push({
        id,
        deletedAt: now,
        contact,
        interactions,
        ...(written.length > 0 ? { letters: written } : {}),
        ...(links.length > 0 ? { links } : {}),
      });
      await db.interactions.bulkDelete(interactions.map((i) => i.id));
      await db.letters.bulkDelete(written.map((l) => l.id));
    }
    await db.trash.bulkPut(entries);
    await db.contacts.bulkDelete(entries.map((e) => e.id));
    await dropLinksOfContacts(entries.map((e) => e.id));
    return entries;
  });
}

/** How many letters these contacts wrote: a delete says so and asks what to do with them. */
export async function countLettersBy(ids: readonly string[]): Promise<number> {
  return db.letters.where('writerId').anyOf([...ids]).count();
}

export async function deleteContact(id: string, now = Date.now(), letters: LettersOnDelete = 'delete'): Promise<TrashEntry> {
  const [entry] = await deleteContacts([id], now, letters);
  if (!entry) throw new UserError(userText('errors.contactGone'));
  return entry;
}

/** Restores deleted contacts with their timelines. */
export async function restoreContacts(ids: readonly string[]): Promise<Contact[]> {
  return db.transaction('rw', [db.contacts, db.interactions, db.trash, db.letters, ...PROGRAM_TABLES], async () => {
    const entries = (await db.trash.bulkGet([...ids])).filter((e): e is TrashEntry => e !== undefined);
    if (entries.length === 0) throw new UserError(userText('errors.notInTrash'));
    // The same profile may have been saved again since the delete: that contact keeps the identity, and the
    // restored one is flagged as its possible duplicate (storage/identities.ts).
    const contacts = await settleStoredIdentities(entries.map((e) => e.contact));
    await db.contacts.bulkPut(contacts);
    await db.interactions.bulkPut(entries.flatMap((e) => e.interactions));
    await db.letters.bulkPut(entries.flatMap((e) => e.letters ?? []));
    await putBackLinks(entries.flatMap((e) => e.links ?? []));
    await linkContactsByName(contacts);
    await db.trash.bulkDelete(entries.map((e) => e.id));
    return contacts;
  });
}

export async function restoreContact(id: string): Promise<Contact> {
  const [contact] = await restoreContacts([id]);
  return contact!;
}

/** Adds a tag to several contacts at once. */
export async function tagContacts(ids: readonly string[], tag: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', [db.contacts, db.settings], async () => {
    const { keepInTouchByTag } = await getSettings();
    for (const contact of await db.contacts.bulkGet([...ids])) {
      if (!contact || contact.tags.includes(tag)) continue;
      await db.contacts.put(withKeepInTouch(Contact.parse({ ...contact, tags: [...contact.tags, tag], updatedAt: now }), keepInTouchByTag));
    }
  });
}

/** Sets the status of several contacts at once, with the same follow-up effect as one by one. */
export async function setStatuses(ids: readonly string[], status: Status, now = Date.now()): Promise<void> {
  await db.transaction('rw', [db.contacts, db.settings, ...PROGRAM_TABLES], async () => {
    for (const id of ids) await updateContact(id, { status }, now);
  });
}

