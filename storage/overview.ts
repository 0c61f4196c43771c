/**
 * The Overview's reads. Every figure is a sum of tallies (./overview-tallies):
 * rows per local day (the funnel, the weekly activity, the follow-ups due) or
 * per template, channel and format (what works, with a histogram of reply
 * delays), a few hundred in all and read in one request, never a count of an
 * index range (Chromium walks every entry to count one). A period bound that
 * is not a local midnight is counted on version 7's indexes for that part of
 * a day only; a median's exact value is read from the index inside the one
 * histogram bucket that holds it. Letters and programs are counted on their
 * own indexes' keys; the next deadline is the first owed letter in deadline
 * order; the interviews are read from the programs at an interview stage (a
 * few dozen records). So the Overview costs about the same with 100 contacts
 * or 100,000. readOverview answers all of it in one transaction, for one
 * render; the arithmetic is in overview/.
 */
import { dayBounds, END_OF_TIME, localDate, startOfDay, type Period } from '../overview/calendar';
import type { FunnelCounts, FunnelStep } from '../overview/funnel';
import { OUTGOING_KINDS, REPLY_KIND } from '../overview/outreach';
import { nextInterviews, OWED_STATUSES, type UpcomingInterview } from '../overview/upcoming';
import { medianOf, medianPositions, MIN_REPLIES, type GroupCounts } from '../overview/what-works';
import { db } from './db';
// Template names by id, for the "what works" rows: built-ins not yet stored are named from the code, as everywhere else.
import { templateNames } from './templates';
import { DIMENSIONS, FUNNEL_STEPS, type Dimension, type OutreachKey } from './overview-keys';
import { DELAY_BUCKETS, dayKey, dueTally, histogramPrefix, KEY_END, META_KEY, talliesSound, writeTallies } from './overview-tallies';
import { LETTER_STATUSES, PROGRAM_STAGES, type LetterStatus, type OverviewTally, type ProgramStage } from '../model/schemas';
/** Letters that count as submitted for the funnel. */
const SUBMITTED: readonly LetterStatus[] = ['submitted', 'thanked'];

const funnelRange = (step: Exclude<FunnelStep, 'letter'>, period: Period) =>
  db.contacts.where('funnelKeys').between([step, period.from], [step, period.to], true, false);

/** Writers of a submitted letter who were first reached in the period. Letters are few; their writers are read by id. */
async function letterWriters(period: Period): Promise<string[]> {
  const writers = [...new Set((await db.letters.where('status').anyOf([...SUBMITTED]).toArray()).map((l) => l.writerId))];
  const contacts = await db.contacts.bulkGet(writers);
  return contacts
    .filter((c) => c?.reachedAt !== undefined && c.reachedAt >= period.from && c.reachedAt < period.to)
    .map((c) => c!.id);
}

/** Tally rows as read, sorted by key (IndexedDB's order); a prefix's rows are found by binary search. */
type Rows = readonly OverviewTally[];

function rowsIn(rows: Rows, from: string, to: string): Rows {
  const first = (key: string) => {
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid]!.key < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return rows.slice(first(from), first(to));
}

/**
 * Rebuilds the tallies when they cannot be read as they are (./overview-tallies
 * talliesSound). Outside any live query's zone: a live query may not write, and
 * the write wakes it again.
 */
async function soundTallies(): Promise<void> {
  if (talliesSound(await db.tallies.get(META_KEY))) return;
  await new Promise<void>((resolve, reject) => {
    setTimeout(() => {
      db.transaction('rw', [db.contacts, db.interactions, db.tallies], async () => {
        // Checked again inside the write: another reader may have rebuilt them meanwhile.
        if (!talliesSound(await db.tallies.get(META_KEY))) await writeTallies(db.tallies, db.contacts, db.interactions);
      }).then(resolve, reject);
    });
  });
}

/** The next local midnight after `at`, or `at` itself when it is one. */
const midnightFrom = (at: number) => {
  const day = startOfDay(at);
  if (day === at) return at;
  const d = new Date(day);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
};

/**
 * Counts per name (a funnel step, sent or reply) for each span: its whole local
 * days summed from the tallies under `prefix` (in `rows`), and the part of a
 * day at either end, if a bound is not a local midnight, counted by `edge` on
 * the index.
 */
async function spanCounts(
  prefix: 'f' | 'a',
  spans: readonly Period[],
  edge: (from: number, to: number) => Promise<Record<string, number>>,
  rows: Rows,
): Promise<Record<string, number>[]> {
  const parts = spans.map(({ from, to }) => {
    const open = to >= END_OF_TIME;
    const wholeFrom = midnightFrom(from);
    const wholeTo = open ? END_OF_TIME : startOfDay(to);
    if (wholeFrom >= wholeTo) return { edges: [[from, to]] as [number, number][] };
    const edges: [number, number][] = [];
    if (from < wholeFrom) edges.push([from, wholeFrom]);
    if (!open && wholeTo < to) edges.push([wholeTo, to]);
    return { edges, days: [`${prefix}|${dayKey(wholeFrom)}`, open ? `${prefix}|${KEY_END}` : `${prefix}|${dayKey(wholeTo)}`] as const };
  });
  const ranges = parts.flatMap((p) => (p.days ? [p.days] : []));
  const lowest = ranges.reduce((a, r) => (r[0] < a ? r[0] : a), ranges[0]?.[0] ?? '');
  const highest = ranges.reduce((a, r) => (r[1] > a ? r[1] : a), ranges[0]?.[1] ?? '');
  const inRange: Rows = ranges.length ? rowsIn(rows, lowest, highest) : [];
  return Promise.all(
    parts.map(async ({ edges, days }) => {
      const counts: Record<string, number> = {};
      const add = (name: string, n: number) => (counts[name] = (counts[name] ?? 0) + n);
      if (days) for (const row of rowsIn(inRange, days[0], days[1])) add(row.key.slice(row.key.lastIndexOf('|') + 1), row.n);
      for (const part of await Promise.all(edges.map(([from, to]) => edge(from, to)))) for (const [name, n] of Object.entries(part)) add(name, n);
      return counts;
    }),
  );
}

/** The funnel from the tallies and, for the letter step, the letters. */
async function funnelOf(period: Period, letters: number, rows: Rows): Promise<FunnelCounts> {
  const [counts] = await spanCounts(
    'f',
    [period],
    (from, to) =>
      Promise.all(FUNNEL_STEPS.map((step) => funnelRange(step, { from, to }).count())).then((n) => Object.fromEntries(FUNNEL_STEPS.map((step, i) => [step, n[i]!]))),
    rows,
  );
  const [reached, replied, conversation] = FUNNEL_STEPS.map((step) => counts![step] ?? 0) as [number, number, number];
  return { reached, replied, conversation, ...(letters > 0 ? { letter: (await letterWriters(period)).length } : {}) };
}

/** Exactly the contacts a funnel step counts: what its bar opens in the contacts list. */
export async function funnelStepIds(step: FunnelStep, period: Period): Promise<Set<string>> {
  if (step === 'letter') return db.transaction('r', [db.contacts, db.letters], async () => new Set(await letterWriters(period)));
  return new Set((await funnelRange(step, period).primaryKeys()) as string[]);
}

export interface WeekActivity {
  /** Local midnight of the week's Monday. */
  start: number;
  sent: number;
  replies: number;
}

/** Messages sent and replies logged per week, between consecutive `bounds` (overview/calendar.ts weekBounds). */
async function activityOf(bounds: readonly number[], rows: Rows): Promise<WeekActivity[]> {
  const count = (kind: string, from: number, to: number) => db.interactions.where('[kind+at]').between([kind, from], [kind, to], true, false).count();
  const spans = bounds.slice(0, -1).map((from, i) => ({ from, to: bounds[i + 1]! }));
  const weeks = await spanCounts(
    'a',
    spans,
    async (from, to) => {
      const [reply, ...sent] = await Promise.all([count(REPLY_KIND, from, to), ...OUTGOING_KINDS.map((kind) => count(kind, from, to))]);
      return { reply: reply!, sent: sent.reduce((a, b) => a + b, 0) };
    },
    rows,
  );
  return spans.map(({ from }, i) => ({ start: from, sent: weeks[i]!.sent ?? 0, replies: weeks[i]!.reply ?? 0 }));
}

/**
 * The median delay of a group's `replied` replies. Its histogram (h| rows, in
 * bucket order) says which bucket holds the middle reply; the exact delays are
 * the index keys at that position, read from the bucket's lower bound on, so
 * the read walks one bucket at most, not the group.
 */
async function medianDelay(dimension: Dimension, value: string, replied: number, histogram: Rows): Promise<number | undefined> {
  const positions = medianPositions(replied);
  if (!positions.length) return undefined;
  const prefix = histogramPrefix(dimension, value);
  let below = 0;
  let from = -Infinity;
  for (const row of histogram) {
    if (below + row.n > positions[0]!) {
      from = DELAY_BUCKETS[Number(row.key.slice(prefix.length))] ?? -Infinity;
      break;
    }
    below += row.n;
  }
  // A histogram that does not reach the middle (it cannot, while the tallies are sound) is read from the start.
  if (from === -Infinity) below = 0;
  const keys = (await db.interactions
    .where('outreachKeys')
    .between(['reply', dimension, value, from], ['reply', dimension, value, Infinity], true, true)
    .offset(positions[0]! - below)
    .limit(positions.length)
    .keys()) as unknown as OutreachKey[];
  return medianOf(keys.map((key) => key[3]));
}

async function whatWorksOf(rows: Rows): Promise<Record<Dimension, GroupCounts[]>> {
  // Every value messages were sent with has its row, kept or deleted template alike, in IndexedDB's key order.
  const outreach = rowsIn(rows, 'o|', `o|${KEY_END}`);
  const tally = new Map(outreach.map((row) => [row.key, row.n]));
  const perDimension = await Promise.all(
    DIMENSIONS.map((dimension) => {
      const prefix = `o|sent|${dimension}|`;
      const values = rowsIn(outreach, prefix, `${prefix}${KEY_END}`)
        .filter((row) => row.n > 0)
        .map((row) => row.key.slice(prefix.length));
      return Promise.all(
        values.map(async (value): Promise<GroupCounts> => {
          const sent = tally.get(`${prefix}${value}`) ?? 0;
          const replied = tally.get(`o|reply|${dimension}|${value}`) ?? 0;
          if (replied < MIN_REPLIES) return { value, sent, replied };
          const histogram = histogramPrefix(dimension, value);
          const medianMs = await medianDelay(dimension, value, replied, rowsIn(rows, histogram, `${histogram}${KEY_END}`));
          return { value, sent, replied, ...(medianMs === undefined ? {} : { medianMs }) };
        }),
      );
    }),
  );
  return Object.fromEntries(DIMENSIONS.map((d, i) => [d, perDimension[i]!])) as Record<Dimension, GroupCounts[]>;
}

export interface Upcoming {
  /** Follow-ups already due before today. */
  overdue: number;
  /** Follow-ups falling due on each of the next 14 days, today first. */
  days: { start: number; count: number }[];
  lettersByStatus: Record<LetterStatus, number>;
  nextLetter?: { id: string; writerId: string; writerName: string; deadline: string; status: LetterStatus };
  programsByStage: Record<ProgramStage, number>;
  interviews: UpcomingInterview[];
}

/** Stages whose programs may hold interview days. */
const INTERVIEW_STAGES: readonly ProgramStage[] = ['applied', 'interview_invited', 'interview_scheduled', 'interviewed', 'ranked'];

/** How many keys of each name an index holds, from one read of its keys (letters and programs are few). */
function perKey<K extends string>(names: readonly K[], keys: readonly unknown[]): Record<K, number> {
  const counts = Object.fromEntries(names.map((name) => [name, 0])) as Record<K, number>;
  for (const key of keys) if (typeof key === 'string' && key in counts) counts[key as K]++;
  return counts;
}

/** Follow-ups due, letters and programs; `rows` holds the d| tallies (or all of them). */
async function upcomingOf(now: number, rows: Rows, letterStatuses: readonly unknown[]): Promise<Upcoming> {
  const bounds = dayBounds(now, 14);
  const due = new Map(rowsIn(rows, 'd|', `d|${KEY_END}`).map((row) => [row.key, row.n]));
  const today = dueTally(bounds[0]!);
  let overdue = 0;
  for (const [key, n] of due) if (key < today) overdue += n;
  const [next, stages, withInterviews] = await Promise.all([
    // The owed letter due soonest: letters in deadline order (those without one are not in the index) up to the first owed.
    db.letters
      .orderBy('deadline')
      .filter((letter) => OWED_STATUSES.includes(letter.status))
      .first(),
    db.programs.orderBy('stage').keys(),
    db.programs.where('stage').anyOf([...INTERVIEW_STAGES]).toArray(),
  ]);
  const writer = next ? await db.contacts.get(next.writerId) : undefined;
  return {
    overdue,
    days: bounds.slice(0, -1).map((start) => ({ start, count: due.get(dueTally(start)) ?? 0 })),
    lettersByStatus: perKey(LETTER_STATUSES, letterStatuses),
    ...(next ? { nextLetter: { id: next.id, writerId: next.writerId, writerName: writer?.fullName ?? '', deadline: next.deadline!, status: next.status } } : {}),
    programsByStage: perKey(PROGRAM_STAGES, stages),
    interviews: nextInterviews(withInterviews, localDate(now)),
  };
}

/** Every figure of the Overview, for one render. */
export interface OverviewFigures {
  funnel: FunnelCounts;
  weeks: WeekActivity[];
  works: Record<Dimension, GroupCounts[]>;
  names: Map<string, string>;
  upcoming: Upcoming;
}

/**
 * The whole Overview at `now`: the funnel over `period`, the weeks between
 * `weekBounds`. One read of every tally and one of each small index, side by
 * side in one transaction (so every figure answers the same moment), then the
 * few reads that depend on them (the medians, the next letter's writer).
 */
export async function readOverview(now: number, period: Period, weekBounds: readonly number[]): Promise<OverviewFigures> {
  await soundTallies();
  const [figures, names] = await Promise.all([
    db.transaction('r', [db.contacts, db.interactions, db.letters, db.programs, db.tallies], async () => {
      const [rows, letterStatuses] = await Promise.all([db.tallies.toArray(), db.letters.orderBy('status').keys()]);
      const [funnel, weeks, works, upcoming] = await Promise.all([
        funnelOf(period, letterStatuses.length, rows),
        activityOf(weekBounds, rows),
        whatWorksOf(rows),
        upcomingOf(now, rows, letterStatuses),
      ]);
      return { funnel, weeks, works, upcoming };
    }),
    templateNames(),
  ]);
  return { ...figures, names };
}
