/**
 * Keeps on every program-link row a copy of what the Programs view needs to
 * know about its contact (status and last contact), so that the view reads
 * the links and the programs and nothing else: reading 10,000 contacts' status
 * and last-contact indexes took most of a second (bench/programs.bench.ts).
 *
 * A derivation of ./derived-rows, so that no write path can forget it: a link
 * written is given its contact's facts, and a contact written updates the
 * copies on its links, both in the same transaction as the write. Every
 * read-write transaction that names contacts or links is widened to hold both
 * (and ./program-summaries, after this one, adds the programs' summaries it
 * keeps from the links), so that no path (the sync engine's, a test's) can
 * leave a copy or a summary behind.
 */
import type { DBCoreTable, DBCoreTransaction } from 'dexie';
import type { Contact, ProgramLink, ProgramLinkRow } from '../model/schemas';
import type { Derivation } from './derived-rows';
import { holds } from './widen-transactions';

export type { ProgramLinkRow };

/** The facts of a contact that its link rows copy. */
type Facts = Pick<ProgramLinkRow, 'contactStatus' | 'contactLastContactedAt'>;

const factsOf = (contact: Pick<Contact, 'status' | 'lastContactedAt'>): Facts => ({
  contactStatus: contact.status,
  ...(contact.lastContactedAt !== undefined ? { contactLastContactedAt: contact.lastContactedAt } : {}),
});

/** The link alone, as every caller outside storage sees it (a backup, the trash, an undo). */
export function toLink({ contactId, programId, by, at }: ProgramLinkRow): ProgramLink {
  return { contactId, programId, by, at };
}

const withFacts = (link: ProgramLinkRow, facts: Facts | undefined): ProgramLinkRow => ({ ...toLink(link), ...facts });

/** A link as stored for this contact (what the middleware below writes; the benchmark seeds rows with it). */
export const linkRow = (link: ProgramLink, contact: Pick<Contact, 'status' | 'lastContactedAt'>): ProgramLinkRow => withFacts(link, factsOf(contact));

const sameFacts = (link: ProgramLinkRow, facts: Facts) =>
  link.contactStatus === facts.contactStatus && link.contactLastContactedAt === facts.contactLastContactedAt;

/** What a read-write transaction on contacts or links must hold for the copies to commit with it. */
const KEPT_TOGETHER = ['contacts', 'programLinks'];

/** Above this many contacts in one write, one read of every link beats a read per contact... */
const READ_ALL_ABOVE = 64;
/** ...while the links are at most this many times as many as the contacts written. */
const READ_ALL_UP_TO = 4;
/**
 * Transactions that found more links than that: an import writes a thousand chunks in one
 * transaction, and reading every link for each chunk grew with the square of its size.
 */
const manyLinks = new WeakSet<DBCoreTransaction>();

// No async/await here: Dexie keeps its transaction zone across `then` of the promises it hands
// down, and a native await in a middleware can lose it ("Transaction committed too early").
function linksOf(links: DBCoreTable, trans: DBCoreTransaction, ids: ReadonlySet<string>): Promise<ProgramLinkRow[]> {
  if (ids.size > READ_ALL_ABOVE && !manyLinks.has(trans)) {
    return links
      .query({ trans, values: true, query: { index: links.schema.primaryKey, range: { type: 3 /* Any */ } as never } })
      .then(({ result }) => {
        if (result.length > READ_ALL_UP_TO * ids.size) manyLinks.add(trans);
        return (result as ProgramLinkRow[]).filter((link) => ids.has(link.contactId));
      });
  }
  const index = links.schema.getIndexByKeyPath('contactId')!;
  return Promise.all(
    [...ids].map((id) => links.query({ trans, values: true, query: { index, range: { type: 1 /* Equal */, lower: id, upper: id } } })),
  ).then((answers) => answers.flatMap(({ result }) => result as ProgramLinkRow[]));
}

/** A link written is given its contact's facts; a contact written rewrites the copies on its links that changed. */
export const linkFacts: Derivation = {
  follows: ['contacts', 'programLinks'],
  keeps: [{ when: ['contacts', 'programLinks'], holds: KEPT_TOGETHER }],
  // A link loses any facts it was given even without the contacts at hand; a contact's copies need its links.
  runs: (trans, table) => table === 'programLinks' || holds(trans, 'programLinks'),
  reads: () => 'none',
  prepare: (table, request, { trans, table: tableOf }) => {
    if (table !== 'programLinks') return undefined;
    const rows = request.values as ProgramLinkRow[];
    if (!holds(trans, 'contacts')) return Promise.resolve(rows.map((link) => withFacts(link, undefined)));
    return tableOf('contacts')
      .getMany({ trans, keys: rows.map((l) => l.contactId) })
      .then((contacts) => rows.map((link, i) => withFacts(link, contacts[i] ? factsOf(contacts[i] as Contact) : undefined)));
  },
  derive: ({ table, request, response }, { trans, table: tableOf }) => {
    if (table !== 'contacts' || (request.type !== 'add' && request.type !== 'put')) return undefined;
    const written = new Map<string, Facts>();
    (request.values as Contact[]).forEach((contact, i) => {
      if (!response.failures[i]) written.set(contact.id, factsOf(contact));
    });
    if (written.size === 0) return undefined;
    // Written through this scope, the rewritten links pass through ./program-summaries after it.
    const links = tableOf('programLinks');
    return linksOf(links, trans, new Set(written.keys())).then((found) => {
      const stale = found.filter((link) => !sameFacts(link, written.get(link.contactId)!));
      if (stale.length === 0) return undefined;
      return links.mutate({ type: 'put', trans, values: stale.map((link) => withFacts(link, written.get(link.contactId))) });
    });
  },
};
