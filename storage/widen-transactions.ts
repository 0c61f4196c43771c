/**
 * Which tables a read-write transaction must hold so that what the database writes on its own after a write (the
 * rows derived from it in ./derived-rows, the sync outbox of ./sync-tracking) commits or rolls back with that write.
 *
 * Each middleware states its rule here instead of wrapping Dexie's `transaction` itself: four near-copies of that
 * wrapper differed only in their tables. The rules are applied until none adds a table, because one rule's tables
 * can call for another's (a link written needs the contacts, and a contact written needs its summary row), and only
 * tables the schema has are added: a database opened before a derived table's version has none yet (its upgrade
 * builds that table's rows from scratch).
 */
import type { DBCore, DBCoreTransaction } from 'dexie';

/** A read-write transaction that names any table of `when` is given the tables of `holds` too. */
export interface KeptTogether {
  when: readonly string[];
  holds: readonly string[];
}

/** The tables a read-write transaction on `stores` is opened on: `stores` itself when no rule adds any. */
export function widened(stores: string[], rules: readonly KeptTogether[], present: ReadonlySet<string>): string[] {
  const all = new Set(stores);
  for (let grown = true; grown; ) {
    grown = false;
    for (const rule of rules) {
      if (!rule.when.some((store) => all.has(store))) continue;
      for (const store of rule.holds) {
        if (present.has(store) && !all.has(store)) {
          all.add(store);
          grown = true;
        }
      }
    }
  }
  return all.size === stores.length ? stores : [...all];
}

/** Dexie's `transaction` of `down`, with every read-write transaction widened by `rules`. */
export function widenTransactions(down: DBCore, rules: readonly KeptTogether[]): DBCore['transaction'] {
  const present = new Set(down.schema.tables.map((table) => table.name));
  return (stores, mode, options) => down.transaction(mode === 'readwrite' ? widened(stores, rules, present) : stores, mode, options);
}

/** True when this transaction holds the table (a schema upgrade's transaction holds only what its version has). */
export const holds = (trans: DBCoreTransaction, store: string): boolean =>
  (trans as unknown as IDBTransaction).objectStoreNames?.contains(store) ?? false;
