/**
 * One summary row per program (how many people are linked, how many of them
 * replied, the last contact with any of them), so that the Programs view reads
 * O(programs) rows instead of every link: reading 10,000 links took most of a
 * second in Chromium (bench/programs.bench.ts).
 *
 * A Dexie middleware below ./link-facts, so that every write of a link (by any
 * path: save, edit, import, restore, trash, merge, undo, sync, and the copies
 * of a contact's facts ./link-facts rewrites) recomputes the summaries of the
 * programs it touched, in the same transaction. A summary is recomputed from
 * that program's links (each carries its contact's facts), never adjusted by
 * a difference, so it cannot drift; repairProgramSummaries (storage/programs.ts)
 * checks them all and rewrites any found wrong.
 */
import type { DBCore, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { summarizeLinks, type ProgramSummary } from '../programs/overview';
import type { ProgramLinkRow } from '../model/schemas';

export const SUMMARY_TABLE = 'programSummaries';

/** A summary row as stored, keyed by its program's id. */
export type ProgramSummaryRow = ProgramSummary & { programId: string };

export const holds = (trans: DBCoreTransaction, store: string): boolean =>
  (trans as unknown as IDBTransaction).objectStoreNames?.contains(store) ?? false;

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

function recompute(down: DBCore, trans: DBCoreTransaction, programIds: ReadonlySet<string>): Promise<void> {
  if (programIds.size === 0) return Promise.resolve();
  const ids = [...programIds];
  return linksOfPrograms(down.table('programLinks'), trans, ids).then((links) => {
    const { put, drop } = summarize(ids, links);
    const summaries = down.table(SUMMARY_TABLE);
    return Promise.all([
      put.length > 0 ? summaries.mutate({ type: 'put', trans, values: put }) : undefined,
      drop.length > 0 ? summaries.mutate({ type: 'delete', trans, keys: drop }) : undefined,
    ]).then(() => undefined);
  });
}

const programOfKey = (key: unknown): string | undefined => (Array.isArray(key) && typeof key[1] === 'string' ? key[1] : undefined);

export const programSummariesMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'program-summaries',
  create: (down) => ({
    ...down,
    table: (tableName) => {
      const table = down.table(tableName);
      if (tableName === 'programs') {
        // A program deleted takes its summary with it (its links go in the same transaction, by their own path).
        return {
          ...table,
          mutate: (request) =>
            table.mutate(request).then((response) =>
              request.type === 'delete' && holds(request.trans, SUMMARY_TABLE)
                ? down.table(SUMMARY_TABLE).mutate({ type: 'delete', trans: request.trans, keys: request.keys }).then(() => response)
                : response,
            ),
        };
      }
      if (tableName !== 'programLinks') return table;
      return {
        ...table,
        mutate: (request) => {
          const { trans } = request;
          // Schema upgrades before version 9 have no summary table; version 9's upgrade builds them all.
          if (!holds(trans, SUMMARY_TABLE)) return table.mutate(request);
          if (request.type === 'deleteRange') {
            return table
              .query({ trans, values: false, query: { index: table.schema.primaryKey, range: request.range } })
              .then(({ result }) => table.mutate(request).then((response) => recompute(down, trans, touched(result)).then(() => response)));
          }
          const keys: unknown[] = request.type === 'delete' ? request.keys : (request.values as ProgramLinkRow[]).map((l) => [l.contactId, l.programId]);
          return table.mutate(request).then((response) => recompute(down, trans, touched(keys)).then(() => response));
        },
      };
    },
  }),
};

function touched(keys: readonly unknown[]): Set<string> {
  const ids = new Set<string>();
  for (const key of keys) {
    const id = programOfKey(key);
    if (id) ids.add(id);
  }
  return ids;
}
