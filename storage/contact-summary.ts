/**
 * The contacts' summary row (schema version 10, #18): how many contacts there
 * are and how many at each status, so that the list's pipeline strip reads
 * one row instead of walking the status index once per status (1.4 s at
 * 100,000 contacts).
 *
 * Kept by the database itself (./derived-rows), so that no write path can
 * forget it: every read-write transaction that holds the contacts is given the
 * summary table too, and each add, put, delete or range delete of contacts
 * applies its difference to the row in that same transaction, so the row
 * commits or rolls back with the write. The row is found wrong when it is
 * missing, when a write would take a count below zero (it is then marked
 * `stale`), or when its total differs from the table's count
 * (storage/contact-list.ts checkContactSummary, once per list opened); the
 * next read recounts it.
 */
import type { DBCoreTable, DBCoreTransaction } from 'dexie';
import { ContactSummary, STATUSES, type Contact, type Status } from '../model/schemas';
import type { Derivation } from './derived-rows';
import { holds } from './widen-transactions';

export const SUMMARY_TABLE = 'summaries';
export const SUMMARY_KEY = 'contacts';

export const emptySummary = (): ContactSummary => ({
  key: SUMMARY_KEY,
  total: 0,
  counts: Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<Status, number>,
});

/** A summary counted from scratch, from each status's count. */
export function summaryOf(perStatus: Record<Status, number>): ContactSummary {
  const total = STATUSES.reduce((sum, status) => sum + perStatus[status], 0);
  return { key: SUMMARY_KEY, total, counts: { ...perStatus } };
}

/** Applies one contact leaving (`-1`) or arriving (`+1`); a count that would fall below zero marks the row stale. */
function apply(summary: ContactSummary, contact: Pick<Contact, 'status'> | undefined, sign: 1 | -1): void {
  if (!contact) return;
  const status = contact.status;
  const next = (summary.counts[status] ?? 0) + sign;
  if (next < 0 || summary.total + sign < 0 || !(status in summary.counts)) summary.stale = true;
  summary.counts[status] = Math.max(0, next);
  summary.total = Math.max(0, summary.total + sign);
}

/**
 * The row as this transaction sees it, read once per transaction: writes made
 * side by side in one transaction each apply their difference to the same
 * object before writing it, so none overwrites another's (each put carries all
 * the differences applied before it, and the last one commits).
 */
const rows = new WeakMap<DBCoreTransaction, Promise<ContactSummary>>();
function rowOf(summaries: DBCoreTable, trans: DBCoreTransaction): Promise<ContactSummary> {
  let row = rows.get(trans);
  if (!row) {
    row = summaries
      .get({ trans, key: SUMMARY_KEY })
      .then((found: ContactSummary | undefined) => found ?? { ...emptySummary(), stale: true });
    rows.set(trans, row);
  }
  return row;
}

/** Each contact write applies its difference to the row (./derived-rows hands it the contacts as they were). */
export const contactSummary: Derivation = {
  follows: ['contacts'],
  keeps: [{ when: ['contacts'], holds: [SUMMARY_TABLE] }],
  // Upgrades from before version 10 have no summary table yet; version 10's upgrade counts.
  runs: (trans) => holds(trans, SUMMARY_TABLE),
  // An add only adds, and clearing the table empties the row; a put, a delete and a partial range take the records as they were out.
  reads: (_table, request, all) => (request.type === 'add' || all ? 'none' : 'rows'),
  derive: ({ request, response, old, all }, { trans, table }) => {
    const summaries = table(SUMMARY_TABLE);
    const save = (change: (row: ContactSummary) => void) =>
      rowOf(summaries, trans).then((row) => {
        change(row);
        return summaries.mutate({ type: 'put', trans, values: [ContactSummary.parse(row)] });
      });
    if (request.type === 'add') {
      return save((row) =>
        (request.values as Contact[]).forEach((contact, i) => {
          if (!response.failures[i]) apply(row, contact, 1);
        }),
      );
    }
    if (all) return save((row) => Object.assign(row, emptySummary(), { stale: false }));
    return save((row) =>
      (old as (Contact | undefined)[]).forEach((contact, i) => {
        if (response.failures[i]) return;
        apply(row, contact, -1);
        if (request.type === 'put') apply(row, (request.values as Contact[])[i], 1);
      }),
    );
  },
};
