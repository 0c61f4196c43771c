// @vitest-environment node (no DOM reached: see vitest.config.ts)
/**
 * The import wizard's steps (components/settings/import-steps.ts), without a worker or a page: what each thing the
 * worker or the user does shows next, and that an event meant for another step changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { FIRST_STEP, nextStep, type MappingStep, type Step } from '../../../components/settings/import-steps';
import type { ContactPlanView, RestorePlanView } from '../../../import-worker/plan-view';
import { ImportFailure } from '../../../portability/issues';
import { say, userText } from '../../../model/user-text';

const none = { total: 0, items: [] };
const contactPlan: ContactPlanView = { rows: 2, add: { total: 2, items: [{ row: 1, name: 'Ada' }, { row: 2, name: 'Grace' }] }, update: none, skip: none, errors: none };
const restorePlan = { mode: 'merge' } as RestorePlanView;
const table = { type: 'table' as const, header: ['Full name', 'Email', 'Shoe size'], sample: [['Ada', 'ada@example.org', '38']], filled: 1 };

function mapped(): MappingStep {
  const step = nextStep(FIRST_STEP, { type: 'read', name: 'people.csv', result: table });
  if (step.step !== 'mapping') throw new Error(`expected the mapping step, got ${step.step}`);
  return step;
}

describe('the import wizard steps', () => {
  it('a table read shows its columns to map, guessed from the header', () => {
    const step = mapped();
    expect(step).toMatchObject({ name: 'people.csv', header: table.header, sample: table.sample, filled: 1 });
    expect(step.mapping).toEqual(['fullName', 'email', undefined]);
  });

  it('a contact file or a backup read goes straight to its dry run, a backup as a merge not yet confirmed', () => {
    expect(nextStep(FIRST_STEP, { type: 'read', name: 'Connections.csv', result: { type: 'plan', plan: contactPlan } })).toEqual({
      step: 'review-contacts',
      name: 'Connections.csv',
      plan: contactPlan,
    });
    expect(nextStep(FIRST_STEP, { type: 'read', name: 'backup.json', result: { type: 'restore-plan', plan: restorePlan } })).toEqual({
      step: 'review-backup',
      name: 'backup.json',
      mode: 'merge',
      plan: restorePlan,
      confirmed: false,
    });
  });

  it('the mapping is changed in the mapping step only, and the dry run can go back to it as it was', () => {
    const mapping = mapped();
    const changed = nextStep(mapping, { type: 'map', mapping: ['fullName', undefined, undefined] });
    expect(changed).toMatchObject({ step: 'mapping', mapping: ['fullName', undefined, undefined] });
    const busy = nextStep(changed, { type: 'busy', label: 'Checking' });
    expect(nextStep(busy, { type: 'map', mapping: [] })).toBe(busy);
    const review = nextStep(busy, { type: 'checked', from: changed as MappingStep, plan: contactPlan });
    expect(review).toMatchObject({ step: 'review-contacts', name: 'people.csv', plan: contactPlan });
    expect(nextStep(review, { type: 'back' })).toBe(changed);
  });

  it('a file read without mapping has no step to go back to', () => {
    const review = nextStep(FIRST_STEP, { type: 'read', name: 'Connections.csv', result: { type: 'plan', plan: contactPlan } });
    expect(nextStep(review, { type: 'back' })).toBe(review);
  });

  it('switching the restore mode plans again and asks again for the confirmation', () => {
    const review = nextStep(FIRST_STEP, { type: 'read', name: 'backup.json', result: { type: 'restore-plan', plan: restorePlan } });
    const replacing = nextStep(review, { type: 'planned-restore', name: 'backup.json', mode: 'replace', plan: { ...restorePlan, mode: 'replace' } });
    expect(replacing).toMatchObject({ mode: 'replace', confirmed: false });
    const confirmed = nextStep(replacing, { type: 'confirm', confirmed: true });
    expect(confirmed).toMatchObject({ confirmed: true });
    expect(nextStep(nextStep(confirmed, { type: 'planned-restore', name: 'backup.json', mode: 'merge', plan: restorePlan }), { type: 'confirm', confirmed: false })).toMatchObject({
      mode: 'merge',
      confirmed: false,
    });
    expect(nextStep(FIRST_STEP, { type: 'confirm', confirmed: true })).toBe(FIRST_STEP);
  });

  it('progress reports each stage, the file read as a share and the rest as counts', () => {
    expect(nextStep(FIRST_STEP, { type: 'progress', name: 'big.csv', stage: 'reading', done: 5, total: 10 })).toMatchObject({ step: 'busy', done: 5, total: 10, percent: true });
    const writing = nextStep(FIRST_STEP, { type: 'progress', name: 'big.csv', stage: 'writing', done: 1, total: 4 }) as Extract<Step, { step: 'busy' }>;
    expect(writing).toMatchObject({ step: 'busy', done: 1, total: 4 });
    expect(writing.percent).toBeUndefined();
  });

  it('ends done with the summary, failed with the failure’s issues, and starts over on reset', () => {
    expect(nextStep(FIRST_STEP, { type: 'written', summary: 'Added 2 contacts.' })).toEqual({ step: 'done', summary: 'Added 2 contacts.' });
    const issue = { row: 3, field: 'email', text: userText('validation.email') };
    expect(nextStep(FIRST_STEP, { type: 'failed', error: new ImportFailure(userText('portability.csv.noRows'), [issue]) })).toEqual({
      step: 'failed',
      message: say(userText('portability.csv.noRows')),
      issues: [issue],
    });
    const other = nextStep(FIRST_STEP, { type: 'failed', error: new Error('disk') });
    expect(other).toMatchObject({ step: 'failed', issues: [] });
    expect((other as { message: string }).message).toContain('disk');
    expect(nextStep(mapped(), { type: 'reset' })).toEqual(FIRST_STEP);
  });
});
