/**
 * Finding contacts in the side panel: search, filters, sort and pipeline
 * counts. Pure functions over contacts already in memory, so that each
 * keystroke costs a scan of precomputed strings, not a database query.
 */
import { STATUSES, type Contact, type Source, type Status } from '../storage/schemas';

/** Lower case, accents removed: "Müller" matches "muller". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export interface Filters {
  status?: Status;
  tag?: string;
  source?: Source;
  organization?: string;
  specialty?: string;
  /** Only contacts whose follow-up is due now. */
  due?: boolean;
}

export const SORTS = {
  name: 'Name',
  lastContact: 'Last contact',
  nextFollowUp: 'Next follow-up',
  added: 'Date added',
} as const;
export type Sort = keyof typeof SORTS;

/** A contact with the folded text that search matches against. */
export interface Indexed {
  contact: Contact;
  haystack: string;
}

export function searchText(contact: Contact): string {
  return fold(
    [
      contact.fullName,
      contact.organization,
      contact.title,
      contact.headline,
      contact.specialty,
      contact.subspecialty,
      contact.location,
      ...contact.education.map((e) => e.school),
      ...contact.tags,
      contact.notes,
      contact.whereMet?.event,
    ]
      .filter(Boolean)
      .join('\n'),
  );
}

export function indexContacts(contacts: readonly Contact[]): Indexed[] {
  return contacts.map((contact) => ({ contact, haystack: searchText(contact) }));
}

function matchesFilters(contact: Contact, filters: Filters, now: number): boolean {
  if (filters.status && contact.status !== filters.status) return false;
  if (filters.source && contact.source !== filters.source) return false;
  if (filters.tag && !contact.tags.includes(filters.tag)) return false;
  if (filters.organization && contact.organization !== filters.organization) return false;
  if (filters.specialty && contact.specialty !== filters.specialty) return false;
  if (filters.due && !(contact.nextFollowUpAt !== undefined && contact.nextFollowUpAt <= now)) return false;
  return true;
}

/** Every word of the query must appear somewhere in the contact's text. */
export function filterContacts(index: readonly Indexed[], query: string, filters: Filters, now: number): Contact[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const out: Contact[] = [];
  for (const { contact, haystack } of index) {
    if (!matchesFilters(contact, filters, now)) continue;
    if (words.every((word) => haystack.includes(word))) out.push(contact);
  }
  return out;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Sorts in place. Missing dates go last; ties fall back to the name. */
export function sortContacts(contacts: Contact[], sort: Sort): Contact[] {
  // By the name as shown, like the database's name index, so the first page painted from the index keeps its place.
  const byName = (a: Contact, b: Contact) => collator.compare(a.fullName, b.fullName);
  const byDate = (pick: (c: Contact) => number | undefined, direction: 1 | -1) => (a: Contact, b: Contact) => {
    const x = pick(a);
    const y = pick(b);
    if (x === undefined && y === undefined) return byName(a, b);
    if (x === undefined) return 1;
    if (y === undefined) return -1;
    return (x - y) * direction || byName(a, b);
  };
  switch (sort) {
    case 'name':
      return contacts.sort(byName);
    case 'lastContact':
      return contacts.sort(byDate((c) => c.lastContactedAt, -1));
    case 'nextFollowUp':
      return contacts.sort(byDate((c) => c.nextFollowUpAt, 1));
    case 'added':
      return contacts.sort(byDate((c) => c.createdAt, -1));
  }
}

export function statusCounts(contacts: readonly Contact[]): Record<Status, number> {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const contact of contacts) counts[contact.status] += 1;
  return counts;
}

/** The distinct non-empty values of a field, sorted, for filter menus and autocomplete. */
export function distinctValues(contacts: readonly Contact[], pick: (c: Contact) => readonly (string | undefined)[]): string[] {
  const values = new Set<string>();
  for (const contact of contacts) for (const value of pick(contact)) if (value) values.add(value);
  return [...values].sort((a, b) => collator.compare(a, b));
}

export interface OrganizationSummary {
  organization: string;
  contacts: Contact[];
  counts: Record<Status, number>;
}

/** Everyone the user knows at each organization, largest first. */
export function byOrganization(contacts: readonly Contact[]): OrganizationSummary[] {
  const groups = new Map<string, { organization: string; contacts: Contact[] }>();
  for (const contact of contacts) {
    if (!contact.organization) continue;
    // Group "Northfield General Hospital" and "northfield general hospital" together.
    const key = fold(contact.organization).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const group = groups.get(key) ?? { organization: contact.organization, contacts: [] };
    group.contacts.push(contact);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((group) => ({ ...group, counts: statusCounts(group.contacts) }))
    .sort((a, b) => b.contacts.length - a.contacts.length || collator.compare(a.organization, b.organization));
}
