/**
 * The Overview's reads. Every figure is a count on an index (storage/db.ts
 * version 7, storage/overview-keys.ts) or a read of a few dozen records
 * (letters, programs with interviews, template names): nothing here walks the
 * contacts or the timeline, so the Overview costs the same with 100 contacts
 * or 100,000. The arithmetic is in overview/.
 */
import { dayBounds, localDate, type Period } from '../overview/calendar';
import type { FunnelCounts, FunnelStep } from '../overview/funnel';
import { OUTGOING_KINDS, REPLY_KIND } from '../overview/outreach';
import { nextDeadline, nextInterviews, type UpcomingInterview } from '../overview/upcoming';
import { medianOf, medianPositions, MIN_REPLIES, type GroupCounts } from '../overview/what-works';
import { BUILTIN_TEMPLATES } from '../drafting/builtin-templates';
import { db } from './db';
import { listTemplates } from './templates';
import { DIMENSIONS, type Dimension, type OutreachKey } from './overview-keys';
import { CHANNELS, LETTER_STATUSES, MESSAGE_FORMATS, PROGRAM_STAGES, type LetterStatus, type ProgramStage } from '../model/schemas';

/** Sorts after every string in IndexedDB's key order. */
const MAX_STRING = '\uffff';
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
  return db.transaction('r', [db.contacts, db.letters], async () => {
    const [reached, replied, conversation, letters] = await Promise.all([
      funnelRange('reached', period).count(),
      funnelRange('replied', period).count(),
      funnelRange('conversation', period).count(),
      db.letters.count(),
    ]);
    return { reached, replied, conversation, ...(letters > 0 ? { letter: (await letterWriters(period)).length } : {}) };
  });
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
  const count = (kind: string, from: number, to: number) => db.interactions.where('[kind+at]').between([kind, from], [kind, to], true, false).count();
  return db.transaction('r', db.interactions, () =>
    Promise.all(
      bounds.slice(0, -1).map(async (start, i) => {
        const end = bounds[i + 1]!;
        const [replies, ...sent] = await Promise.all([count(REPLY_KIND, start, end), ...OUTGOING_KINDS.map((kind) => count(kind, start, end))]);
        return { start, sent: sent.reduce((a, b) => a + b, 0), replies: replies! };
      }),
    ),
  );
}

const outreach = () => db.interactions.where('outreachKeys');
const groupRange = (side: 'sent' | 'reply', dimension: Dimension, value: string) =>
  outreach().between([side, dimension, value, -Infinity], [side, dimension, value, Infinity], true, true);

/** The first message's value strictly between `after` and `before` along a dimension, if any. */
async function firstValueBetween(dimension: Dimension, after: string | undefined, before: string | undefined): Promise<string | undefined> {
  // The smallest key after every key of `after` is [.., `after\0`]; before `before` is [.., before] (its first key sorts after it).
  if (after === undefined && before === '') return undefined;
  const lower = after === undefined ? ['sent', dimension, ''] : ['sent', dimension, `${after}\u0000`];
  const upper = before === undefined ? ['sent', dimension, MAX_STRING] : ['sent', dimension, before];
  const [key] = (await outreach().between(lower, upper, true, before === undefined).limit(1).keys()) as unknown as OutreachKey[];
  return key?.[2];
}

/**
 * The distinct values messages were sent with along one dimension. The values
 * the app knows (channels, formats, the kept templates) are counted directly;
 * a probe of each gap between them, all at once, finds any other (a deleted
 * template, a value from a later version): one round trip in the usual case,
 * where a walk from value to value would wait for each answer in turn.
 */
async function valuesOf(dimension: Dimension, known: readonly string[]): Promise<string[]> {
  const found = new Set(known);
  let sorted = [...found].sort(compareKeys);
  let gaps: [string | undefined, string | undefined][] = [...sorted, undefined].map((before, i) => [i === 0 ? undefined : sorted[i - 1], before]);
  while (gaps.length) {
    const hits = (await Promise.all(gaps.map(([after, before]) => firstValueBetween(dimension, after, before)))).map((v, i) => [v, gaps[i]!] as const);
    gaps = [];
    for (const [value, [after, before]] of hits) {
      if (value === undefined) continue;
      found.add(value);
      gaps.push([after, value], [value, before]);
    }
    sorted = [...found].sort(compareKeys);
  }
  return sorted;
}

/** IndexedDB's order for strings (code units), which localeCompare is not. */
const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Messages, replies and median time to reply per value of each dimension (the whole season). */
export async function readWhatWorks(): Promise<Record<Dimension, GroupCounts[]>> {
  return db.transaction('r', [db.interactions, db.templates], async () => {
    const templateIds = (await db.templates.toCollection().primaryKeys()) as string[];
    const builtIns = BUILTIN_TEMPLATES.map((t) => t.id);
    const known: Record<Dimension, readonly string[]> = { template: ['', ...builtIns, ...templateIds], channel: CHANNELS, format: MESSAGE_FORMATS };
    const perDimension = await Promise.all(
      DIMENSIONS.map(async (dimension) => {
        const values = await valuesOf(dimension, known[dimension]);
        const groups = await Promise.all(
          values.map(async (value): Promise<GroupCounts> => {
            const [sent, replied] = await Promise.all([groupRange('sent', dimension, value).count(), groupRange('reply', dimension, value).count()]);
            if (replied < MIN_REPLIES) return { value, sent, replied };
            // The reply keys end with the delay, in order: the median is read at its position, not by reading them all.
            const positions = medianPositions(replied);
            const keys = (await groupRange('reply', dimension, value).offset(positions[0]!).limit(positions.length).keys()) as unknown as OutreachKey[];
            const medianMs = medianOf(keys.map((key) => key[3]));
            return { value, sent, replied, ...(medianMs === undefined ? {} : { medianMs }) };
          }),
        );
        // A known value no message was sent with is no group.
        return groups.filter((g) => g.sent > 0);
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


