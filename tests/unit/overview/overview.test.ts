/**
 * The Overview's arithmetic (overview/) and its index reads (storage/overview.ts) against data logged
 * through the app's own storage: empty and tiny seasons, the n thresholds, and local weeks across time zones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodOf, startOfWeek, weekBounds } from '../../../overview/calendar';
import { funnelBars } from '../../../overview/funnel';
import { answerOf, outreachPatch } from '../../../overview/outreach';
import { medianOf, medianPositions, MIN_MESSAGES, MIN_REPLIES, worksTable } from '../../../overview/what-works';
import { nextDeadline, nextInterviews } from '../../../overview/upcoming';
import { saveCapture } from '../../../storage/contacts';
import { db } from '../../../storage/db';
import { logInteraction } from '../../../storage/interactions';
import { funnelStepIds, readActivity, readFunnel, readWhatWorks } from '../../../storage/overview';
import { capture } from '../helpers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SEASON = periodOf('season', 0);
const original = process.env.TZ;

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
    expect(await readFunnel(SEASON)).toEqual({ reached: 0, replied: 0, conversation: 0 });
    expect(await readWhatWorks()).toEqual({ template: [], channel: [], format: [] });
    expect((await readActivity([0, 1, 2])).map((w) => w.sent + w.replies)).toEqual([0, 0]);
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

    expect(await readFunnel(SEASON)).toEqual({ reached: 12, replied: 6, conversation: 2 });
    expect([...(await funnelStepIds('conversation', SEASON))].sort()).toEqual([ids[1], ids[2]].sort());
    // The cohort first reached from day 6 on: none of them replied.
    expect(await readFunnel({ from: t0 + 6 * DAY, to: SEASON.to })).toEqual({ reached: 6, replied: 0, conversation: 0 });

    const works = await readWhatWorks();
    expect(works.template).toEqual([{ value: 'intro', sent: 12, replied: 6, medianMs: 3.5 * HOUR }]);
    expect(works.format).toEqual([{ value: 'linkedin_connection', sent: 12, replied: 6, medianMs: 3.5 * HOUR }]);
    expect(works.channel.map((g) => [g.value, g.sent, g.replied])).toEqual([['linkedin', 12, 6]]);

    const weeks = await readActivity(weekBounds(t0 + 13 * DAY, 2));
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
    const works = await readWhatWorks();
    expect(works.template.filter((g) => ids.includes(g.value)).map((g) => [g.value, g.sent])).toEqual(ids.map((id) => [id, 1]));
    expect(works.channel.find((g) => g.value === 'doximity')?.sent).toBe(4);
  });
});
