/**
 * The side panel's questions about the contacts, answered from indexes alone
 * (RELIABILITY L2): which contacts match a search and filters, in what order,
 * how many are at each status, and which values the filter menus offer. Only
 * keys are read here, never whole records; the list then reads the few records
 * on screen (`contactsByIds`). With 100,000 contacts a full read would hold the
 * panel for seconds and most of the memory it has.
 */
import type { PipelineCounts } from '../contacts/first-screen';
import type { FunnelStep } from '../overview/funnel';
import { db } from './db';
import { ContactSummary, STATUSES, type Contact, type Source, type Status } from '../model/schemas';
import { SUMMARY_KEY, summaryOf } from './contact-summary';
import { readingOrder, words } from '../model/text';
import { searchFields, sortNameOf } from './search-fields';
import { funnelStepIds } from './overview';

export interface Filters {
  status?: Status;
  tag?: string;
  source?: Source;
  organization?: string;
  specialty?: string;
  /** Only contacts whose follow-up is due now. */
  due?: boolean;
  /** Exactly the contacts of one step of the Overview's funnel (storage/overview.ts), with the words that name it. */
  funnel?: { step: FunnelStep; from: number; to: number; label: string };
}

export const SORTS = {
  name: 'Name',
  lastContact: 'Last contact',
  nextFollowUp: 'Next follow-up',
  added: 'Date added',
} as const;
export type Sort = keyof typeof SORTS;

/** Primary keys as strings: every contact's id is one (model/ids.ts). */
const asIds = (keys: unknown[]) => keys as string[];

/**
 * Every contact's id in the order of `sort`. A date sort lists contacts with
 * that date first (names in order within the same date) and those without it
 * after, by name, as a spreadsheet would. Names within a date come from the
 * name order read anyway, not from a compound index per date (schema version
 * 6 dropped those: they cost every write three index rows to serve a sort).
 */
export async function orderedIds(sort: Sort): Promise<string[]> {
  return db.transaction('r', db.contacts, async () => {
    const byName = asIds(await db.contacts.orderBy('sortName').primaryKeys());
    if (sort === 'name') return byName;
    const field = sort === 'lastContact' ? 'lastContactedAt' : sort === 'nextFollowUp' ? 'nextFollowUpAt' : 'createdAt';
    const dated = db.contacts.orderBy(field);
    const [dates, ids] = await Promise.all([dated.keys() as Promise<unknown[]>, dated.primaryKeys()]);
    // Soonest first for what is coming; newest first for the past (last contact, date added).
    const first = byDateThenName(asIds(ids), dates as number[], byName, sort === 'nextFollowUp' ? 1 : -1);
    if (first.length === byName.length) return first;
    const seen = new Set(first);
    for (const id of byName) if (!seen.has(id)) first.push(id);
    return first;
  });
}

/** Where a page of ids by name stopped: the last name read, and how many ids with that name were read. */
export interface NameCursor {
  name: string;
  sameName: number;
}

export interface IdsPage {
  ids: string[];
  /** Where the next page starts; undefined when this page reached the end. */
  next?: NameCursor;
}

/**
 * One page of the ids in name order, from where the last one stopped: the
 * list reads the ids as it is scrolled instead of all of them (1.5 s at
 * 100,000). IndexedDB orders ids of equal names by id, so the ids of the last
 * name already read come first, and are skipped.
 */
export async function idsByNamePage(limit: number, after?: NameCursor): Promise<IdsPage> {
  const skip = after?.sameName ?? 0;
  const page = (after ? db.contacts.where('sortName').aboveOrEqual(after.name) : db.contacts.orderBy('sortName')).limit(limit + skip);
  const [names, keys] = await db.transaction('r', db.contacts, () => Promise.all([page.keys() as Promise<string[]>, page.primaryKeys()]));
  const ids = asIds(keys).slice(skip);
  if (keys.length < limit + skip || ids.length === 0) return { ids };
  const last = names.at(-1)!;
  let sameName = 0;
  for (let i = names.length - 1; i >= 0 && names[i] === last; i--) sameName++;
  return { ids, next: { name: last, sameName } };
}

/**
 * Ids read in ascending date order, ordered by date (`direction` 1 soonest
 * first, -1 newest first) with names in reading order within one date: a
 * whole import shares its date added, and should read A to Z, not Z to A.
 * IndexedDB orders equal dates by id, so the name order ranks them.
 */
function byDateThenName(ids: string[], dates: number[], byName: readonly string[], direction: 1 | -1): string[] {
  const rank = new Map<string, number>();
  byName.forEach((id, i) => rank.set(id, i));
  const order = ids.map((_, i) => i);
  order.sort((a, b) => direction * (dates[a]! - dates[b]!) || (rank.get(ids[a]!) ?? 0) - (rank.get(ids[b]!) ?? 0));
  return order.map((i) => ids[i]!);
}

/** The ids that have one value in an index; for a multi-valued index (tags), any of them. */
async function idsWhere(index: string, value: string): Promise<Set<string>> {
  return new Set(asIds(await db.contacts.where(index).equals(value).primaryKeys()));
}

/** The ids matching the filters, or `undefined` when no filter is set. */
export async function matchingIds(filters: Filters, now = Date.now()): Promise<Set<string> | undefined> {
  const ids = (collection: { primaryKeys(): Promise<unknown[]> }) => collection.primaryKeys().then((keys) => new Set(asIds(keys)));
  const questions: (() => Promise<Set<string>>)[] = [];
  if (filters.status) questions.push(() => idsWhere('status', filters.status!));
  if (filters.source) questions.push(() => idsWhere('source', filters.source!));
  if (filters.tag) questions.push(() => idsWhere('tags', filters.tag!));
  if (filters.organization) questions.push(() => idsWhere('organization', filters.organization!));
  if (filters.specialty) questions.push(() => idsWhere('specialty', filters.specialty!));
  if (filters.due) questions.push(() => ids(db.contacts.where('nextFollowUpAt').belowOrEqual(now)));
  if (filters.funnel) questions.push(() => funnelStepIds(filters.funnel!.step, filters.funnel!));
  if (questions.length === 0) return undefined;
  // One read transaction, so that every answer sees the same data.
  const answers = await db.transaction('r', [db.contacts, db.letters], () => Promise.all(questions.map((ask) => ask())));
  const [smallest, ...others] = answers.sort((a, b) => a.size - b.size);
  if (others.length === 0) return smallest;
  const all = new Set<string>();
  for (const id of smallest!) if (others.every((set) => set.has(id))) all.add(id);
  return all;
}

/** Matches a search reads at most, so that a keystroke costs the same with 100 contacts or 100,000. */
export const SEARCH_LIMIT = 200;

/** A search's answer: its matches' ids and the records it read for them (the list draws its rows from these). */
export interface SearchResult {
  /** The matching contacts' ids, in the order of the sort. */
  ids: string[];
  /** False when the search matched more than SEARCH_LIMIT people: `ids` holds some of them, and more typing narrows it. */
  complete: boolean;
  /** The records of `ids`, in the same order. */
  contacts: Contact[];
}

/**
 * A search: every word typed must begin a word of the contact's name,
 * organization, title, school, tags, notes or where they met; filters apply
 * too. Each word's matches are read through the word index, at most
 * SEARCH_LIMIT + 1 of them; the narrowest word's contacts are read and checked
 * against the other words and the filters. Exact whenever some word matches
 * at most SEARCH_LIMIT people, which a name's first letters soon do. The
 * records of the matches come with their ids: the side panel draws its rows
 * from them, without reading them a second time.
 */
export async function searchContacts(query: string, filters: Filters, sort: Sort, now = Date.now()): Promise<SearchResult | undefined> {
  const terms = [...new Set(words(query))];
  if (terms.length === 0) return undefined;
  // Not one explicit transaction: Dexie settles an explicit one only once IndexedDB says it has completed, an event
  // after the last read, and a keystroke would wait for it. Each read here is a read-only transaction of its own that
  // answers at once; a write between them is seen by the next keystroke's search, as every change asks again.
  const candidates = await (async () => {
    if (terms.length === 1) {
      // One word, as while typing a name: its matches' records in one read of the index, beside the letters' (a
      // handful) rather than after them; each record matches by its key.
      const [writers, found] = await Promise.all([
        // "letter", a specialty a letter is meant for or its ERAS Letter ID finds the writer.
        letterWritersMatching(terms),
        db.contacts.where('searchWords').startsWith(terms[0]!).limit(SEARCH_LIMIT + 1).toArray(),
      ]);
      const unique = new Map(found.map((c) => [c.id, c]));
      const missing = [...writers.get(terms[0]!)!].filter((id) => !unique.has(id));
      if (missing.length > 0) for (const writer of await contactsByIds(missing)) unique.set(writer.id, writer);
      const keyed = new Set(unique.keys());
      return { complete: found.length <= SEARCH_LIMIT, contacts: [...unique.values()].slice(0, SEARCH_LIMIT), writers, keyed: [{ ids: keyed, complete: true }] };
    }
    // Several words: each word's ids from its index keys, all at once and beside the letters; only the narrowest
    // word's records are read.
    const [writers, keysPerTerm] = await Promise.all([
      letterWritersMatching(terms),
      Promise.all(terms.map((term) => db.contacts.where('searchWords').startsWith(term).limit(SEARCH_LIMIT + 1).primaryKeys())),
    ]);
    const perTerm = terms.map((term, i) => {
      const keys = keysPerTerm[i]!;
      const ids = [...new Set([...asIds(keys), ...writers.get(term)!])];
      return { complete: keys.length <= SEARCH_LIMIT, ids: ids.slice(0, SEARCH_LIMIT), set: new Set(ids) };
    });
    const narrowest = perTerm.filter((t) => t.complete).sort((a, b) => a.ids.length - b.ids.length)[0];
    const chosen = narrowest ?? perTerm[0]!;
    // A word's keys decide for it when they are all of its matches; only a word with more is checked against the record.
    const keyed = perTerm.map((t) => ({ ids: t.set, complete: t.complete }));
    const others = perTerm.every((t) => t === chosen || t.complete) ? chosen.ids.filter((id) => perTerm.every((t) => t.set.has(id))) : chosen.ids;
    return { complete: chosen.complete, contacts: await contactsByIds(others), writers, keyed };
  })();
  const { writers, keyed } = candidates;
  const inFunnel = filters.funnel ? await funnelStepIds(filters.funnel.step, filters.funnel) : undefined;
  const matched = candidates.contacts.filter((contact) => {
    if (inFunnel && !inFunnel.has(contact.id)) return false;
    let own: string[] | undefined;
    const matches = (term: string, i: number) => {
      const byKeys = keyed[i]!;
      if (byKeys.complete) return byKeys.ids.has(contact.id);
      own ??= searchFields(contact).searchWords;
      return own.some((word) => word.startsWith(term)) || writers.get(term)!.has(contact.id);
    };
    return terms.every(matches) && passesFilters(contact, filters, now);
  });
  const contacts = sortContacts(matched, sort);
  return { ids: contacts.map((c) => c.id), complete: candidates.complete, contacts };
}

/** Words that find every letter writer, in the languages Rapport speaks. */
const LETTER_WORDS = ['letter', 'letters', 'recommendation', 'reference', 'lor', 'carta', 'cartas', 'recomendacion'];

/**
 * For each search word, the writers of a letter it begins a word of: the
 * words above, what the letter is meant for, its ERAS Letter ID. Letters are
 * a handful, so they are read whole.
 */
async function letterWritersMatching(terms: readonly string[]): Promise<Map<string, Set<string>>> {
  const out = new Map(terms.map((term) => [term, new Set<string>()]));
  if (!terms.some((term) => term.length > 0)) return out;
  for (const letter of await db.letters.toArray()) {
    const own = [...LETTER_WORDS, ...letter.meantFor.flatMap(words), ...words(letter.erasLetterId ?? '')];
    for (const term of terms) if (own.some((word) => word.startsWith(term))) out.get(term)!.add(letter.writerId);
  }
  return out;
}

function passesFilters(contact: Contact, filters: Filters, now: number): boolean {
  if (filters.status && contact.status !== filters.status) return false;
  if (filters.source && contact.source !== filters.source) return false;
  if (filters.tag && !contact.tags.includes(filters.tag)) return false;
  if (filters.organization && contact.organization !== filters.organization) return false;
  if (filters.specialty && contact.specialty !== filters.specialty) return false;
  if (filters.due && !(contact.nextFollowUpAt !== undefined && contact.nextFollowUpAt <= now)) return false;
  return true;
}

/** Sorts a search's few contacts in memory exactly as orderedIds orders everyone. */
function sortContacts(contacts: Contact[], sort: Sort): Contact[] {
  // The name order's key alone, not every search field of each contact.
  const names = new Map(contacts.map((c) => [c.id, sortNameOf(c)]));
  const byName = (a: Contact, b: Contact) => {
    const x = names.get(a.id)!;
    const y = names.get(b.id)!;
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const byDate = (pick: (c: Contact) => number | undefined, direction: 1 | -1) => (a: Contact, b: Contact) => {
    const x = pick(a);
    const y = pick(b);
    if (x === undefined || y === undefined) return x === y ? byName(a, b) : x === undefined ? 1 : -1;
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

/** The ordered ids kept by `matching` (every id when it is undefined). */
export function keepMatching(ordered: readonly string[], matching: ReadonlySet<string> | undefined): readonly string[] {
  return matching ? ordered.filter((id) => matching.has(id)) : ordered;
}

/** The counts the pipeline strip shows (the side panel's snapshot keeps a copy: contacts/first-screen.ts). */
export type Pipeline = PipelineCounts;

/**
 * How many contacts there are, and at each status: the summary row
 * (./contact-summary), one read. A row found wrong (missing, or marked stale
 * by a write) is recounted first.
 */
export async function pipelineCounts(): Promise<Pipeline> {
  const row = await db.summaries.get(SUMMARY_KEY);
  const summary = row && !row.stale ? row : await recountSummary();
  return { total: summary.total, counts: summary.counts };
}

/**
 * The repair: every status counted by its index and the row written again, in
 * one transaction so that no write falls between the count and the row.
 */
export async function recountSummary(): Promise<ContactSummary> {
  return db.transaction('rw', db.contacts, db.summaries, async () => {
    const perStatus = await Promise.all(STATUSES.map((status) => db.contacts.where('status').equals(status).count()));
    const summary = ContactSummary.parse(summaryOf(Object.fromEntries(STATUSES.map((s, i) => [s, perStatus[i]!])) as Record<Status, number>));
    await db.summaries.put(summary);
    return summary;
  });
}

/**
 * The check that finds a row gone wrong without a write noticing (a bug, a
 * write from outside storage/): its total against the table's own count, one
 * cheap read. Recounts when they differ; true when it did.
 */
export async function checkContactSummary(): Promise<boolean> {
  const [row, total] = await db.transaction('r', db.contacts, db.summaries, () => Promise.all([db.summaries.get(SUMMARY_KEY), db.contacts.count()]));
  if (row && !row.stale && row.total === total) return false;
  await recountSummary();
  return true;
}

/** The distinct values of an index, in reading order, for filter menus and autocomplete. */
export async function distinctValues(index: 'tags' | 'organization' | 'specialty'): Promise<string[]> {
  const keys = (await db.contacts.orderBy(index).uniqueKeys()) as string[];
  return keys.filter(Boolean).sort((a, b) => readingOrder.compare(a, b));
}

/** The records of `ids`, in that order; ids deleted meanwhile are left out. */
export async function contactsByIds(ids: readonly string[]): Promise<Contact[]> {
  return (await db.contacts.bulkGet([...ids])).filter((contact): contact is Contact => contact !== undefined);
}

/** The most recently changed contacts: the template editor's choice of whom to preview with. */
export async function recentContacts(limit: number): Promise<Contact[]> {
  return db.contacts.orderBy('updatedAt').reverse().limit(limit).toArray();
}
