import { takeUnfinishedWrite } from '../../storage/write-marker';
import { useEffect, useId, useReducer, useRef, useState } from 'react';
import { notifyDataChanged } from '../../messages';
import { mappingProblem } from '../../portability/csv-columns';
import { createImportRun } from '../../import-worker/import-run';
import { MAX_CSV_BYTES, MAX_JSON_BYTES, formatBytes } from '../../portability/limits';
import { summarizePlan, summarizeRestoreView, type ContactPlanView, type RestorePlanView } from '../../import-worker/plan-view';
import { programsInRestore } from '../programs/restore-summary';
import { ColumnMapping } from './ColumnMapping';
import { ContactPlanReport, IssueList, RestorePlanReport } from './ImportReport';
import { i18n } from '../../model/i18n';
import { formatDateTime, formatNumber } from '../format';
import { importKindLabel } from '../labels';
import { say, type UserText } from '../../model/user-text';
import type { ImportTarget } from '../../portability/csv-columns';
import { importTargetLabel } from '../labels';
import { FIRST_STEP, nextStep, type MappingStep, type RestoreMode } from './import-steps';

/** A mapping problem in the user's language, naming the field as the column menu does. */
function sayMappingProblem(problem: UserText): string {
  const target = problem.values?.target;
  return say(typeof target === 'string' ? { ...problem, values: { target: importTargetLabel(target as ImportTarget) } } : problem);
}

/**
 * Import and restore: choose a file, check what it would do (a dry run that
 * writes nothing), then confirm. A file with any bad row changes nothing.
 */
export function ImportWizard() {
  const [state, dispatch] = useReducer(nextStep, FIRST_STEP);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  // One run for the wizard's life: its worker stops with the wizard.
  const [importer] = useState(() =>
    createImportRun({ onProgress: ({ name, stage, done, total }) => dispatch({ type: 'progress', name, stage, done, total }) }),
  );
  useEffect(() => importer.stop, [importer]);
  // A write the last panel did not live to finish (portability/write-marker.ts), said once.
  const [cutShort] = useState(takeUnfinishedWrite);

  const reset = () => {
    importer.stop();
    dispatch({ type: 'reset' });
    if (input.current) input.current.value = '';
  };

  /** The run has already stopped its worker; the wizard says why. */
  const fail = (error: unknown) => dispatch({ type: 'failed', error });

  const checkCsv = async (mapping: MappingStep) => {
    dispatch({ type: 'busy', label: i18n.t('settings.checkingEveryRow') });
    const plan = await importer.check(mapping.name, mapping.mapping);
    dispatch({ type: 'checked', from: mapping, plan });
  };

  const reviewBackup = async (name: string, mode: RestoreMode) => {
    const plan = await importer.planRestore(name, mode);
    dispatch({ type: 'planned-restore', name, mode, plan });
  };

  const choose = async (file: File | undefined) => {
    if (!file) return;
    importer.stop();
    try {
      dispatch({ type: 'busy', label: i18n.t('settings.readingFile', { name: file.name }) });
      // Contacts and backups are read, checked and compared in the import worker; the page shows its progress.
      const result = await importer.read(file);
      dispatch({ type: 'read', name: file.name, result });
    } catch (error) {
      fail(error);
      // Cleared so that the same file, fixed, can be chosen again; kept while its dry run is on screen.
      if (input.current) input.current.value = '';
    }
  };

  const write = async (run: () => Promise<string>) => {
    dispatch({ type: 'busy', label: i18n.t('settings.writing') });
    try {
      const summary = await run();
      // The file's import is over: cleared so that choosing the same file again reads it again.
      if (input.current) input.current.value = '';
      dispatch({ type: 'written', summary });
      await notifyDataChanged();
    } catch (error) {
      importer.stop();
      fail(error);
    }
  };

  return (
    <div className="stack" data-testid="import-wizard">
      <h3>{i18n.t('settings.import')}</h3>
      {cutShort && state.step === 'choose' && (
        <p className="error" role="alert" data-testid="write-cut-short">
          {i18n.t('trust.writeCutShort', { name: cutShort.name })}
        </p>
      )}
      {state.step === 'choose' && (
        <p className="muted data-note">{i18n.t('settings.restoreARapportBackup', { size: formatBytes(Math.max(MAX_CSV_BYTES, MAX_JSON_BYTES)) })}
        </p>
      )}
      <label htmlFor={inputId} className={state.step === 'busy' ? 'muted' : undefined}>{i18n.t('settings.chooseAFileTo')}<input
          id={inputId}
          ref={input}
          type="file"
          accept=".json,.csv,.txt,application/json,text/csv"
          disabled={state.step === 'busy'}
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </label>

      {state.step === 'busy' && (
        <div className="stack" role="status">
          <span>
            {state.label}
            {state.total
              ? state.percent
                ? ` ${Math.floor(((state.done ?? 0) / state.total) * 100)}%`
                : i18n.t('settings.of', { done: formatNumber(state.done ?? 0), total: formatNumber(state.total) })
              : ''}
          </span>
          <progress aria-label={i18n.t('settings.importProgress')} max={state.total || undefined} value={state.total ? state.done : undefined} />
        </div>
      )}

      {state.step === 'mapping' && (
        <div className="stack card">
          <h4 className="data-subheading">{i18n.t('settings.rows', { name: state.name, csv: importKindLabel('csv'), filled: state.filled })}</h4>
          <ColumnMapping header={state.header} sample={state.sample} mapping={state.mapping} onChange={(mapping) => dispatch({ type: 'map', mapping })} />
          {mappingProblem(state.mapping) && (
            <p className="error" role="alert">
              {sayMappingProblem(mappingProblem(state.mapping)!)}
            </p>
          )}
          <div className="row">
            <button
              type="button"
              className="primary"
              disabled={mappingProblem(state.mapping) !== undefined}
              onClick={() => void checkCsv(state).catch((e: unknown) => fail(e))}
            >{i18n.t('settings.checkImport')}</button>
            <button type="button" onClick={reset}>{i18n.t('settings.cancel')}</button>
          </div>
        </div>
      )}

      {state.step === 'review-contacts' && (
        <div className="stack card" data-testid="import-report">
          <h4 className="data-subheading">{i18n.t('settings.dryRun', { name: state.name })}</h4>
          <p role="status">
            <strong>{summarizePlan(state.plan)}</strong>{' '}{i18n.t('settings.nothingHasBeenWritten')}</p>
          <ContactPlanReport plan={state.plan} />
          <div className="row">
            {state.plan.errors.total === 0 && (
              <button
                type="button"
                className="primary"
                disabled={state.plan.add.total + state.plan.update.total === 0}
                onClick={() => void write(async () => summarizePlan(await importer.write(state.name), true))}
              >
                {state.plan.add.total + state.plan.update.total === 0 ? i18n.t('settings.nothingToImport') : i18n.t('settings.confirmImport')}
              </button>
            )}
            {state.back?.step === 'mapping' && (
              <button type="button" onClick={() => dispatch({ type: 'back' })}>{i18n.t('settings.backToColumns')}</button>
            )}
            <button type="button" onClick={reset}>
              {state.plan.errors.total > 0 ? i18n.t('settings.chooseAnotherFile') : i18n.t('settings.cancel')}
            </button>
          </div>
        </div>
      )}

      {state.step === 'review-backup' && (
        <div className="stack card" data-testid="import-report">
          <h4 className="data-subheading">{i18n.t('settings.dryRunBackup', { name: state.name, kind: importKindLabel('backup'), date: formatDateTime(new Date(state.plan.exportedAt)) })}
          </h4>
          <fieldset className="stack data-fieldset">
            <legend>{i18n.t('settings.howToRestore')}</legend>
            {(['merge', 'replace'] as const).map((mode) => (
              <label key={mode} className="data-choice">
                <input
                  type="radio"
                  name="restore-mode"
                  value={mode}
                  checked={state.mode === mode}
                  onChange={() => void reviewBackup(state.name, mode).catch((e: unknown) => fail(e))}
                />
                {mode === 'merge'
                  ? i18n.t('settings.mergeIntoMyData')
                  : i18n.t('settings.replaceAllMyData')}
              </label>
            ))}
          </fieldset>
          <p role="status">
            <strong>{[summarizeRestoreView(state.plan), programsInRestore(state.plan)].filter(Boolean).join(' ')}</strong>{' '}{i18n.t('settings.nothingHasBeenWritten')}</p>
          <RestorePlanReport plan={state.plan} />
          {state.mode === 'replace' && state.plan.errors.total === 0 && (
            <label className="data-choice">
              <input type="checkbox" checked={state.confirmed} onChange={(e) => dispatch({ type: 'confirm', confirmed: e.target.checked })} />{i18n.t('settings.iUnderstandThatMy')}</label>
          )}
          <div className="row">
            {state.plan.errors.total === 0 && (
              <button
                type="button"
                className="primary"
                disabled={state.mode === 'replace' && !state.confirmed}
                onClick={() => void write(async () => {
                  const done = await importer.restore(state.name, state.mode);
                  return [summarizeRestoreView(done, true), programsInRestore(done, true)].filter(Boolean).join(' ');
                })}
              >
                {state.mode === 'replace' ? i18n.t('settings.replaceMyData') : i18n.t('settings.merge')}
              </button>
            )}
            <button type="button" onClick={reset}>{i18n.t('settings.cancel')}</button>
          </div>
        </div>
      )}

      {state.step === 'done' && (
        <div className="stack">
          <p className="ok" role="status" data-testid="import-done">
            {state.summary}
          </p>
        </div>
      )}

      {state.step === 'failed' && (
        <div className="stack" data-testid="import-failed">
          <p className="error" role="alert">
            {state.message}
          </p>
          {state.issues.length > 0 && <IssueList issues={state.issues} />}
          <p className="muted data-note">{i18n.t('settings.nothingWasChangedFix')}</p>
        </div>
      )}
    </div>
  );
}
