// @vitest-environment node (no DOM reached but the page's localStorage: see vitest.config.ts)
/**
 * The Overview's arithmetic (overview/) and its index reads (storage/overview.ts) against data logged
 * through the app's own storage: empty and tiny seasons, the n thresholds, and local weeks across time zones.
 */
import '../page-storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayBounds, localDate, periodOf, startOfWeek, weekBounds, type Period } from '../../../overview/calendar';
import { funnelBars } from '../../../overview/funnel';
import { answerOf, outreachPatch } from '../../../overview/outreach';
import { medianOf, medianPositions, MIN_MESSAGES, MIN_REPLIES, worksTable } from '../../../overview/what-works';
import { nextDeadline, nextInterviews } from '../../../overview/upcoming';
import { saveCapture } from '../../../storage/contacts';
import { db } from '../../../storage/db';
import { logInteraction } from '../../../storage/interactions';
import { listTemplates } from '../../../storage/templates';
import { funnelStepIds, readOverview } from '../../../storage/overview';
import { DELAY_BUCKETS, delayBucket } from '../../../storage/overview-tallies';
import { Letter, PROGRAM_STAGES, Program, type Interaction, type LetterInput } from '../../../model/schemas';
import { capture } from '../helpers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SEASON = periodOf('season', 0);
const original = process.env.TZ;

/** Every figure through the one read the Overview makes: at `now`, the funnel over `period`, the weeks between `bounds`. */
const figures = (now = 0, period: Period = SEASON, bounds: readonly number[] = weekBounds(now, 1)) => readOverview(now, period, bounds);

describe('funnel bars', () => {
  it('an empty season draws zeros, never NaN', () => {
    expect(funnelBars({ reached: 0, replied: 0, conversation: 0 })).toEqual([
      { step: 'reached', count: 0, ofReached: 0, ofPrevious: 1 },
      { step: 'replied', count: 0, ofReached: 0, ofPrevious: 0 },
      { step: 'conversation', count: 0, ofReached: 0, ofPrevious: 0 },
    ]);
  });
  it('the letter step is drawn only for letter writers, as a share of those reached', () => {
    const bars = funnelBars({ reached: 4, replied: 2, conversation: 1, letter: 1 });
    expect(bars.map((b) => [b.step, b.count, b.ofReached, b.ofPrevious])).toEqual([
      ['reached', 4, 1, 1],
      ['replied', 2, 0.5, 0.5],
      ['conversation', 1, 0.25, 0.5],
      ['letter', 1, 0.25, 0.25],
    ]);
  });
});

describe('what works: thresholds', () => {
  it(`holds back a rate from fewer than ${MIN_MESSAGES} messages and a median from fewer than ${MIN_REPLIES} replies`, () => {
    const table = worksTable([
      { value: 'tiny', sent: MIN_MESSAGES - 1, replied: 9 },
      { value: 'enough', sent: MIN_MESSAGES, replied: MIN_REPLIES - 1, medianMs: 5 },
      { value: 'best', sent: 20, replied: 10, medianMs: 7 },
      { value: 'none', sent: 0, replied: 0 },
    ]);
    expect(table.rows).toEqual([
      { value: 'best', sent: 20, replied: 10, rate: 0.5, medianMs: 7 },
      { value: 'enough', sent: 10, replied: 4, rate: 0.4 },
    ]);
    expect(table.held).toEqual({ groups: 1, messages: 9 });
  });
  it('medians of odd and even counts', () => {
    expect(medianPositions(0)).toEqual([]);
    expect(medianPositions(5)).toEqual([2]);
    expect(medianPositions(6)).toEqual([2, 3]);
    expect(medianOf([2, 4])).toBe(3);
    expect(medianOf([])).toBeUndefined();
  });
});

describe('outreach facts', () => {
  it('keeps the first time of each step, even for an entry logged late', () => {
    let facts = outreachPatch({}, 'message_sent', 10);
    facts = outreachPatch(facts, 'message_sent', 5);
    facts = outreachPatch(facts, 'note', 1);
    facts = outreachPatch(facts, 'reply_received', 20);
    expect(facts).toEqual({ reachedAt: 5, repliedAt: 20 });
  });
  it('a reply answers the last message before it, and only the first reply after that message counts', () => {
    const sent = { kind: 'message_sent' as const, at: 10, channel: 'email' as const, templateId: 't1' };
    expect(answerOf([sent], 30)).toEqual({ sentAt: 10, templateId: 't1', channel: 'email', format: 'email' });
    expect(answerOf([sent, { kind: 'reply_received', at: 20, channel: 'email' }], 30)).toBeUndefined();
    expect(answerOf([], 30)).toBeUndefined();
  });
});

describe('upcoming', () => {
  it('next interviews from today on, soonest first; the owed letter due soonest', () => {
    const programs = [
      { id: 'a', name: 'A', interviews: [{ date: '2026-10-01' }, { date: '2026-11-02', time: '09:00' }] },
      { id: 'b', name: 'B', interviews: [{ date: '2026-10-20' }] },
    ];
    expect(nextInterviews(programs, '2026-10-02').map((i) => i.programName + i.date)).toEqual(['B2026-10-20', 'A2026-11-02']);
    expect(nextDeadline([{ status: 'submitted', deadline: '2026-01-01' }, { status: 'asked', deadline: '2026-02-01' }, { status: 'agreed' }])).toEqual({
      status: 'asked',
      deadline: '2026-02-01',
    });
  });
});

describe('local weeks at their boundaries', () => {
  afterAll(() => {
    process.env.TZ = original;
  });
  it.each([
    ['Pacific/Auckland', '2026-03-29T10:59:00Z'],
    ['America/Los_Angeles', '2026-03-30T06:59:00Z'],
    ['Asia/Kolkata', '2026-03-29T18:29:00Z'],
  ])('in %s, %s (a Sunday just before local midnight) belongs to the week before Monday', (zone, iso) => {
    process.env.TZ = zone;
    const at = Date.parse(iso);
    const monday = new Date(startOfWeek(at));
    expect(monday.getDay()).toBe(1);
    expect(monday.getHours()).toBe(0);
    // Six days and some hours before: still the same week; one minute later (Monday local midnight) the next one.
    expect(startOfWeek(at + 60_000)).toBeGreaterThan(startOfWeek(at));
    const bounds = weekBounds(at, 3);
    expect(bounds).toHaveLength(4);
    expect(bounds[2]).toBe(startOfWeek(at));
    process.env.TZ = original;
  });
  it('a week across a daylight-saving change is 167 hours long, and still starts at midnight', () => {
    process.env.TZ = 'America/New_York';
    const [start, end] = weekBounds(Date.parse('2026-03-10T12:00:00Z'), 1).slice(-2);
    expect(new Date(start!).getHours()).toBe(0);
    expect(end! - start!).toBe(7 * DAY);
    const dst = weekBounds(Date.parse('2026-03-03T12:00:00Z'), 1);
    expect(dst[1]! - dst[0]!).toBe(7 * DAY - HOUR);
    process.env.TZ = original;
  });
});

describe('storage reads', () => {
  beforeAll(() => {
    process.env.TZ = 'UTC';
  });
  afterAll(() => {
    process.env.TZ = original;
  });

  it('an empty database', async () => {
    expect((await figures()).funnel).toEqual({ reached: 0, replied: 0, conversation: 0 });
    expect((await figures()).works).toEqual({ template: [], channel: [], format: [] });
    expect((await figures(0, SEASON, [0, 1, 2])).weeks.map((w) => w.sent + w.replies)).toEqual([0, 0]);
  });

  it('a tiny season: counts, period cohorts, reply attribution and exactly the step’s contacts', async () => {
    const t0 = Date.UTC(2026, 8, 7, 9); // a Monday
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const { contact } = await saveCapture(capture({ fullName: `Person ${i}`, profileUrl: `https://www.linkedin.com/in/p-${i}/` }));
      ids.push(contact.id);
      await logInteraction(contact.id, { kind: 'message_sent', channel: 'linkedin', format: 'linkedin_connection', templateId: 'intro', at: t0 + i * DAY }, t0 + i * DAY);
    }
    // Six reply, each after i hours; two of them meet; one replies twice (one reply counted).
    for (let i = 0; i < 6; i++) await logInteraction(ids[i]!, { kind: 'reply_received', channel: 'linkedin', at: t0 + i * DAY + (i + 1) * HOUR });
    await logInteraction(ids[0]!, { kind: 'reply_received', channel: 'linkedin', at: t0 + 5 * HOUR });
    await logInteraction(ids[1]!, { kind: 'meeting', channel: 'in_person', at: t0 + 3 * DAY });
    await logInteraction(ids[2]!, { kind: 'call', channel: 'phone', at: t0 + 4 * DAY });
    // A status set by hand is not a logged reply.
    await db.contacts.update(ids[11]!, { status: 'replied' });

    expect((await figures()).funnel).toEqual({ reached: 12, replied: 6, conversation: 2 });
    expect([...(await funnelStepIds('conversation', SEASON))].sort()).toEqual([ids[1], ids[2]].sort());
    // The cohort first reached from day 6 on: none of them replied.
    expect((await figures(0, { from: t0 + 6 * DAY, to: SEASON.to })).funnel).toEqual({ reached: 6, replied: 0, conversation: 0 });

    const { works } = await figures();
    expect(works.template).toEqual([{ value: 'intro', sent: 12, replied: 6, medianMs: 3.5 * HOUR }]);
    expect(works.format).toEqual([{ value: 'linkedin_connection', sent: 12, replied: 6, medianMs: 3.5 * HOUR }]);
    expect(works.channel.map((g) => [g.value, g.sent, g.replied])).toEqual([['linkedin', 12, 6]]);

    const { weeks } = await figures(t0 + 13 * DAY, SEASON, weekBounds(t0 + 13 * DAY, 2));
    expect(weeks.map((w) => [w.sent, w.replies])).toEqual([
      [7, 7],
      [5, 0],
    ]);
  });

  it('what works finds every value messages were sent with: kept, built-in, deleted or unknown, between the known ones', async () => {
    const { contact } = await saveCapture(capture({ fullName: 'Probe Person', profileUrl: 'https://www.linkedin.com/in/probe/' }));
    // 'builtin:alumni' is known from the code; the others are not kept templates, and sort before, between and after the known ids.
    const ids = ['aaa-gone', 'builtin:alumni', 'builtin:b-gone', 'zzz-gone'];
    for (const [i, templateId] of ids.entries()) {
      await logInteraction(contact.id, { kind: 'message_sent', channel: 'doximity', templateId, at: Date.UTC(2026, 0, 1 + i) }, Date.UTC(2026, 0, 1 + i));
    }
    const { works } = await figures();
    expect(works.template.filter((g) => ids.includes(g.value)).map((g) => [g.value, g.sent])).toEqual(ids.map((id) => [id, 1]));
    expect(works.channel.find((g) => g.value === 'doximity')?.sent).toBe(4);
  });

  it('medians from the delay histogram are the records’ own: odd and even counts, a middle pair across two buckets, delays past a year', async () => {
    const t0 = Date.UTC(2026, 8, 7, 9);
    const MINUTE = 60_000;
    const delays: Record<string, number[]> = {
      odd: [MINUTE, 15 * MINUTE, 16 * MINUTE, 17 * MINUTE, 2 * HOUR, 2 * HOUR + 1, 30 * DAY],
      pair: [MINUTE, 10 * MINUTE, DELAY_BUCKETS[40]! - 1, DELAY_BUCKETS[40]!, 5 * DAY, 400 * DAY],
      far: [400 * DAY, 401 * DAY, 402 * DAY, 500 * DAY, 600 * DAY],
    };
    const rows: Interaction[] = [];
    for (const [templateId, list] of Object.entries(delays)) {
      list.forEach((delay, i) => {
        const sentAt = t0 + i * HOUR;
        const answers = { sentAt, templateId, channel: 'email' as const, format: 'email' as const };
        rows.push({ id: `${templateId}-s${i}`, contactId: 'c', kind: 'message_sent', channel: 'email', templateId, at: sentAt, text: '' } as Interaction);
        rows.push({ id: `${templateId}-r${i}`, contactId: 'c', kind: 'reply_received', channel: 'email', at: sentAt + delay, text: '', answers } as Interaction);
      });
    }
    await db.interactions.bulkPut(rows);
    const median = (list: number[]) => {
      const sorted = [...list].sort((a, b) => a - b);
      const mid = sorted.length >> 1;
      return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    };
    const { works } = await figures();
    for (const [value, list] of Object.entries(delays)) expect(works.template.find((g) => g.value === value)?.medianMs, value).toBe(median(list));
    const all = Object.values(delays).flat();
    expect(works.channel).toEqual([{ value: 'email', sent: all.length, replied: all.length, medianMs: median(all) }]);
    // The buckets: each starts where the one before ends, a minute wide at first, and the last one holds everything beyond.
    expect(DELAY_BUCKETS.length).toBeLessThan(200);
    for (const i of [1, 16, 17, 40, DELAY_BUCKETS.length - 1]) {
      expect(delayBucket(DELAY_BUCKETS[i]!)).toBe(i);
      expect(delayBucket(DELAY_BUCKETS[i]! - 1)).toBe(i - 1);
    }
    expect(delayBucket(0)).toBe(0);
    expect(delayBucket(10 * 365 * DAY)).toBe(DELAY_BUCKETS.length - 1);
  });

  it.each(['UTC', 'America/Los_Angeles', 'Pacific/Auckland'])(
    'follow-ups due per local day in %s: overdue, today and the next 14 days, as the records say, across local midnights',
    async (zone) => {
      process.env.TZ = zone;
      try {
        const now = new Date(2026, 8, 7, 23, 30).getTime(); // half an hour before local midnight
        const at = [
          new Date(2026, 8, 1, 12).getTime(),
          new Date(2026, 8, 6, 23, 59).getTime(),
          new Date(2026, 8, 7, 0, 0).getTime(),
          new Date(2026, 8, 7, 23, 59).getTime(),
          new Date(2026, 8, 8, 0, 0).getTime(),
          new Date(2026, 8, 8, 0, 1).getTime(),
          new Date(2026, 8, 20, 23, 59).getTime(),
          new Date(2026, 8, 21, 0, 0).getTime(),
        ];
        const base = (await saveCapture(capture({ fullName: 'Due Person', profileUrl: 'https://www.linkedin.com/in/due/' }))).contact;
        await db.contacts.bulkPut(at.map((nextFollowUpAt, i) => ({ ...base, id: `due-${i}`, identities: [], nextFollowUpAt })));
        const bounds = dayBounds(now, 14);
        const { upcoming } = await figures(now);
        const due = (await db.contacts.toArray()).flatMap((c) => (c.nextFollowUpAt === undefined ? [] : [c.nextFollowUpAt]));
        expect(upcoming.overdue).toBe(due.filter((t) => t < bounds[0]!).length);
        expect(upcoming.overdue).toBe(2);
        expect(upcoming.days.map((d) => d.count)).toEqual(bounds.slice(0, -1).map((start, i) => due.filter((t) => t >= start && t < bounds[i + 1]!).length));
        expect(upcoming.days.map((d) => d.count)).toEqual([2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
        // A follow-up done moves its day.
        await db.contacts.update('due-3', { nextFollowUpAt: undefined });
        expect((await figures(now)).upcoming.days[0]!.count).toBe(1);
      } finally {
        process.env.TZ = 'UTC';
      }
    },
  );

  it('letters by status and the next deadline, programs by stage and the next interviews, as the records say; an empty season', async () => {
    const now = new Date(2026, 9, 2, 12).getTime();
    const empty = (await figures(now)).upcoming;
    expect(empty).toEqual({
      overdue: 0,
      days: dayBounds(now, 14).slice(0, -1).map((start) => ({ start, count: 0 })),
      lettersByStatus: { planned: 0, asked: 0, agreed: 0, submitted: 0, thanked: 0, declined: 0, withdrawn: 0 },
      programsByStage: Object.fromEntries(PROGRAM_STAGES.map((stage) => [stage, 0])),
      interviews: [],
    });
    const writer = (await saveCapture(capture({ fullName: 'Dr. Writer', profileUrl: 'https://www.linkedin.com/in/writer/' }))).contact;
    let n = 0;
    const letter = (input: Partial<LetterInput>) => Letter.parse({ id: `l${++n}`, writerId: writer.id, createdAt: n, updatedAt: n, ...input });
    const letters = [
      letter({ status: 'submitted', deadline: '2026-09-01' }),
      letter({ status: 'declined', deadline: '2026-09-02' }),
      letter({ status: 'asked', deadline: '2026-10-20' }),
      letter({ status: 'agreed', deadline: '2026-10-05' }),
      letter({ status: 'planned' }),
    ];
    await db.letters.bulkPut(letters);
    const program = (id: string, stage: Program['stage'], interviews: Program['interviews']) => ({
      ...Program.parse({ id, name: `Program ${id}`, stage, interviews, createdAt: 1, updatedAt: 1 }),
      matchKeys: [],
    });
    await db.programs.bulkPut([
      program('a', 'interview_scheduled', [{ date: '2026-10-01' }, { date: '2026-10-09', time: '09:00' }]),
      program('b', 'interview_invited', [{ date: '2026-10-03' }]),
      program('c', 'withdrawn', [{ date: '2026-10-04' }]),
      program('d', 'researching', []),
    ]);
    const { upcoming } = await figures(now);
    expect(upcoming.lettersByStatus).toEqual({ planned: 1, asked: 1, agreed: 1, submitted: 1, thanked: 0, declined: 1, withdrawn: 0 });
    const next = nextDeadline(letters)!;
    expect(upcoming.nextLetter).toEqual({ id: next.id, writerId: writer.id, writerName: 'Dr. Writer', deadline: '2026-10-05', status: 'agreed' });
    expect(Object.entries(upcoming.programsByStage).filter(([, count]) => count > 0)).toEqual([
      ['researching', 1],
      ['interview_invited', 1],
      ['interview_scheduled', 1],
      ['withdrawn', 1],
    ]);
    expect(upcoming.interviews.map((i) => `${i.programName} ${i.date}${i.time ? ` ${i.time}` : ''}`)).toEqual(['Program b 2026-10-03', 'Program a 2026-10-09 09:00']);
    expect(localDate(now)).toBe('2026-10-02');
  });

  it('readOverview answers every figure in one read, as the records say', async () => {
    const t0 = Date.UTC(2026, 8, 7, 9);
    const base = (await saveCapture(capture({ fullName: 'Whole Person', profileUrl: 'https://www.linkedin.com/in/whole/' }))).contact;
    // As the app's timeline replay (overview/outreach.ts) leaves them: six reached, five replied after 1 to 5 days.
    const contacts = [];
    const entries: Interaction[] = [];
    for (let i = 0; i < 6; i++) {
      const sentAt = t0 + i * HOUR;
      const repliedAt = i < 5 ? sentAt + (i + 1) * DAY : undefined;
      contacts.push({ ...base, id: `whole-${i}`, identities: [], reachedAt: sentAt, ...(repliedAt ? { repliedAt } : {}) });
      entries.push({ id: `w${i}-s`, contactId: `whole-${i}`, kind: 'message_sent', channel: 'email', templateId: 'builtin:alumni', at: sentAt, text: '' } as Interaction);
      if (repliedAt) {
        const answers = { sentAt, templateId: 'builtin:alumni', channel: 'email' as const, format: 'email' as const };
        entries.push({ id: `w${i}-r`, contactId: `whole-${i}`, kind: 'reply_received', channel: 'email', at: repliedAt, text: '', answers } as Interaction);
      }
    }
    await db.contacts.bulkPut(contacts);
    await db.interactions.bulkPut(entries);
    const now = t0 + 20 * DAY;
    const bounds = weekBounds(now, 4);
    const period = { from: t0 + 2 * HOUR + 1, to: SEASON.to };
    const whole = await readOverview(now, period, bounds);
    // Contacts first reached from 02:00:00.001 on: whole-3, whole-4 (replied) and whole-5.
    expect(whole.funnel).toEqual({ reached: 3, replied: 2, conversation: 0 });
    const inWeek = (kind: Interaction['kind'], i: number) => entries.filter((e) => e.kind === kind && e.at >= bounds[i]! && e.at < bounds[i + 1]!).length;
    expect(whole.weeks).toEqual(bounds.slice(0, -1).map((start, i) => ({ start, sent: inWeek('message_sent', i), replies: inWeek('reply_received', i) })));
    expect(whole.weeks.map((w) => [w.sent, w.replies])).toEqual([
      [0, 0],
      [6, 5],
      [0, 0],
      [0, 0],
    ]);
    expect(whole.works.template).toEqual([{ value: 'builtin:alumni', sent: 6, replied: 5, medianMs: 3 * DAY }]);
    expect(whole.works.channel).toEqual([{ value: 'email', sent: 6, replied: 5, medianMs: 3 * DAY }]);
    expect(whole.works.format).toEqual([{ value: 'email', sent: 6, replied: 5, medianMs: 3 * DAY }]);
    const due = (await db.contacts.toArray()).flatMap((c) => (c.nextFollowUpAt === undefined ? [] : [c.nextFollowUpAt]));
    const days = dayBounds(now, 14);
    expect(whole.upcoming).toEqual({
      overdue: due.filter((t) => t < days[0]!).length,
      days: days.slice(0, -1).map((start, i) => ({ start, count: due.filter((t) => t >= start && t < days[i + 1]!).length })),
      lettersByStatus: { planned: 0, asked: 0, agreed: 0, submitted: 0, thanked: 0, declined: 0, withdrawn: 0 },
      programsByStage: Object.fromEntries(PROGRAM_STAGES.map((stage) => [stage, 0])),
      interviews: [],
    });
    // Named as the templates list names them, built-ins not yet stored included.
    expect(whole.names).toEqual(new Map((await listTemplates()).map((t) => [t.id, t.name])));
    expect(whole.names.get('builtin:alumni')).toBeTruthy();
  });
});
