/**
 * The import wizard's steps as a pure reducer: choose a file, wait on the import worker, map a CSV's columns,
 * review the dry run of contacts or of a backup (merge or replace, the latter confirmed), then done or failed.
 * components/settings/ImportWizard.tsx runs the worker and the file input and dispatches what happened; this
 * decides what shows, and is tested without a worker or a page (tests/unit/portability/import-steps.test.ts).
 */
import { i18n } from '../../model/i18n';
import type { ImportStage } from '../../messages/import-worker';
import type { ReadResult, TableSample } from '../../import-worker/import-client';
import type { ContactPlanView, RestorePlanView } from '../../import-worker/plan-view';
import { guessMapping, type ColumnMapping as Mapping } from '../../portability/csv-columns';
import { ImportFailure, type ImportIssue } from '../../portability/issues';

export type RestoreMode = RestorePlanView['mode'];

export type MappingStep = { step: 'mapping'; name: string; mapping: Mapping } & TableSample;

export type Step =
  | { step: 'choose' }
  /** `percent` shows progress through the file's characters, which mean nothing to the user as a count. */
  | { step: 'busy'; label: string; done?: number; total?: number; percent?: boolean }
  | MappingStep
  /** The rows themselves stay in the import worker; the page holds the report. */
  | { step: 'review-contacts'; name: string; plan: ContactPlanView; back?: Step }
  /** The backup and its plan stay in the import worker too; switching the mode plans again there. */
  | { step: 'review-backup'; name: string; mode: RestoreMode; plan: RestorePlanView; confirmed: boolean }
  | { step: 'done'; summary: string }
  | { step: 'failed'; message: string; issues: ImportIssue[] };

export type StepEvent =
  | { type: 'reset' }
  /** Work started that reports no progress yet: reading a file, checking, writing. */
  | { type: 'busy'; label: string }
  | { type: 'progress'; name: string; stage: ImportStage; done: number; total: number }
  /** The worker read the file: a contact plan, a backup's plan (merge first), or a table whose columns to map. */
  | { type: 'read'; name: string; result: ReadResult }
  | { type: 'map'; mapping: Mapping }
  | { type: 'checked'; from: MappingStep; plan: ContactPlanView }
  | { type: 'back' }
  | { type: 'planned-restore'; name: string; mode: RestoreMode; plan: RestorePlanView }
  | { type: 'confirm'; confirmed: boolean }
  | { type: 'written'; summary: string }
  | { type: 'failed'; error: unknown };

export const FIRST_STEP: Step = { step: 'choose' };

/** The progress line for each stage of the import worker's work. */
export function progressStep(fileName: string, stage: ImportStage, done: number, total: number): Step {
  switch (stage) {
    case 'reading':
      return { step: 'busy', label: i18n.t('settings.readingFile', { name: fileName }), done, total, percent: true };
    case 'checking':
      return { step: 'busy', label: i18n.t('settings.checkingEveryRow'), done, total };
    case 'loading':
      return { step: 'busy', label: i18n.t('settings.readingSaved'), done, total };
    case 'comparing':
      return { step: 'busy', label: i18n.t('settings.comparing'), done, total };
    case 'rechecking':
      return { step: 'busy', label: i18n.t('settings.checkingAgain'), done, total };
    case 'writing':
      return { step: 'busy', label: i18n.t('settings.writing'), done, total };
  }
}

export function failure(error: unknown): Step {
  if (error instanceof ImportFailure) return { step: 'failed', message: error.message, issues: error.issues };
  return { step: 'failed', message: i18n.t('settings.couldNotRead', { error: (error as Error).message }), issues: [] };
}

/** The next step; an event that does not apply to the step shown leaves it as it is. */
export function nextStep(state: Step, event: StepEvent): Step {
  switch (event.type) {
    case 'reset':
      return FIRST_STEP;
    case 'busy':
      return { step: 'busy', label: event.label };
    case 'progress':
      return progressStep(event.name, event.stage, event.done, event.total);
    case 'read': {
      const { name, result } = event;
      if (result.type === 'plan') return { step: 'review-contacts', name, plan: result.plan };
      if (result.type === 'restore-plan') return { step: 'review-backup', name, mode: 'merge', plan: result.plan, confirmed: false };
      const { header, sample, filled } = result;
      return { step: 'mapping', name, header, sample, filled, mapping: guessMapping(header) };
    }
    case 'map':
      return state.step === 'mapping' ? { ...state, mapping: event.mapping } : state;
    case 'checked':
      return { step: 'review-contacts', name: event.from.name, plan: event.plan, back: event.from };
    case 'back':
      return state.step === 'review-contacts' && state.back?.step === 'mapping' ? state.back : state;
    case 'planned-restore':
      return { step: 'review-backup', name: event.name, mode: event.mode, plan: event.plan, confirmed: false };
    case 'confirm':
      return state.step === 'review-backup' ? { ...state, confirmed: event.confirmed } : state;
    case 'written':
      return { step: 'done', summary: event.summary };
    case 'failed':
      return failure(event.error);
  }
}
