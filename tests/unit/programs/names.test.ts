// @vitest-environment node (no DOM reached: see vitest.config.ts)
/** Name matching, alias merging and stage rules for programs (pure). */
import { describe, expect, it } from 'vitest';
import { mergePrograms } from '../../../programs/merge';
import { compareNames, matchProgram, nameKey, programKeys } from '../../../programs/names';
import { nextInterview, stageAfterEdit, stageFromWord } from '../../../programs/stages';
import { Program } from '../../../model/schemas';

const program = (fields: Partial<Program> & { name: string }): Program =>
  Program.parse({ id: fields.name, createdAt: 1, updatedAt: 1, ...fields });

describe('name matching', () => {
  it.each([
    ['Northfield General Hospital', 'northfield general hospital'],
    ['Hôpital Saint-Éloi', 'Hopital Saint Eloi'],
    ['The Northfield General Hospital', 'Northfield General Hospital.'],
    ['St. Mary’s Hospital', "Saint Mary's Hospital"],
    ['St Mary Hospital', 'Saint Mary Hospital'],
    ['Brigham & Women’s Hospital', 'Brigham and Womens Hospital'],
    ['Mt. Sinai Hospital', 'Mount Sinai Hospital'],
  ])('"%s" and "%s" are certainly one place', (a, b) => {
    expect(compareNames(a, b)).toBe('certain');
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it('"The" is dropped only at the start, and a name that is only "The" keeps it', () => {
    expect(nameKey('The Ohio State University')).toBe('ohio state university');
    expect(nameKey('Hospital of the University')).toBe('hospital of the university');
    expect(nameKey('The')).toBe('the');
    expect(nameKey('—')).toBe('');
  });

  it('a nickname in quotes or a word more is a suggestion, never a certain match', () => {
    expect(compareNames('Northfield "NGH" General Hospital', 'Northfield General Hospital')).toBe('possible');
    expect(compareNames('Northfield General Hospital (NGH)', 'Northfield General Hospital')).toBe('possible');
    expect(compareNames('Mercy Hospital', 'Mercy Medical Center')).toBe('possible');
    expect(compareNames('Mercy Hospital Chicago', 'Mercy Hospital')).toBe('possible');
  });

  it('two hospitals with similar names are neither merged nor suggested', () => {
    expect(compareNames('St. Luke’s Medical Center', 'St. Mark’s Medical Center')).toBe('none');
    // Brackets are not read as a nickname when both names have them: the cities tell the hospitals apart.
    expect(compareNames('Mercy Hospital (Chicago)', 'Mercy Hospital (St. Louis)')).not.toBe('certain');
    expect(compareNames('Mercy Hospital Chicago', 'Mercy Hospital St. Louis')).toBe('none');
    expect(compareNames('Northfield General Hospital', 'Southfield General Hospital')).toBe('none');
    expect(compareNames('University Hospital', 'General Hospital')).toBe('none');
    expect(nameKey('St. Luke’s Medical Center')).not.toBe(nameKey('St. Mark’s Medical Center'));
  });

  it('matches any of a program’s names, and its keys cover them all', () => {
    const ngh = program({ name: 'Northfield General Hospital', aliases: ['NGH', 'Northfield General'] });
    expect(matchProgram('ngh', ngh)).toBe('certain');
    expect(matchProgram('Northfield General Hospital (NGH)', ngh)).toBe('possible');
    expect(matchProgram('Lakeside Clinic', ngh)).toBe('none');
    expect(programKeys(ngh)).toEqual(['northfield general hospital', 'ngh', 'northfield general']);
  });
});

describe('merging variants', () => {
  it('keeps every other name as an alias, fills empty fields, joins notes and interviews', () => {
    const a = program({ name: 'Northfield General Hospital', notes: 'Strong IM.', interviews: [{ date: '2026-11-02' }] });
    const b = program({ name: 'Northfield "NGH" General Hospital', aliases: ['NGH'], city: 'Northfield', specialty: 'Internal Medicine', stage: 'applied', notes: 'Ask Dr. Lee.', interviews: [{ date: '2026-11-02' }, { date: '2026-12-01' }], createdAt: 0 });
    const c = program({ name: 'northfield general hospital' });
    const merged = mergePrograms(a, [b, c], 50);
    expect(merged.id).toBe(a.id);
    expect(merged.name).toBe('Northfield General Hospital');
    // "northfield general hospital" is the same name as the program's own, so it adds no alias.
    expect(merged.aliases).toEqual(['Northfield "NGH" General Hospital', 'NGH']);
    expect(merged).toMatchObject({ city: 'Northfield', specialty: 'Internal Medicine', stage: 'applied', createdAt: 0, updatedAt: 50 });
    expect(merged.notes).toBe('Strong IM.\n\nAsk Dr. Lee.');
    expect(merged.interviews.map((i) => i.date)).toEqual(['2026-11-02', '2026-12-01']);
    expect(() => Program.parse(merged)).not.toThrow();
  });
});

describe('stage rules', () => {
  const base = program({ name: 'X' });
  it('an interview date moves an earlier stage to "interview scheduled"', () => {
    expect(stageAfterEdit({ ...base, stage: 'applied' }, { interviews: [{ date: '2026-11-02' }] })).toBe('interview_scheduled');
    expect(stageAfterEdit({ ...base, stage: 'interviewed' }, { interviews: [{ date: '2026-11-02' }] })).toBe('interviewed');
    expect(stageAfterEdit({ ...base, stage: 'withdrawn' }, { interviews: [{ date: '2026-11-02' }] })).toBe('withdrawn');
  });
  it('a rank moves an interviewed program to "ranked"; the user’s own stage wins', () => {
    expect(stageAfterEdit({ ...base, stage: 'interviewed' }, { rank: 3 })).toBe('ranked');
    expect(stageAfterEdit({ ...base, stage: 'applied' }, { rank: 3 })).toBe('applied');
    expect(stageAfterEdit({ ...base, stage: 'applied' }, { stage: 'withdrawn', interviews: [{ date: '2026-11-02' }] })).toBe('withdrawn');
  });
  it('reads a spreadsheet’s status words, and knows when it does not know one', () => {
    expect(stageFromWord('Applied')).toBe('applied');
    expect(stageFromWord('  Interview Invite ')).toBe('interview_invited');
    expect(stageFromWord('withdrew')).toBe('withdrawn');
    expect(stageFromWord('Not applying')).toBe('not_applying');
    expect(stageFromWord('Interview_scheduled')).toBe('interview_scheduled');
    expect(stageFromWord('pending??')).toBe('applied');
    expect(stageFromWord('Dream program')).toBeUndefined();
  });
  it('the next interview is the first on or after today', () => {
    const p = { interviews: [{ date: '2026-10-01' }, { date: '2026-12-01' }, { date: '2026-11-15' }] };
    expect(nextInterview(p, '2026-11-01')).toBe('2026-11-15');
    expect(nextInterview(p, '2026-12-02')).toBeUndefined();
  });
});
