/**
 * Importing the applicant's program spreadsheet from the Programs view: the
 * columns guessed and shown with the first rows for the user to correct, a
 * dry run (what would be added and updated, status words Rapport does not
 * know, bad rows), then one all-or-nothing write. And the CSV export.
 * The file is read, checked, compared and written in the import worker, as a
 * contact import is (import-worker/import-run.ts): the page shows its
 * progress and a Cancel that stops the worker, and holds only the report.
 */
import { i18n } from '../../model/i18n';
import { useEffect, useId, useRef, useState } from 'react';
import { notifyDataChanged } from '../../messages';
import type { ImportStage, ProgramPlanView } from '../../messages/import-worker';
import { createImportRun } from '../../import-worker/import-run';
import type { TableSample } from '../../import-worker/import-client';
import { say } from '../../model/user-text';
import { ImportFailure } from '../../portability/issues';
import {
  PROGRAM_TARGETS,
  guessProgramMapping,
  programMappingProblem,
  programsToCsv,
  type ProgramMapping,
  type ProgramTarget,
} from '../../portability/program-csv';
import { localDay } from '../../portability/dates';
import { listPrograms } from '../../storage/programs';
import { formatNumber } from '../format';
import { downloadBlob } from './download';

/** The progress line for a stage of the worker's work on a program list. */
function stageLabel(name: string, stage: ImportStage): string {
  switch (stage) {
    case 'reading':
      return i18n.t('settings.readingFile', { name });
    case 'checking':
      return i18n.t('settings.checkingEveryRow');
    case 'writing':
      return i18n.t('settings.writing');
    default:
      return i18n.t('programs.importComparing');
  }
}

type Busy = { label: string; done?: number; total?: number };

export function ProgramImport() {
  const [table, setTable] = useState<TableSample & { name: string }>();
  const [mapping, setMapping] = useState<ProgramMapping>([]);
  const [checked, setChecked] = useState<ProgramPlanView>();
  const [busy, setBusy] = useState<Busy>();
  const [status, setStatus] = useState<{ text: string; error?: boolean }>();
  const fileId = useId();
  const input = useRef<HTMLInputElement>(null);
  // One run for the view's life: its worker stops on Cancel, on another file, on a failure, and with the view.
  const [importer] = useState(() =>
    createImportRun({ onProgress: ({ name, stage, done, total }) => setBusy({ label: stageLabel(name, stage), ...(stage === 'reading' ? {} : { done, total }) }) }),
  );
  useEffect(() => importer.stop, [importer]);

  const clearFile = () => {
    if (input.current) input.current.value = '';
  };
  const fail = (error: unknown) => {
    setBusy(undefined);
    setStatus({ text: error instanceof ImportFailure ? error.message : (error as Error).message, error: true });
  };

  const cancel = () => {
    importer.stop();
    setBusy(undefined);
    setTable(undefined);
    setChecked(undefined);
    setStatus(undefined);
    clearFile();
  };

  const choose = async (file: File | undefined) => {
    importer.stop();
    setTable(undefined);
    setChecked(undefined);
    setStatus(undefined);
    if (!file) return;
    setBusy({ label: i18n.t('settings.readingFile', { name: file.name }) });
    try {
      const read = await importer.readPrograms(file);
      if (read.type !== 'table') throw new Error(i18n.t('settings.couldNotRead', { error: read.type }));
      setBusy(undefined);
      setTable({ name: file.name, header: read.header, sample: read.sample, filled: read.filled });
      setMapping(guessProgramMapping(read.header));
    } catch (error) {
      fail(error);
      clearFile();
    }
  };

  const check = async () => {
    if (!table) return;
    setStatus(undefined);
    const problem = programMappingProblem(mapping);
    if (problem) return setStatus({ text: problem, error: true });
    setBusy({ label: i18n.t('settings.checkingEveryRow') });
    try {
      const plan = await importer.checkPrograms(table.name, mapping);
      setBusy(undefined);
      setChecked(plan);
    } catch (error) {
      // The run has stopped its worker: the file has to be chosen again.
      setTable(undefined);
      setChecked(undefined);
      clearFile();
      fail(error);
    }
  };

  const write = async () => {
    if (!checked || !table) return;
    setBusy({ label: i18n.t('settings.writing') });
    try {
      const plan = await importer.writePrograms(table.name);
      setBusy(undefined);
      setTable(undefined);
      setChecked(undefined);
      clearFile();
      setStatus({ text: i18n.t('programs.importDone', { add: String(plan.add.total), update: String(plan.update.total) }) });
      await notifyDataChanged();
    } catch (error) {
      setTable(undefined);
      setChecked(undefined);
      clearFile();
      fail(error);
    }
  };

  const exportCsv = async () => {
    try {
      downloadBlob(new Blob([programsToCsv(await listPrograms())], { type: 'text/csv;charset=utf-8' }), `rapport-programs-${localDay(Date.now())}.csv`);
    } catch (error) {
      fail(error);
    }
  };

  return (
    <details className="stack">
      <summary>{i18n.t('programs.importTitle')}</summary>
      <label htmlFor={fileId}>{i18n.t('programs.importFile')}</label>
      <input id={fileId} ref={input} type="file" accept=".csv,text/csv" disabled={busy !== undefined} onChange={(e) => void choose(e.target.files?.[0])} />
      {busy && (
        <div className="stack" role="status" data-testid="program-import-progress">
          <span>
            {busy.label}
            {busy.total ? i18n.t('settings.of', { done: formatNumber(busy.done ?? 0), total: formatNumber(busy.total) }) : ''}
          </span>
          <progress aria-label={i18n.t('settings.importProgress')} max={busy.total || undefined} value={busy.total ? busy.done : undefined} />
          <div>
            <button type="button" onClick={cancel}>
              {i18n.t('settings.cancel')}
            </button>
          </div>
        </div>
      )}
      {table && !busy && (
        <fieldset className="stack">
          <legend>{i18n.t('programs.importColumns')}</legend>
          {table.header.map((header, column) => (
            <label key={column} className="spread">
              <span>
                {header || `#${column + 1}`}{' '}
                <span className="muted">{table.sample.slice(0, 2).map((row) => row[column] ?? '').filter(Boolean).join(' · ').slice(0, 60)}</span>
              </span>
              <select
                value={mapping[column] ?? ''}
                onChange={(e) => {
                  const next = [...mapping];
                  next[column] = (e.target.value || undefined) as ProgramTarget | undefined;
                  setMapping(next);
                  setChecked(undefined);
                }}
              >
                <option value="">{i18n.t('programs.importIgnore')}</option>
                {PROGRAM_TARGETS.map((target) => (
                  <option key={target} value={target}>
                    {i18n.t(`programs.targets.${target}`)}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <div>
            <button type="button" onClick={() => void check()}>
              {i18n.t('programs.importCheck')}
            </button>
          </div>
        </fieldset>
      )}
      {checked && !busy && (
        <div className="stack" data-testid="program-dry-run" role="status">
          <p style={{ margin: 0 }}>
            {i18n.t('programs.importDry', { add: String(checked.add.total), update: String(checked.update.total), same: String(checked.same) })}
          </p>
          {checked.unknownStatuses.total > 0 && (
            <p className="muted" style={{ margin: 0 }} data-testid="unknown-statuses">
              {i18n.t('programs.importUnknown', { words: checked.unknownStatuses.items.map((u) => `“${u.word}”`).join(', ') })}
            </p>
          )}
          {checked.errors.total > 0 ? (
            <>
              <ul className="error" style={{ margin: 0 }}>
                {checked.errors.items.map((issue, i) => (
                  <li key={i}>{i18n.t('programs.importIssue', { row: String(issue.row), field: issue.field, message: say(issue.text) })}</li>
                ))}
              </ul>
              <p className="error" style={{ margin: 0 }}>
                {i18n.t('programs.importNothing')}
              </p>
            </>
          ) : (
            <div>
              <button type="button" className="primary" onClick={() => void write()}>
                {i18n.t('programs.importWrite')}
              </button>
            </div>
          )}
        </div>
      )}
      {status && (
        <p className={status.error ? 'error' : 'ok'} role={status.error ? 'alert' : 'status'} style={{ margin: 0 }}>
          {status.text}
        </p>
      )}
      <div>
        <button type="button" onClick={() => void exportCsv()}>
          {i18n.t('programs.export')}
        </button>
      </div>
    </details>
  );
}
