// @vitest-environment node (no DOM reached: see vitest.config.ts)
/**
 * The derived-rows middleware (storage/derived-rows.ts) and the transaction widening it shares with sync tracking
 * (storage/widen-transactions.ts), on a small database of their own: a write's old rows are read once whatever the
 * number of derivations that need them, each derivation's writes commit or roll back with the write, and what a
 * derivation writes passes through the derivations listed after it, not before.
 */
import Dexie, { type DBCore, type DBCoreMutateRequest, type Middleware } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { derivedRows, type Change, type Derivation } from '../../../storage/derived-rows';
import { widened } from '../../../storage/widen-transactions';

interface Item {
  id: string;
  n: number;
}

/** Counts the reads of each kind made on each table, below the middleware under test. */
function counting(reads: Map<string, number>): Middleware<DBCore> {
  const count = (what: string) => reads.set(what, (reads.get(what) ?? 0) + 1);
  return {
    stack: 'dbcore',
    name: 'count-reads',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          getMany: (request) => (count(`getMany:${name}`), table.getMany(request)),
          query: (request) => (count(`query:${name}:${request.values ? 'rows' : 'keys'}`), table.query(request)),
        };
      },
    }),
  };
}

/** A derivation that keeps, per item written, a row in `into` and remembers what it was handed. */
function keeper(name: string, into: string, options: { follows?: string[]; fail?: boolean; reads?: Derivation['reads'] } = {}) {
  const seen: Change[] = [];
  const derivation: Derivation = {
    follows: options.follows ?? ['items'],
    keeps: [{ when: options.follows ?? ['items'], holds: [into] }],
    runs: () => true,
    reads: options.reads ?? ((_table, request) => (request.type === 'add' ? 'none' : 'rows')),
    derive: (change, { trans, table }) => {
      seen.push(change);
      if (options.fail) return Promise.reject(new Error(`${name} failed`));
      const values = change.request.type === 'put' || change.request.type === 'add' ? (change.request.values as Item[]) : [];
      if (values.length === 0) return undefined;
      return table(into).mutate({ type: 'put', trans, values: values.map((item) => ({ key: item.id, from: change.table, n: item.n })) });
    },
  };
  return { derivation, seen };
}

const opened: Dexie[] = [];
let serial = 0;

function database(steps: Derivation[], reads = new Map<string, number>()) {
  const db = new Dexie(`derived-rows-${++serial}`) as Dexie & { items: Dexie.Table<Item, string>; [table: string]: unknown };
  db.version(1).stores({ items: 'id', copies: 'id', a: 'key', b: 'key' });
  db.use(counting(reads));
  db.use(derivedRows(steps));
  opened.push(db);
  return { db, reads, table: (name: string) => db.table(name) };
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('derived rows', () => {
  it('reads the rows a put replaces once, and hands them to every derivation that asked', async () => {
    const one = keeper('one', 'a');
    const two = keeper('two', 'b');
    const { db, reads, table } = database([one.derivation, two.derivation]);
    await db.items.add({ id: 'x', n: 1 });
    reads.clear();

    await db.items.bulkPut([
      { id: 'x', n: 2 },
      { id: 'y', n: 3 },
    ]);

    expect(reads.get('getMany:items')).toBe(1);
    for (const { seen } of [one, two]) {
      expect(seen.at(-1)!.old).toEqual([{ id: 'x', n: 1 }, undefined]);
      expect(seen.at(-1)!.keys).toEqual(['x', 'y']);
    }
    // Each derivation wrote its own table in the same (widened) transaction as the items.
    expect(await table('a').toArray()).toEqual([
      { key: 'x', from: 'items', n: 2 },
      { key: 'y', from: 'items', n: 3 },
    ]);
    expect(await table('b').count()).toBe(2);
  });

  it('reads nothing for an add (its keys were free), and the rows of a range only where one asked for them', async () => {
    const rows = keeper('rows', 'a', { reads: () => 'rows' });
    const keys = keeper('keys', 'b', { reads: (_table, request) => (request.type === 'deleteRange' ? 'keys' : 'none') });
    const { db, reads } = database([rows.derivation, keys.derivation]);

    await db.items.bulkAdd([
      { id: 'x', n: 1 },
      { id: 'y', n: 2 },
    ]);
    expect(reads.size).toBe(0);
    expect(rows.seen.at(-1)!.old).toEqual([undefined, undefined]);

    await db.items.where('id').between('a', 'z').delete();
    expect([...reads.keys()].filter((what) => what.startsWith('query:items'))).toEqual(['query:items:rows']);
    expect(rows.seen.at(-1)!.old).toEqual([
      { id: 'x', n: 1 },
      { id: 'y', n: 2 },
    ]);
    expect(keys.seen.at(-1)!.keys).toEqual(['x', 'y']);
  });

  it('rolls the whole write back when a derivation fails', async () => {
    const one = keeper('one', 'a');
    const failing = keeper('failing', 'b', { fail: true });
    const { db, table } = database([one.derivation, failing.derivation]);

    await expect(db.items.put({ id: 'x', n: 1 })).rejects.toThrow('failing failed');
    await expect(db.transaction('rw', db.items, () => db.items.put({ id: 'y', n: 2 }))).rejects.toThrow('failing failed');

    // Even when the caller catches the failure and carries on, nothing of that write commits.
    await expect(
      db.transaction('rw', db.items, async () => {
        await db.items.put({ id: 'z', n: 3 }).catch(() => undefined);
      }),
    ).rejects.toThrow();

    expect(failing.seen).toHaveLength(3);
    expect(await db.items.count()).toBe(0);
    expect(await table('a').count()).toBe(0);
  });

  it('passes what a derivation writes through the derivations after it only', async () => {
    // `copier` copies each item to `copies`; `before` (listed first) and `after` both follow the copies.
    const before = keeper('before', 'a', { follows: ['copies'] });
    const copier: Derivation = {
      ...keeper('copier', 'copies').derivation,
      derive: ({ request }, { trans, table }) => table('copies').mutate({ type: 'put', trans, values: request.type === 'put' ? request.values : [] }),
    };
    const after = keeper('after', 'b', { follows: ['copies'] });
    const { db, table } = database([before.derivation, copier, after.derivation]);

    await db.items.put({ id: 'x', n: 1 });

    expect(await table('copies').toArray()).toEqual([{ id: 'x', n: 1 }]);
    expect(after.seen.map((change) => change.table)).toEqual(['copies']);
    expect(await table('b').toArray()).toEqual([{ key: 'x', from: 'copies', n: 1 }]);
    expect(before.seen).toHaveLength(0);
  });

  it('lets a derivation give the values written (the old rows read meanwhile by their unchanged keys)', async () => {
    const doubled: Derivation = {
      ...keeper('doubled', 'a').derivation,
      prepare: (_table, request) => Promise.resolve((request.values as Item[]).map((item) => ({ ...item, n: item.n * 2 }))),
    };
    const seen = keeper('seen', 'b');
    const { db, table } = database([doubled, seen.derivation]);
    await db.items.put({ id: 'x', n: 1 });
    await db.items.put({ id: 'x', n: 5 });

    expect(await db.items.get('x')).toEqual({ id: 'x', n: 10 });
    expect(seen.seen.at(-1)!.old).toEqual([{ id: 'x', n: 2 }]);
    expect((seen.seen.at(-1)!.request as Extract<DBCoreMutateRequest, { type: 'put' }>).values).toEqual([{ id: 'x', n: 10 }]);
    expect(await table('b').get('x')).toEqual({ key: 'x', from: 'items', n: 10 });
  });
});

describe('widened transactions', () => {
  const present = new Set(['contacts', 'programLinks', 'programSummaries', 'summaries']);
  const rules = [
    { when: ['contacts'], holds: ['summaries', 'tallies'] },
    { when: ['programLinks'], holds: ['programSummaries'] },
    { when: ['contacts', 'programLinks'], holds: ['contacts', 'programLinks'] },
  ];

  it('applies the rules until none adds a table, and adds only tables the schema has', () => {
    // Links call for the contacts (third rule), which call for their summary (first rule, listed before it).
    expect(widened(['programLinks'], rules, present)).toEqual(['programLinks', 'programSummaries', 'contacts', 'summaries']);
  });

  it('keeps the tables named when no rule adds any', () => {
    const stores = ['settings'];
    expect(widened(stores, rules, present)).toBe(stores);
  });
});
