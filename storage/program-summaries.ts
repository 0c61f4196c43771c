/**
 * One summary row per program (how many people are linked, how many of them
 * replied, the last contact with any of them), so that the Programs view reads
 * O(programs) rows instead of every link: reading 10,000 links took most of a
 * second in Chromium (bench/programs.bench.ts).
 *
 * A derivation after ./link-facts in ./derived-rows, so that every write of a
 * link (by any path: save, edit, import, restore, trash, merge, undo, sync,
 * and the copies of a contact's facts ./link-facts rewrites) updates the
 * summaries of the programs it touched, in the same transaction. A put or add moves each row by
 * the difference its links make, when that difference is certain (a new link
 * adds itself; a replaced one takes its old self out first); a program with
 * no row yet, or whose latest contact a replaced link carried, and every
 * delete, is recomputed from that program's links (each carries its contact's
 * facts). Recomputing on every put read all of a program's links per chunk of
 * an import, which grew with the square of its size (#18).
 * repairProgramSummaries (storage/programs.ts) checks them all and rewrites
 * any found wrong.
 */
import type { DBCoreTable, DBCoreTransaction } from 'dexie';
import { summarizeLinks, type ProgramSummary } from '../programs/overview';
import type { ProgramLinkRow } from '../model/schemas';
import type { Derivation, Scope } from './derived-rows';
import { holds } from './widen-transactions';

export const SUMMARY_TABLE = 'programSummaries';

/** A summary row as stored, keyed by its program's id. */
export type ProgramSummaryRow = ProgramSummary & { programId: string };

/** Above this many programs touched by one write, one read of every link beats a read per program. */
const READ_ALL_ABOVE = 64;

const ANY = { type: 3 /* Any */ } as never;
const equal = (value: string) => ({ type: 1 /* Equal */, lower: value, upper: value }) as never;

/** The summary rows of these programs as their links now stand; a program with no link has none. */
export function summarize(programIds: readonly string[], links: readonly ProgramLinkRow[]): { put: ProgramSummaryRow[]; drop: string[] } {
  const byProgram = new Map<string, ProgramLinkRow[]>(programIds.map((id) => [id, []]));
  for (const link of links) byProgram.get(link.programId)?.push(link);
  const put: ProgramSummaryRow[] = [];
  const drop: string[] = [];
  for (const [programId, own] of byProgram) {
    if (own.length === 0) drop.push(programId);
    else put.push({ programId, ...summarizeLinks(own) });
  }
  return { put, drop };
}

// No async/await here: Dexie keeps its transaction zone across `then` of the promises it hands
// down, and a native await in a middleware can lose it ("Transaction committed too early").
function linksOfPrograms(links: DBCoreTable, trans: DBCoreTransaction, ids: readonly string[]): Promise<ProgramLinkRow[]> {
  if (ids.length > READ_ALL_ABOVE) {
    return links.query({ trans, values: true, query: { index: links.schema.primaryKey, range: ANY } }).then(({ result }) => result as ProgramLinkRow[]);
  }
  const index = links.schema.getIndexByKeyPath('programId')!;
  return Promise.all(ids.map((id) => links.query({ trans, values: true, query: { index, range: equal(id) } }))).then((answers) =>
    answers.flatMap(({ result }) => result as ProgramLinkRow[]),
  );
}

function recompute({ trans, table }: Scope, programIds: ReadonlySet<string>): Promise<void> {
  if (programIds.size === 0) return Promise.resolve();
  const ids = [...programIds];
  return linksOfPrograms(table('programLinks'), trans, ids).then((links) => {
    const { put, drop } = summarize(ids, links);
    const summaries = table(SUMMARY_TABLE);
    return Promise.all([
      put.length > 0 ? summaries.mutate({ type: 'put', trans, values: put }) : undefined,
      drop.length > 0 ? summaries.mutate({ type: 'delete', trans, keys: drop }) : undefined,
    ]).then(() => undefined);
  });
}

const linkKey = (link: ProgramLinkRow): [string, string] => [link.contactId, link.programId];

/**
 * After a put or add of `written` (the last write of each key wins, as in IndexedDB), where `old`
 * holds each key's link before it: the rows moved by their difference, and the programs whose
 * difference is not certain, to recompute.
 */
export function differences(
  rows: ReadonlyMap<string, ProgramSummaryRow | undefined>,
  written: readonly ProgramLinkRow[],
  old: readonly (ProgramLinkRow | undefined)[],
): { put: ProgramSummaryRow[]; recount: Set<string> } {
  const recount = new Set<string>();
  const moved = new Map<string, ProgramSummaryRow>();
  const last = new Map<string, number>();
  written.forEach((link, i) => last.set(linkKey(link).join('\n'), i));
  for (const i of last.values()) {
    const link = written[i]!;
    const { programId } = link;
    if (recount.has(programId)) continue;
    const stored = rows.get(programId);
    if (!stored) {
      recount.add(programId);
      continue;
    }
    const row = moved.get(programId) ?? { ...stored };
    const before = old[i];
    const after = summarizeLinks([link]);
    if (before) {
      const gone = summarizeLinks([before]);
      // The latest contact leaves with the old link unless the new one is as late: only its links know the next latest.
      if (gone.lastContactedAt !== undefined && gone.lastContactedAt === row.lastContactedAt && !((after.lastContactedAt ?? -Infinity) >= gone.lastContactedAt)) {
        recount.add(programId);
        moved.delete(programId);
        continue;
      }
      row.people -= gone.people;
      row.replied -= gone.replied;
    }
    row.people += after.people;
    row.replied += after.replied;
    if (after.lastContactedAt !== undefined && (row.lastContactedAt === undefined || after.lastContactedAt > row.lastContactedAt)) row.lastContactedAt = after.lastContactedAt;
    moved.set(programId, row);
  }
  return { put: [...moved.values()], recount };
}

/** A put or add of links, applied to the summaries by difference where certain (see above). */
function written(scope: Scope, values: readonly ProgramLinkRow[], old: readonly unknown[], failures: Record<number, Error>): Promise<unknown> {
  const { trans } = scope;
  const summaries = scope.table(SUMMARY_TABLE);
  const links = values.filter((_, i) => !failures[i]);
  const before = (old as (ProgramLinkRow | undefined)[]).filter((_, i) => !failures[i]);
  const ids = [...new Set(links.map((link) => link.programId))];
  if (ids.length === 0) return Promise.resolve();
  return summaries.getMany({ trans, keys: ids }).then((found) => {
    const rows = new Map(ids.map((id, i) => [id, found[i] as ProgramSummaryRow | undefined]));
    const { put, recount } = differences(rows, links, before);
    return Promise.all([put.length > 0 ? summaries.mutate({ type: 'put', trans, values: put }) : undefined, recompute(scope, recount)]);
  });
}

const programOfKey = (key: unknown): string | undefined => (Array.isArray(key) && typeof key[1] === 'string' ? key[1] : undefined);

/** Every write of a link moves or recomputes its program's summary; a program deleted takes its summary with it. */
export const programSummaries: Derivation = {
  follows: ['programLinks', 'programs'],
  keeps: [{ when: ['programLinks'], holds: [SUMMARY_TABLE] }],
  // Schema upgrades before version 9 have no summary table; version 9's upgrade builds them all.
  runs: (trans) => holds(trans, SUMMARY_TABLE),
  // A link written replaces the one before it (an add replaces none); a range deleted is recomputed from its keys.
  reads: (table, request) => (table !== 'programLinks' ? 'none' : request.type === 'deleteRange' ? 'keys' : request.type === 'delete' ? 'none' : 'rows'),
  derive: ({ table, request, response, old, keys }, scope) => {
    // A program's links go in the same transaction as the program, by their own path.
    if (table === 'programs') return request.type === 'delete' ? scope.table(SUMMARY_TABLE).mutate({ type: 'delete', trans: scope.trans, keys: request.keys }) : undefined;
    if (request.type === 'put' || request.type === 'add') return written(scope, request.values as ProgramLinkRow[], old, response.failures);
    return recompute(scope, touched(keys));
  },
};

function touched(keys: readonly unknown[]): Set<string> {
  const ids = new Set<string>();
  for (const key of keys) {
    const id = programOfKey(key);
    if (id) ids.add(id);
  }
  return ids;
}
