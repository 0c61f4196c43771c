/**
 * Importing the applicant's program spreadsheet from the Programs view: the
 * columns guessed and shown with the first rows for the user to correct, a
 * dry run (what would be added and updated, status words Rapport does not
 * know, bad rows), then one all-or-nothing write. And the CSV export.
 * A program list is a few hundred rows at most, so it is read here rather
 * than in the contacts' import worker.
 */
import { i18n } from '../../model/i18n';
import { useId, useState } from 'react';
import { readCsv, type CsvTable } from '../../portability/csv-read';
import { readFileText } from '../../portability/detect';
import { ImportFailure } from '../../portability/issues';
import { say } from '../../model/user-text';
import {
  PROGRAM_TARGETS,
  guessProgramMapping,
  programMappingProblem,
  programsToCsv,
  readProgramRows,
  type ParsedPrograms,
  type ProgramImportPlan,
  type ProgramMapping,
  type ProgramTarget,
} from '../../portability/program-csv';
import { localDay } from '../../portability/dates';
import { applyProgramImport, listPrograms, previewProgramImport } from '../../storage/programs';
import { downloadBlob } from './download';

/** A program list larger than this is not a program list. */
const MAX_ROWS = 5_000;

export function ProgramImport() {
  const [table, setTable] = useState<CsvTable>();
  const [mapping, setMapping] = useState<ProgramMapping>([]);
  const [checked, setChecked] = useState<{ parsed: ParsedPrograms; plan: ProgramImportPlan }>();
  const [status, setStatus] = useState<{ text: string; error?: boolean }>();
  const fileId = useId();

  const fail = (error: unknown) => setStatus({ text: (error as Error).message, error: true });

  const choose = async (file: File | undefined) => {
    setTable(undefined);
    setChecked(undefined);
    setStatus(undefined);
    if (!file) return;
    try {
      const read = readCsv(await readFileText(file));
      if (read.rows.length > MAX_ROWS) throw new Error(i18n.t('programs.importTooLarge', { n: read.rows.length.toLocaleString(), max: MAX_ROWS.toLocaleString() }));
      setTable(read);
      setMapping(guessProgramMapping(read.header));
    } catch (error) {
      fail(error);
    }
  };

  const check = async () => {
    if (!table) return;
    setStatus(undefined);
    const problem = programMappingProblem(mapping);
    if (problem) return setStatus({ text: problem, error: true });
    try {
      const parsed = readProgramRows(table, mapping);
      setChecked({ parsed, plan: await previewProgramImport(parsed) });
    } catch (error) {
      fail(error);
    }
  };

  const write = async () => {
    if (!checked) return;
    try {
      const plan = await applyProgramImport(checked.parsed);
      setTable(undefined);
      setChecked(undefined);
      setStatus({ text: i18n.t('programs.importDone', { add: String(plan.add.length), update: String(plan.update.length) }) });
    } catch (error) {
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
      <input id={fileId} type="file" accept=".csv,text/csv" onChange={(e) => void choose(e.target.files?.[0])} />
      {table && (
        <fieldset className="stack">
          <legend>{i18n.t('programs.importColumns')}</legend>
          {table.header.map((header, column) => (
            <label key={column} className="spread">
              <span>
                {header || `#${column + 1}`}{' '}
                <span className="muted">{table.rows.slice(0, 2).map((row) => row[column] ?? '').filter(Boolean).join(' · ').slice(0, 60)}</span>
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
      {checked && (
        <div className="stack" data-testid="program-dry-run" role="status">
          <p style={{ margin: 0 }}>
            {i18n.t('programs.importDry', { add: String(checked.plan.add.length), update: String(checked.plan.update.length), same: String(checked.plan.same) })}
          </p>
          {checked.parsed.unknownStatuses.length > 0 && (
            <p className="muted" style={{ margin: 0 }} data-testid="unknown-statuses">
              {i18n.t('programs.importUnknown', { words: checked.parsed.unknownStatuses.map((u) => `“${u.word}”`).join(', ') })}
            </p>
          )}
          {checked.parsed.issues.length > 0 ? (
            <>
              <ul className="error" style={{ margin: 0 }}>
                {checked.parsed.issues.slice(0, 20).map((issue, i) => (
                  <li key={i}>{i18n.t('programs.importIssue', { row: String(issue.row), field: issue.field ?? '', message: say(issue.text) })}</li>
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
