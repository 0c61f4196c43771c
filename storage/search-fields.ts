/**
 * Fields derived from a contact and stored beside it only so that IndexedDB
 * can answer the side panel's questions through indexes (RELIABILITY L2: no
 * UI path reads the whole table): `sortName` orders the list as people read
 * names, and `searchWords` finds a contact by the start of any word of its
 * name, organization, school, tags or the opening words of its notes.
 *
 * A database middleware (storage/db.ts) computes them on every write, never
 * the callers, and removes them from every record read, so they never reach
 * the UI, a backup or the trash.
 */
import type { Contact } from '../model/schemas';
import { fold, words } from '../model/text';

/** Longest word kept: longer runs are rarely typed, and keys that long bloat the index. */
const MAX_WORD = 40;
/** Words kept per contact; long notes would otherwise dominate the index. */
const MAX_WORDS = 400;
/**
 * Words kept from the notes (schema version 6): enough to find a contact by
 * what the notes open with ("Met at the ACP meeting…"), without every word of
 * long notes in the index, which each write and import pays for (#18).
 */
export const MAX_NOTE_WORDS = 40;

/** The text fields a search looks in, in the order their words are kept. */
function searchedText(contact: Partial<Contact>): (string | undefined)[] {
  return [
    contact.fullName,
    contact.organization,
    contact.title,
    contact.headline,
    contact.specialty,
    contact.subspecialty,
    contact.location,
    ...(contact.education ?? []).map((e) => e.school),
    ...(contact.tags ?? []),
    contact.whereMet?.event,
  ];
}

/** The key the name index orders by. */
export const sortNameOf = (contact: Partial<Contact>): string => fold(contact.fullName ?? '').trim();

export interface SearchFields {
  sortName: string;
  searchWords: string[];
}

export function searchFields(contact: Partial<Contact>): SearchFields {
  const unique = new Set<string>();
  for (const field of searchedText(contact)) {
    if (!field) continue;
    for (const word of words(field)) {
      unique.add(word.slice(0, MAX_WORD));
      if (unique.size >= MAX_WORDS) break;
    }
    if (unique.size >= MAX_WORDS) break;
  }
  for (const word of words(contact.notes ?? '').slice(0, MAX_NOTE_WORDS)) {
    if (unique.size >= MAX_WORDS) break;
    unique.add(word.slice(0, MAX_WORD));
  }
  return { sortName: sortNameOf(contact), searchWords: [...unique] };
}

export const SEARCH_FIELD_NAMES = ['sortName', 'searchWords'] as const satisfies readonly (keyof SearchFields)[];

/** A stored contact as the database holds it: the record plus its derived fields. */
export function withSearchFields<T extends Partial<Contact>>(record: T): T & SearchFields {
  return { ...record, ...searchFields(record) };
}

/**
 * A record as read, without its derived fields (anything else, including `undefined`, as it is). Every contact
 * read passes here (a search hands back 201 at a time): the copy is made without the fields rather than made whole
 * and then `delete`d from, which turns each copy into a slow dictionary object and cost about 2 ms per 201 records.
 */
export function withoutSearchFields<T>(record: T): T {
  if (typeof record !== 'object' || record === null || !('sortName' in record || 'searchWords' in record)) return record;
  const { sortName: _sortName, searchWords: _searchWords, ...copy } = record as T & Partial<SearchFields>;
  return copy as T;
}
