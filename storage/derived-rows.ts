/**
 * One Dexie middleware for every row the database keeps derived from other rows: the contacts' summary row
 * (./contact-summary), the Overview's tallies (./overview-tallies), the copies of a contact's facts on its links
 * (./link-facts) and the programs' summaries (./program-summaries). Being in the database means no write path (a
 * save, an import, a restore, an undo, sync, a test) can forget them.
 *
 * Each add, put or delete of a table a derivation follows reads the rows it replaces or removes ONCE, makes the
 * write, and hands the rows as they were and as they are to each derivation, whose extra writes are made in that
 * same transaction (./widen-transactions makes it hold their tables), so the write and all that is derived from
 * it commit or roll back together: a derivation that fails aborts the transaction. Before, each derivation was a
 * middleware of its own that read the old rows itself, and a contact put read the same contacts twice.
 *
 * The derivations are listed in order, and what one writes to a followed table passes through those after it,
 * as a middleware's writes pass through the middlewares below it: the links that ./link-facts rewrites when a
 * contact changes update the programs' summaries too.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { widenTransactions, type KeptTogether } from './widen-transactions';

/** What a derivation needs read before a write: the rows it replaces or removes, their keys only (a range deleted), or nothing. */
export type Reads = 'rows' | 'keys' | 'none';

type Put = Extract<DBCoreMutateRequest, { type: 'add' | 'put' }>;

/** One write once made, as every derivation of its table sees it. */
export interface Change {
  table: string;
  /** The request as written (with the values every `prepare` gave). */
  request: DBCoreMutateRequest;
  response: DBCoreMutateResponse;
  /**
   * One entry per key of `keys` when some derivation asked for the rows: each row before the write (undefined
   * where there was none; always so for an add, whose keys were free); else empty.
   */
  old: readonly unknown[];
  /**
   * The keys written (an add or put) or found in the range removed, when some derivation asked for keys or rows
   * (else empty); a delete's always.
   */
  keys: readonly unknown[];
  /** A range delete of the whole table. */
  all: boolean;
}

/** A derivation's view of the transaction. */
export interface Scope {
  trans: DBCoreTransaction;
  /** A table below this middleware: reads go straight to it, and writes pass through the derivations listed after this one. */
  table(name: string): DBCoreTable;
}

export interface Derivation {
  /** The tables whose writes it follows. */
  follows: readonly string[];
  /** What its transactions must hold for its writes to commit with the write (./widen-transactions). */
  keeps: readonly KeptTogether[];
  /** False where it cannot run: a schema upgrade from before its version has none of its tables yet. */
  runs(trans: DBCoreTransaction, table: string): boolean;
  reads(table: string, request: DBCoreMutateRequest, all: boolean): Reads;
  /** The values of an add or put to write instead of those given (the same keys, in the same order), or undefined to keep them. */
  prepare?(table: string, request: Put, scope: Scope): Promise<readonly unknown[]> | undefined;
  /** Its own writes after the write (may be none). */
  derive(change: Change, scope: Scope): Promise<unknown> | undefined;
}

const RANK: Record<Reads, number> = { none: 0, keys: 1, rows: 2 };

const isAll = (request: DBCoreMutateRequest): boolean =>
  request.type === 'deleteRange' && request.range.type === 3 /* Any */ && request.range.lower === undefined && request.range.upper === undefined;

/** The keys of an add or put, from the request or from each value's primary key. */
const keysOf = (table: DBCoreTable, request: Put): unknown[] => request.keys ?? request.values.map((value) => table.schema.primaryKey.extractKey!(value));

// No async/await here: Dexie keeps its transaction zone across `then` of the promises it hands
// down, and a native await in a middleware can lose it ("Transaction committed too early").

/** The rows or keys `need` asks for, read before the write. */
function before(table: DBCoreTable, request: DBCoreMutateRequest, need: Reads): Promise<{ old: readonly unknown[]; keys: readonly unknown[] }> | undefined {
  const { trans } = request;
  if (request.type === 'deleteRange') {
    if (need === 'none') return undefined;
    const rows = need === 'rows';
    return table.query({ trans, values: rows, query: { index: table.schema.primaryKey, range: request.range } }).then(({ result }) => ({
      old: rows ? result : [],
      keys: rows ? result.map((row) => table.schema.primaryKey.extractKey!(row)) : result,
    }));
  }
  if (need === 'none') return undefined;
  const keys = request.type === 'delete' ? request.keys : keysOf(table, request);
  if (need === 'keys') return Promise.resolve({ old: [], keys });
  // An add's keys are free (one that is not fails, and its row is left out): nothing to read.
  if (request.type === 'add') return Promise.resolve({ old: keys.map(() => undefined), keys });
  return table.getMany({ trans, keys }).then((old) => ({ old, keys }));
}

function abort(trans: DBCoreTransaction): void {
  try {
    (trans as unknown as IDBTransaction).abort();
  } catch {
    // Already finished (aborted by the failure itself): nothing of it was committed.
  }
}

function write(down: DBCore, steps: readonly Derivation[], from: number, tableName: string, request: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  const table = down.table(tableName);
  const { trans } = request;
  const active: [Derivation, number][] = [];
  steps.forEach((step, i) => {
    if (i >= from && step.follows.includes(tableName) && step.runs(trans, tableName)) active.push([step, i]);
  });
  if (active.length === 0) return table.mutate(request);
  const scope = (i: number): Scope => ({
    trans,
    table: (name) => {
      const below = down.table(name);
      return { ...below, mutate: (next) => write(down, steps, i + 1, name, next) };
    },
  });
  const all = isAll(request);
  const need = active.reduce<Reads>((most, [step]) => {
    const wanted = step.reads(tableName, request, all);
    return RANK[wanted] > RANK[most] ? wanted : most;
  }, 'none');
  const reading = before(table, request, need);
  const commit = (written: DBCoreMutateRequest, { old, keys }: { old: readonly unknown[]; keys: readonly unknown[] }) =>
    table.mutate(written).then((response) => {
      const change: Change = { table: tableName, request: written, response, old, keys, all };
      return Promise.all(active.map(([step, i]) => step.derive(change, scope(i)))).then(
        () => response,
        (error: unknown) => {
          // The write is made: a derivation that failed must take it back, even where the caller would carry on
          // (a write outside an explicit transaction, or one whose failure is caught), or the rows would disagree.
          abort(trans);
          throw error;
        },
      );
    });
  const nothing = { old: [], keys: request.type === 'delete' ? request.keys : [] };
  // Each prepare sees the values the one before it gave; the old rows are read meanwhile (a prepare keeps the keys).
  let prepared: Promise<Put> | undefined;
  if (request.type === 'add' || request.type === 'put') {
    for (const [step, i] of active) {
      if (!step.prepare) continue;
      const next = (put: Put) => step.prepare!(tableName, put, scope(i))?.then((values) => ({ ...put, values }));
      prepared = prepared ? prepared.then((put) => next(put) ?? put) : next(request);
    }
  }
  if (!prepared) return reading ? reading.then((read) => commit(request, read)) : commit(request, nothing);
  return Promise.all([prepared, reading ?? nothing]).then(([put, read]) => commit(put, read));
}

/** The middleware that keeps `steps`' rows, in their order (see above). */
export function derivedRows(steps: readonly Derivation[]): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'derived-rows',
    create: (down) => ({
      ...down,
      transaction: widenTransactions(
        down,
        steps.flatMap((step) => step.keeps),
      ),
      table: (tableName) => {
        const table = down.table(tableName);
        if (!steps.some((step) => step.follows.includes(tableName))) return table;
        return { ...table, mutate: (request) => write(down, steps, 0, tableName, request) };
      },
    }),
  };
}
