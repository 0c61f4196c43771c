/**
 * The Overview's reads. The funnel, the weekly activity and what works are sums
 * of tallies (./overview-tallies, schema version 11): a row per local day or
 * per template, channel and format, a few hundred at most, never a count of an
 * index range (Chromium walks every entry to count one). A period bound that
 * is not a local midnight is counted on version 7's indexes for that part of
 * a day only. The rest is a read of a few dozen records (letters, programs
 * with interviews, template names) or of the follow-up index over two weeks,
 * so the Overview costs about the same with 100 contacts or 100,000. The
 * arithmetic is in overview/.
 */
import { dayBounds, END_OF_TIME, localDate, startOfDay, type Period } from '../overview/calendar';
import type { FunnelCounts, FunnelStep } from '../overview/funnel';
import { OUTGOING_KINDS, REPLY_KIND } from '../overview/outreach';
import { nextDeadline, nextInterviews, type UpcomingInterview } from '../overview/upcoming';
import { medianOf, medianPositions, MIN_REPLIES, type GroupCounts } from '../overview/what-works';
import { db } from './db';
import { listTemplates } from './templates';
import { DIMENSIONS, FUNNEL_STEPS, type Dimension, type OutreachKey } from './overview-keys';
import { dayKey, KEY_END, META_KEY, talliesSound, writeTallies } from './overview-tallies';
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

/** The funnel's counts for contacts first reached in the period; the letter step only when any letter is kept. */
export async function readFunnel(period: Period): Promise<FunnelCounts> {
  await soundTallies();
  return db.transaction('r', [db.contacts, db.letters, db.tallies], async () => {
    const [[counts], letters] = await Promise.all([
      spanCounts('f', [period], (from, to) =>
        Promise.all(FUNNEL_STEPS.map((step) => funnelRange(step, { from, to }).count())).then((n) => Object.fromEntries(FUNNEL_STEPS.map((step, i) => [step, n[i]!]))),
      ),
      db.letters.count(),
    ]);
    const [reached, replied, conversation] = FUNNEL_STEPS.map((step) => counts![step] ?? 0) as [number, number, number];
    return { reached, replied, conversation, ...(letters > 0 ? { letter: (await letterWriters(period)).length } : {}) };
  });
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
 * days summed from the tallies under `prefix` (one read of a bounded key range
 * for all spans), and the part of a day at either end, if a bound is not a
 * local midnight, counted by `edge` on the index.
 */
async function spanCounts(
  prefix: 'f' | 'a',
  spans: readonly Period[],
  edge: (from: number, to: number) => Promise<Record<string, number>>,
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
  const rows: OverviewTally[] = ranges.length
    ? await db.tallies
        .where('key')
        .between(ranges.reduce((a, r) => (r[0] < a ? r[0] : a), ranges[0]![0]), ranges.reduce((a, r) => (r[1] > a ? r[1] : a), ranges[0]![1]), true, false)
        .toArray()
    : [];
  return Promise.all(
    parts.map(async ({ edges, days }) => {
      const counts: Record<string, number> = {};
      const add = (name: string, n: number) => (counts[name] = (counts[name] ?? 0) + n);
      if (days) for (const row of rows) if (row.key >= days[0] && row.key < days[1]) add(row.key.slice(row.key.lastIndexOf('|') + 1), row.n);
      for (const part of await Promise.all(edges.map(([from, to]) => edge(from, to)))) for (const [name, n] of Object.entries(part)) add(name, n);
      return counts;
    }),
  );
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
export async function readActivity(bounds: readonly number[]): Promise<WeekActivity[]> {
  await soundTallies();
  const count = (kind: string, from: number, to: number) => db.interactions.where('[kind+at]').between([kind, from], [kind, to], true, false).count();
  const spans = bounds.slice(0, -1).map((from, i) => ({ from, to: bounds[i + 1]! }));
  const weeks = await db.transaction('r', [db.interactions, db.tallies], () =>
    spanCounts('a', spans, async (from, to) => {
      const [reply, ...sent] = await Promise.all([count(REPLY_KIND, from, to), ...OUTGOING_KINDS.map((kind) => count(kind, from, to))]);
      return { reply: reply!, sent: sent.reduce((a, b) => a + b, 0) };
    }),
  );
  return spans.map(({ from }, i) => ({ start: from, sent: weeks[i]!.sent ?? 0, replies: weeks[i]!.reply ?? 0 }));
}

const groupRange = (dimension: Dimension, value: string) =>
  db.interactions.where('outreachKeys').between(['reply', dimension, value, -Infinity], ['reply', dimension, value, Infinity], true, true);

/** Messages, replies and median time to reply per value of each dimension (the whole season). */
export async function readWhatWorks(): Promise<Record<Dimension, GroupCounts[]>> {
  await soundTallies();
  return db.transaction('r', [db.interactions, db.tallies], async () => {
    // Every value messages were sent with has its row, kept or deleted template alike, in IndexedDB's key order.
    const rows = await db.tallies.where('key').between('o|', `o|${KEY_END}`, true, true).toArray();
    const tally = new Map(rows.map((row) => [row.key, row.n]));
    const perDimension = await Promise.all(
      DIMENSIONS.map((dimension) => {
        const prefix = `o|sent|${dimension}|`;
        const values = rows.filter((row) => row.key.startsWith(prefix) && row.n > 0).map((row) => row.key.slice(prefix.length));
        return Promise.all(
          values.map(async (value): Promise<GroupCounts> => {
            const sent = tally.get(`${prefix}${value}`) ?? 0;
            const replied = tally.get(`o|reply|${dimension}|${value}`) ?? 0;
            if (replied < MIN_REPLIES) return { value, sent, replied };
            // The reply keys end with the delay, in order: the median is read at its position, not by reading them all.
            const positions = medianPositions(replied);
            const keys = (await groupRange(dimension, value).offset(positions[0]!).limit(positions.length).keys()) as unknown as OutreachKey[];
            const medianMs = medianOf(keys.map((key) => key[3]));
            return { value, sent, replied, ...(medianMs === undefined ? {} : { medianMs }) };
          }),
        );
      }),
    );
    return Object.fromEntries(DIMENSIONS.map((d, i) => [d, perDimension[i]!])) as Record<Dimension, GroupCounts[]>;
  });
}

/** Template names by id, for the "what works" rows (templates are a handful). */
export async function templateNames(): Promise<Map<string, string>> {
  // Built-ins not yet stored are listed from the code, as everywhere else templates are named.
  return new Map((await listTemplates()).map((t) => [t.id, t.name]));
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

export async function readUpcoming(now: number): Promise<Upcoming> {
  const bounds = dayBounds(now, 14);
  const today = localDate(now);
  return db.transaction('r', [db.contacts, db.letters, db.programs], async () => {
    const [overdue, days, letterCounts, owed, stageCounts, withInterviews] = await Promise.all([
      db.contacts.where('nextFollowUpAt').below(bounds[0]!).count(),
      Promise.all(
        bounds.slice(0, -1).map(async (start, i) => ({
          start,
          count: await db.contacts.where('nextFollowUpAt').between(start, bounds[i + 1]!, true, false).count(),
        })),
      ),
      Promise.all(LETTER_STATUSES.map((status) => db.letters.where('status').equals(status).count())),
      db.letters.where('status').anyOf(['planned', 'asked', 'agreed']).toArray(),
      Promise.all(PROGRAM_STAGES.map((stage) => db.programs.where('stage').equals(stage).count())),
      db.programs.where('stage').anyOf([...INTERVIEW_STAGES]).toArray(),
    ]);
    const next = nextDeadline(owed);
    const writer = next ? await db.contacts.get(next.writerId) : undefined;
    return {
      overdue,
      days,
      lettersByStatus: Object.fromEntries(LETTER_STATUSES.map((s, i) => [s, letterCounts[i]!])) as Record<LetterStatus, number>,
      ...(next ? { nextLetter: { id: next.id, writerId: next.writerId, writerName: writer?.fullName ?? '', deadline: next.deadline!, status: next.status } } : {}),
      programsByStage: Object.fromEntries(PROGRAM_STAGES.map((s, i) => [s, stageCounts[i]!])) as Record<ProgramStage, number>,
      interviews: nextInterviews(withInterviews, today),
    };
  });
}


