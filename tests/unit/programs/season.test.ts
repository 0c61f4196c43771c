// @vitest-environment node (no DOM reached: see vitest.config.ts)
/** The Programs view's rows and filters, and the interview thank-you rule (pure). */
import { describe, expect, it } from 'vitest';
import { dueInterviewThanks, thanksDueAt, THANKS_WINDOW_DAYS } from '../../../followups/interview-thanks';
import { filterRows, programRows, specialties } from '../../../programs/overview';
import type { ProgramsIndex } from '../../../programs/overview';
import { Program } from '../../../model/schemas';

const program = (fields: Partial<Program> & { id: string }): Program => Program.parse({ name: fields.id, createdAt: 1, updatedAt: 1, ...fields });
const DAY = 86_400_000;
const NOW = new Date(2026, 10, 15, 10).getTime();

describe('program rows', () => {
  const index: ProgramsIndex = {
    programs: [
      program({ id: 'ngh', stage: 'applied', specialty: 'Internal Medicine', interviews: [{ date: '2026-11-01' }, { date: '2026-12-01' }] }),
      program({ id: 'lake', stage: 'researching', specialty: 'internal medicine' }),
      program({ id: 'mercy', stage: 'ranked', rank: 1, specialty: 'Surgery' }),
    ],
    summaries: new Map([
      ['ngh', { people: 3, replied: 2, lastContactedAt: NOW - 2 * DAY }],
      ['mercy', { people: 1, replied: 0, lastContactedAt: NOW - 45 * DAY }],
    ]),
    letters: new Map([['mercy', 2]]),
  };
  const rows = programRows(index, '2026-11-15');

  it('count people and replies, the last contact and the next interview', () => {
    expect(rows.find((r) => r.program.id === 'ngh')).toMatchObject({ people: 3, replied: 2, lastContactedAt: NOW - 2 * DAY, nextInterview: '2026-12-01' });
    expect(rows.find((r) => r.program.id === 'lake')).toMatchObject({ people: 0, replied: 0, letters: 0 });
    expect(rows.find((r) => r.program.id === 'mercy')).toMatchObject({ people: 1, letters: 2 });
    expect(rows.find((r) => r.program.id === 'lake')!.lastContactedAt).toBeUndefined();
  });

  it('filter by stage, specialty (any capitalisation), nobody known, and no contact in 30 days; ranked first', () => {
    const ids = (filters: Parameters<typeof filterRows>[1]) => filterRows(rows, filters, NOW).map((r) => r.program.id);
    expect(ids({})).toEqual(['mercy', 'lake', 'ngh']);
    expect(ids({ stage: 'applied' })).toEqual(['ngh']);
    expect(ids({ specialty: 'Internal Medicine' })).toEqual(['lake', 'ngh']);
    expect(ids({ nobody: true })).toEqual(['lake']);
    expect(ids({ quiet: true })).toEqual(['mercy']);
    expect(specialties(index.programs)).toEqual(['Internal Medicine', 'Surgery']);
  });
});

describe('interview thank-yous', () => {
  const p = program({ id: 'ngh', name: 'Northfield', interviews: [{ date: '2026-11-14' }, { date: '2026-11-15' }, { date: '2026-10-01' }] });

  it('fall due at the local start of the day after the interview, not before', () => {
    expect(thanksDueAt('2026-11-14')).toBe(new Date(2026, 10, 15).getTime());
    expect(dueInterviewThanks([p], new Date(2026, 10, 14, 23, 59).getTime())).toEqual([]);
    expect(dueInterviewThanks([p], NOW).map((d) => d.date)).toEqual(['2026-11-14']);
    expect(dueInterviewThanks([p], new Date(2026, 10, 16).getTime()).map((d) => d.date)).toEqual(['2026-11-14', '2026-11-15']);
  });

  it('stop once handled, for a program left, or after the window', () => {
    const handled = { ...p, interviews: [{ date: '2026-11-14', thanksHandledAt: NOW }] };
    expect(dueInterviewThanks([handled], NOW)).toEqual([]);
    expect(dueInterviewThanks([{ ...p, stage: 'withdrawn' }], NOW)).toEqual([]);
    const late = new Date(2026, 10, 15 + THANKS_WINDOW_DAYS + 1).getTime();
    expect(dueInterviewThanks([{ ...p, interviews: [{ date: '2026-11-14' }] }], late)).toEqual([]);
  });
});
