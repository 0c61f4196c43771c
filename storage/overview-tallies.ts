/**
 * The Overview's tallies (schema version 11, #17): the counts storage/overview.ts
 * used to get by counting ranges of version 7's index keys (./overview-keys),
 * kept as rows beside the records. Chromium counts a key range by walking each
 * entry, so an Overview of 10,000 contacts walked some 95,000 of them; a
 * tally row per local day (the funnel, the weekly activity) or per template,
 * channel and format (what works) makes every figure a sum over a few hundred
 * rows, whatever the size of the season.
 *
 * Row keys:
 *   f|<day>|<step>           contacts first reached on that local day that got to the funnel step
 *   a|<day>|sent, a|<day>|reply   messages sent and replies logged on that day
 *   o|<sent|reply>|<dimension>|<value>   messages and answered replies per template, channel or format
 *   meta                     the time zone the days were counted in; `stale` when a write found a count wrong
 *
 * The database keeps them (./derived-rows), as it keeps ./contact-summary's
 * status counts: every read-write transaction holding contacts or interactions
 * is given the tally table too, and each write applies the difference between
 * the keys of the records as they were and as they are written, in that same
 * transaction.
 * The tallies are rebuilt from the indexes (one read of their keys) by the
 * version 11 upgrade and whenever they are found wrong: the meta row missing,
 * marked stale (a count that would fall below zero), or counted in another
 * time zone than the one the Overview is read in.
 */
import type { DBCoreTable, DBCoreTransaction, Table } from 'dexie';
import { OverviewTally, type Contact, type Interaction } from '../model/schemas';
import { isOutgoing, OUTGOING_KINDS, REPLY_KIND } from '../overview/outreach';
import { funnelKeys, outreachKeys, type FunnelKey, type OutreachKey } from './overview-keys';
import type { Derivation } from './derived-rows';
import { holds } from './widen-transactions';

export const TALLY_TABLE = 'tallies';
export const META_KEY = 'meta';
/** Sorts after every tally key of a prefix. */
export const KEY_END = '\uffff';

/** A local day as YYYY-MM-DD (the year padded, so that keys sort as days do). */
export function dayKey(at: number): string {
  const d = new Date(at);
  return `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Identifies the local calendar the days are counted in (the offsets too: a test or a runtime may change TZ under one name). */
export function zoneId(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
  return `${zone}|${new Date(2026, 0, 1).getTimezoneOffset()}|${new Date(2026, 6, 1).getTimezoneOffset()}`;
}

export const funnelTally = ([step, reachedAt]: FunnelKey) => `f|${dayKey(reachedAt)}|${step}`;
export const activityTally = (side: 'sent' | 'reply', at: number) => `a|${dayKey(at)}|${side}`;
export const outreachTally = ([side, dimension, value]: OutreachKey) => `o|${side}|${dimension}|${value}`;

/** The tally keys one contact counts in. */
export const contactTallies = (contact: Partial<Contact>): string[] => funnelKeys(contact).map(funnelTally);

/** The tally keys one interaction counts in. */
export function interactionTallies(interaction: Partial<Interaction>): string[] {
  const keys = outreachKeys(interaction).map(outreachTally);
  const { kind, at } = interaction;
  if (kind !== undefined && at !== undefined) {
    if (isOutgoing(kind)) keys.push(activityTally('sent', at));
    else if (kind === REPLY_KIND) keys.push(activityTally('reply', at));
  }
  return keys;
}

/** Every tally row, counted from the index keys of version 7 (no record is read). */
export async function countTallies(contacts: Table, interactions: Table): Promise<OverviewTally[]> {
  const [funnel, outreach, ...byKind] = await Promise.all([
    contacts.orderBy('funnelKeys').keys() as unknown as Promise<FunnelKey[]>,
    interactions.orderBy('outreachKeys').keys() as unknown as Promise<OutreachKey[]>,
    ...[REPLY_KIND, ...OUTGOING_KINDS].map(
      (kind) => interactions.where('[kind+at]').between([kind, -Infinity], [kind, Infinity]).keys() as unknown as Promise<[string, number][]>,
    ),
  ]);
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  funnel.forEach((key) => add(funnelTally(key)));
  outreach.forEach((key) => add(outreachTally(key)));
  byKind.forEach((keys, i) => keys.forEach(([, at]) => add(activityTally(i === 0 ? 'reply' : 'sent', at))));
  return [...[...counts].map(([key, n]) => ({ key, n })), { key: META_KEY, n: 0, zone: zoneId() }].map((row) => OverviewTally.parse(row));
}

/** Replaces every tally by a fresh count, inside a transaction that holds contacts, interactions and the tallies. */
export async function writeTallies(tallies: Table, contacts: Table, interactions: Table): Promise<void> {
  const rows = await countTallies(contacts, interactions);
  await tallies.clear();
  await tallies.bulkPut(rows);
}

/** True when the tallies can be read as they are: counted in this time zone, and no write found them wrong. */
export const talliesSound = (meta: OverviewTally | undefined): boolean => meta !== undefined && !meta.stale && meta.zone === zoneId();

/** The DBCore range of every key starting with `prefix`. */
const prefixRange = (prefix: string) => ({ type: 2 /* Range */, lower: prefix, upper: `${prefix}${KEY_END}`, lowerOpen: false, upperOpen: false }) as never;

const TRACKED: Record<string, { tallies: (record: never) => string[]; prefixes: string[] }> = {
  contacts: { tallies: contactTallies as (record: never) => string[], prefixes: ['f|'] },
  interactions: { tallies: interactionTallies as (record: never) => string[], prefixes: ['a|', 'o|'] },
};

/**
 * Each transaction's tally updates run one after the other, so that two writes
 * side by side never both read a row before either writes it back.
 */
const queues = new WeakMap<DBCoreTransaction, Promise<unknown>>();

function applyDelta(tallies: DBCoreTable, trans: DBCoreTransaction, delta: Map<string, number>): Promise<unknown> {
  const keys = [...delta].filter(([, d]) => d !== 0).map(([key]) => key);
  if (!keys.length) return Promise.resolve();
  const run = () =>
    tallies.getMany({ trans, keys }).then((rows: (OverviewTally | undefined)[]) => {
      let stale = false;
      const put: OverviewTally[] = [];
      const gone: string[] = [];
      keys.forEach((key, i) => {
        const n = (rows[i]?.n ?? 0) + delta.get(key)!;
        if (n < 0) stale = true;
        if (n > 0) put.push(OverviewTally.parse({ key, n }));
        else gone.push(key);
      });
      const writes: Promise<unknown>[] = [];
      if (put.length) writes.push(tallies.mutate({ type: 'put', trans, values: put }));
      if (gone.length) writes.push(tallies.mutate({ type: 'delete', trans, keys: gone }));
      // A count below zero means the tallies missed a write: the next read rebuilds them all.
      if (stale) {
        writes.push(
          tallies
            .get({ trans, key: META_KEY })
            .then((meta: OverviewTally | undefined) =>
              tallies.mutate({ type: 'put', trans, values: [OverviewTally.parse({ ...(meta ?? { key: META_KEY, n: 0 }), stale: true })] }),
            ),
        );
      }
      return Promise.all(writes);
    });
  const previous = queues.get(trans);
  const next = previous ? previous.then(run) : run();
  queues.set(
    trans,
    next.then(
      () => undefined,
      () => undefined,
    ),
  );
  return next;
}

/** Each contact or interaction write applies the difference of its tally keys (./derived-rows hands it the records as they were). */
export const overviewTallies: Derivation = {
  follows: Object.keys(TRACKED),
  keeps: [{ when: Object.keys(TRACKED), holds: [TALLY_TABLE] }],
  // Upgrades from before version 11 have no tally table yet; version 11's upgrade counts.
  runs: (trans) => holds(trans, TALLY_TABLE),
  // The records as they were, to take them out of the tallies (an add replaces none; clearing a table clears its tallies).
  reads: (_table, request, all) => (request.type === 'add' || all ? 'none' : 'rows'),
  // No async/await here: as in ./contact-summary, a native await in a middleware can lose Dexie's transaction zone.
  derive: ({ table: tableName, request, response, old, all }, { trans, table }) => {
    const tracked = TRACKED[tableName]!;
    const tallies = table(TALLY_TABLE);
    if (all) return Promise.all(tracked.prefixes.map((prefix) => tallies.mutate({ type: 'deleteRange', trans, range: prefixRange(prefix) })));
    const delta = new Map<string, number>();
    const count = (record: unknown, sign: 1 | -1) => {
      if (record) for (const key of tracked.tallies(record as never)) delta.set(key, (delta.get(key) ?? 0) + sign);
    };
    if (request.type === 'add' || request.type === 'put') {
      (request.values as unknown[]).forEach((record, i) => {
        if (response.failures[i]) return;
        if (request.type === 'put') count(old[i], -1);
        count(record, 1);
      });
    } else old.forEach((record) => count(record, -1));
    return applyDelta(tallies, trans, delta);
  },
};
