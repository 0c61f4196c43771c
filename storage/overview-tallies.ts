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
 *   h|<dimension>|<value>|<bucket>   those replies by how long they took (DELAY_BUCKETS), to find a median
 *   d|<day>                  contacts whose next follow-up falls due on that local day
 *   meta                     the time zone the days were counted in, the format (TALLY_FORMAT) they were
 *                            counted in; `stale` when a write found a count wrong
 *
 * The database keeps them (./derived-rows), as it keeps ./contact-summary's
 * status counts: every read-write transaction holding contacts or interactions
 * is given the tally table too, and each write applies the difference between
 * the keys of the records as they were and as they are written, in that same
 * transaction.
 * The tallies are rebuilt from the indexes (one read of their keys) by the
 * version 11 upgrade and whenever they are found wrong: the meta row missing,
 * marked stale (a count that would fall below zero), counted in another
 * time zone than the one the Overview is read in, or in an older format
 * (version 11 shipped format 1, without the h| and d| rows).
 */
import type { DBCoreTable, DBCoreTransaction, Table } from 'dexie';
import { OverviewTally, type Contact, type Interaction } from '../model/schemas';
import { isOutgoing, OUTGOING_KINDS, REPLY_KIND } from '../overview/outreach';
import { funnelKeys, outreachKeys, type Dimension, type FunnelKey, type OutreachKey } from './overview-keys';
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

/**
 * The tallies' format: 1 is what version 11 shipped (f|, a|, o|); 2 adds the
 * reply-delay histogram (h|) and the follow-ups due per day (d|). Tallies of
 * another format are rebuilt before they are read.
 */
export const TALLY_FORMAT = 2;

/** The meta row of tallies counted now, in `format`; format 1 wrote none. */
export const freshMeta = (format = TALLY_FORMAT): OverviewTally =>
  OverviewTally.parse({ key: META_KEY, n: 0, zone: zoneId(), ...(format > 1 ? { format } : {}) });

const MINUTE = 60_000;
const YEAR = 366 * 86_400_000;
/**
 * Lower bounds (ms) of the buckets reply delays are counted in: a minute wide
 * up to 16 minutes, then a sixteenth of the delay (in whole minutes), up to a
 * year, and one bucket beyond. About 180 of them, so a group's histogram is a
 * few dozen rows, and no bucket holds more than about 6% of a spread of delays:
 * the median's exact value is read from the index inside its bucket only.
 */
export const DELAY_BUCKETS: readonly number[] = (() => {
  const bounds: number[] = [];
  for (let at = 0; at < YEAR; at += Math.max(MINUTE, Math.floor(at / 16 / MINUTE) * MINUTE)) bounds.push(at);
  return bounds;
})();

/** The bucket a delay falls in: the last whose lower bound is at most `delay`. */
export function delayBucket(delay: number): number {
  let lo = 0;
  let hi = DELAY_BUCKETS.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (DELAY_BUCKETS[mid]! <= delay) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export const funnelTally = ([step, reachedAt]: FunnelKey) => `f|${dayKey(reachedAt)}|${step}`;
export const activityTally = (side: 'sent' | 'reply', at: number) => `a|${dayKey(at)}|${side}`;
export const outreachTally = ([side, dimension, value]: OutreachKey) => `o|${side}|${dimension}|${value}`;
export const dueTally = (at: number) => `d|${dayKey(at)}`;
/** The prefix of a group's histogram rows; a row's key ends with its bucket, three digits so that they sort. */
export const histogramPrefix = (dimension: Dimension, value: string) => `h|${dimension}|${value}|`;
export const histogramTally = ([, dimension, value, delay]: OutreachKey) => `${histogramPrefix(dimension, value)}${String(delayBucket(delay)).padStart(3, '0')}`;

/** The tally keys one contact counts in. */
export function contactTallies(contact: Partial<Contact>, format = TALLY_FORMAT): string[] {
  const keys = funnelKeys(contact).map(funnelTally);
  if (format > 1 && contact.nextFollowUpAt !== undefined) keys.push(dueTally(contact.nextFollowUpAt));
  return keys;
}

/** The tally keys one interaction counts in. */
export function interactionTallies(interaction: Partial<Interaction>, format = TALLY_FORMAT): string[] {
  const outreach = outreachKeys(interaction);
  const keys = outreach.map(outreachTally);
  if (format > 1) for (const key of outreach) if (key[0] === 'reply') keys.push(histogramTally(key));
  const { kind, at } = interaction;
  if (kind !== undefined && at !== undefined) {
    if (isOutgoing(kind)) keys.push(activityTally('sent', at));
    else if (kind === REPLY_KIND) keys.push(activityTally('reply', at));
  }
  return keys;
}

/** The index keys the tallies are counted from: version 7's, the follow-up index's, and [kind, at] of each kind counted. */
export interface TallySources {
  funnel: readonly FunnelKey[];
  due: readonly number[];
  outreach: readonly OutreachKey[];
  /** The replies' [kind, at] keys, then those of each outgoing kind (OUTGOING_KINDS' order). */
  byKind: readonly (readonly (readonly [string, number])[])[];
}

/** Every tally row of `format` from the index keys: the one count behind a rebuild (and the benchmark's seed). */
export function tallyRows({ funnel, due, outreach, byKind }: TallySources, format = TALLY_FORMAT): OverviewTally[] {
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  funnel.forEach((key) => add(funnelTally(key)));
  if (format > 1) due.forEach((at) => add(dueTally(at)));
  outreach.forEach((key) => {
    add(outreachTally(key));
    if (format > 1 && key[0] === 'reply') add(histogramTally(key));
  });
  byKind.forEach((keys, i) => keys.forEach(([, at]) => add(activityTally(i === 0 ? 'reply' : 'sent', at))));
  return [...[...counts].map(([key, n]) => OverviewTally.parse({ key, n })), freshMeta(format)];
}

/** The kinds whose [kind, at] keys are counted, in TallySources.byKind's order. */
export const COUNTED_KINDS = [REPLY_KIND, ...OUTGOING_KINDS] as const;

/** Every tally row of `format`, counted from index keys (version 7's, and the follow-up index; no record is read). */
export async function countTallies(contacts: Table, interactions: Table, format = TALLY_FORMAT): Promise<OverviewTally[]> {
  const [funnel, due, outreach, ...byKind] = await Promise.all([
    contacts.orderBy('funnelKeys').keys() as unknown as Promise<FunnelKey[]>,
    format > 1 ? (contacts.orderBy('nextFollowUpAt').keys() as unknown as Promise<number[]>) : [],
    interactions.orderBy('outreachKeys').keys() as unknown as Promise<OutreachKey[]>,
    ...COUNTED_KINDS.map(
      (kind) => interactions.where('[kind+at]').between([kind, -Infinity], [kind, Infinity]).keys() as unknown as Promise<[string, number][]>,
    ),
  ]);
  return tallyRows({ funnel, due, outreach, byKind }, format);
}

/**
 * Replaces every tally by a fresh count of `format`, inside a transaction that holds contacts, interactions and
 * the tallies. Version 11's upgrade counts format 1, as it shipped; the first read after rebuilds them in the newest.
 */
export async function writeTallies(tallies: Table, contacts: Table, interactions: Table, format = TALLY_FORMAT): Promise<void> {
  const rows = await countTallies(contacts, interactions, format);
  await tallies.clear();
  await tallies.bulkPut(rows);
}

/** True when the tallies can be read as they are: counted in this time zone and format, and no write found them wrong. */
export const talliesSound = (meta: OverviewTally | undefined): boolean =>
  meta !== undefined && !meta.stale && meta.zone === zoneId() && (meta.format ?? 1) === TALLY_FORMAT;

/** The DBCore range of every key starting with `prefix`. */
const prefixRange = (prefix: string) => ({ type: 2 /* Range */, lower: prefix, upper: `${prefix}${KEY_END}`, lowerOpen: false, upperOpen: false }) as never;

const TRACKED: Record<string, { tallies: (record: never) => string[]; prefixes: string[] }> = {
  contacts: { tallies: ((contact: Contact) => contactTallies(contact)) as (record: never) => string[], prefixes: ['f|', 'd|'] },
  interactions: { tallies: ((interaction: Interaction) => interactionTallies(interaction)) as (record: never) => string[], prefixes: ['a|', 'o|', 'h|'] },
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
