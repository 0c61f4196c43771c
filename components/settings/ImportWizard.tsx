import { useId, useRef, useState } from 'react';
import { notifyDataChanged } from '../../messages';
import { parseBackup, type Backup } from '../../portability/backup-format';
import { guessMapping, mappingProblem, type ColumnMapping as Mapping } from '../../portability/csv-columns';
import { importCsvRowsAsync } from '../../portability/csv-import';
import { readCsvAsync, type CsvTable } from '../../portability/csv-read';
import { admitFile, probeFile, readFileText } from '../../portability/detect';
import { applyContactImport, previewContactImport } from '../../portability/import-contacts';
import type { ParsedContacts } from '../../portability/incoming';
import { ImportFailure, type ImportIssue } from '../../portability/issues';
import { MAX_CSV_BYTES, MAX_JSON_BYTES, formatBytes } from '../../portability/limits';
import { parseConnectionsAsync } from '../../portability/linkedin-connections';
import { summarizePlan, type ContactImportPlan } from '../../portability/plan';
import { applyRestore, previewRestore, summarizeRestore, type RestoreMode, type RestorePlan } from '../../portability/restore';
import { ColumnMapping } from './ColumnMapping';
import { ContactPlanReport, IssueList, RestorePlanReport } from './ImportReport';

type Step =
  | { step: 'choose' }
  /** `percent` shows progress through the file's characters, which mean nothing to the user as a count. */
  | { step: 'busy'; label: string; done?: number; total?: number; percent?: boolean }
  | { step: 'mapping'; name: string; table: CsvTable; mapping: Mapping }
  | { step: 'review-contacts'; name: string; parsed: ParsedContacts; plan: ContactImportPlan; back?: Step }
  | { step: 'review-backup'; name: string; backup: Backup; mode: RestoreMode; plan: RestorePlan; confirmed: boolean }
  | { step: 'done'; summary: string }
  | { step: 'failed'; message: string; issues: ImportIssue[] };

const KIND_LABELS = { backup: 'Rapport backup', connections: 'LinkedIn Connections export', csv: 'CSV of contacts' } as const;

/** Lets the page paint a progress state before a long synchronous parse. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function failure(error: unknown): Step {
  if (error instanceof ImportFailure) return { step: 'failed', message: error.message, issues: error.issues };
  return { step: 'failed', message: `The file could not be read: ${(error as Error).message}`, issues: [] };
}

/**
 * Import and restore: choose a file, check what it would do (a dry run that
 * writes nothing), then confirm. A file with any bad row changes nothing.
 */
export function ImportWizard() {
  const [state, setState] = useState<Step>({ step: 'choose' });
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();

  const reset = () => {
    setState({ step: 'choose' });
    if (input.current) input.current.value = '';
  };

  const reviewContacts = async (name: string, parsed: ParsedContacts, back?: Step) => {
    const label = 'Comparing with your saved contacts…';
    setState({ step: 'busy', label });
    await nextFrame();
    const plan = await previewContactImport(parsed, Date.now(), (done, total) => setState({ step: 'busy', label, done, total }));
    setState({ step: 'review-contacts', name, parsed, plan, back });
  };

  const checkCsv = async (mapping: Extract<Step, { step: 'mapping' }>) => {
    const label = 'Checking every row…';
    setState({ step: 'busy', label });
    await nextFrame();
    const parsed = await importCsvRowsAsync(mapping.table, mapping.mapping, (done, total) => setState({ step: 'busy', label, done, total }));
    await reviewContacts(mapping.name, parsed, mapping);
  };

  const reviewBackup = async (name: string, backup: Backup, mode: RestoreMode) => {
    const plan = await previewRestore(backup, mode);
    setState({ step: 'review-backup', name, backup, mode, plan, confirmed: false });
  };

  const choose = async (file: File | undefined) => {
    if (!file) return;
    try {
      setState({ step: 'busy', label: `Reading ${file.name}…` });
      const admission = admitFile(await probeFile(file));
      if (!admission.ok) throw new ImportFailure(admission.message);
      const text = await readFileText(file);
      await nextFrame();
      const reading = `Reading ${file.name}…`;
      const onReading = (done: number, total: number) => setState({ step: 'busy', label: reading, done, total, percent: true });
      if (admission.kind === 'backup') await reviewBackup(file.name, parseBackup(text), 'merge');
      else if (admission.kind === 'connections') {
        const parsed = await parseConnectionsAsync(text, (stage, done, total) =>
          stage === 'reading' ? onReading(done, total) : setState({ step: 'busy', label: 'Checking every row…', done, total }),
        );
        await reviewContacts(file.name, parsed);
      } else {
        const table = await readCsvAsync(text, { onProgress: onReading });
        setState({ step: 'mapping', name: file.name, table, mapping: guessMapping(table.header) });
      }
    } catch (error) {
      setState(failure(error));
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  const write = async (run: (onProgress: (done: number, total: number) => void) => Promise<string>) => {
    setState({ step: 'busy', label: 'Writing…' });
    try {
      const summary = await run((done, total) => setState({ step: 'busy', label: 'Writing…', done, total }));
      setState({ step: 'done', summary });
      await notifyDataChanged();
    } catch (error) {
      setState(failure(error));
    }
  };

  return (
    <div className="stack" data-testid="import-wizard">
      <h3>Import</h3>
      {state.step === 'choose' && (
        <p className="muted data-note">
          Restore a Rapport backup (.json), bring in LinkedIn’s Connections.csv (from LinkedIn: Settings › Data privacy › Get a
          copy of your data), or any CSV of contacts. You will see what would change before anything is written. Files up to{' '}
          {formatBytes(Math.max(MAX_CSV_BYTES, MAX_JSON_BYTES))}.
        </p>
      )}
      <label htmlFor={inputId} className={state.step === 'busy' ? 'muted' : undefined}>
        Choose a file to import
        <input
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
                : ` ${state.done?.toLocaleString() ?? 0} of ${state.total.toLocaleString()}`
              : ''}
          </span>
          <progress aria-label="Import progress" max={state.total || undefined} value={state.total ? state.done : undefined} />
        </div>
      )}

      {state.step === 'mapping' && (
        <div className="stack card">
          <h4 className="data-subheading">{state.name}: {KIND_LABELS.csv}, {state.table.filled} rows</h4>
          <ColumnMapping table={state.table} mapping={state.mapping} onChange={(mapping) => setState({ ...state, mapping })} />
          {mappingProblem(state.mapping) && (
            <p className="error" role="alert">
              {mappingProblem(state.mapping)}
            </p>
          )}
          <div className="row">
            <button
              type="button"
              className="primary"
              disabled={mappingProblem(state.mapping) !== undefined}
              onClick={() => void checkCsv(state).catch((e: unknown) => setState(failure(e)))}
            >
              Check import
            </button>
            <button type="button" onClick={reset}>
              Cancel
            </button>
          </div>
        </div>
      )}

      {state.step === 'review-contacts' && (
        <div className="stack card" data-testid="import-report">
          <h4 className="data-subheading">Dry run: {state.name}</h4>
          <p role="status">
            <strong>{summarizePlan(state.plan)}</strong> Nothing has been written yet.
          </p>
          <ContactPlanReport plan={state.plan} />
          <div className="row">
            {state.plan.errors.length === 0 && (
              <button
                type="button"
                className="primary"
                disabled={state.plan.add.length + state.plan.update.length === 0}
                onClick={() =>
                  void write(async (onProgress) => {
                    const onCheckProgress = (done: number, total: number) =>
                      setState({ step: 'busy', label: 'Checking again against your saved contacts…', done, total });
                    return summarizePlan(await applyContactImport(state.parsed, { onProgress, onCheckProgress }), true);
                  })
                }
              >
                {state.plan.add.length + state.plan.update.length === 0 ? 'Nothing to import' : 'Confirm import'}
              </button>
            )}
            {state.back?.step === 'mapping' && (
              <button type="button" onClick={() => setState(state.back!)}>
                Back to columns
              </button>
            )}
            <button type="button" onClick={reset}>
              {state.plan.errors.length > 0 ? 'Choose another file' : 'Cancel'}
            </button>
          </div>
        </div>
      )}

      {state.step === 'review-backup' && (
        <div className="stack card" data-testid="import-report">
          <h4 className="data-subheading">
            Dry run: {state.name} ({KIND_LABELS.backup} of {new Date(state.backup.exportedAt).toLocaleString()})
          </h4>
          <fieldset className="stack data-fieldset">
            <legend>How to restore</legend>
            {(['merge', 'replace'] as const).map((mode) => (
              <label key={mode} className="data-choice">
                <input
                  type="radio"
                  name="restore-mode"
                  value={mode}
                  checked={state.mode === mode}
                  onChange={() => void reviewBackup(state.name, state.backup, mode).catch((e: unknown) => setState(failure(e)))}
                />
                {mode === 'merge'
                  ? 'Merge into my data (the same person is matched by profile link or id; the newer copy wins; my settings stay)'
                  : 'Replace all my data with the backup'}
              </label>
            ))}
          </fieldset>
          <p role="status">
            <strong>{summarizeRestore(state.plan)}</strong> Nothing has been written yet.
          </p>
          <RestorePlanReport plan={state.plan} />
          {state.mode === 'replace' && state.plan.errors.length === 0 && (
            <label className="data-choice">
              <input type="checkbox" checked={state.confirmed} onChange={(e) => setState({ ...state, confirmed: e.target.checked })} />
              I understand that my current data will be replaced (export a backup first to keep it).
            </label>
          )}
          <div className="row">
            {state.plan.errors.length === 0 && (
              <button
                type="button"
                className="primary"
                disabled={state.mode === 'replace' && !state.confirmed}
                onClick={() =>
                  void write(async (onProgress) => summarizeRestore(await applyRestore(state.backup, state.mode, { onProgress }), true))
                }
              >
                {state.mode === 'replace' ? 'Replace my data' : 'Merge'}
              </button>
            )}
            <button type="button" onClick={reset}>
              Cancel
            </button>
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
          <p className="muted data-note">Nothing was changed. Fix the file, or choose another one above.</p>
        </div>
      )}
    </div>
  );
}
