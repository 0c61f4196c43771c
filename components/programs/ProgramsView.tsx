/**
 * The Programs view of the side panel (it replaced the Organizations view):
 * every program with the applicant's stage, the people known there and how
 * many replied, the last interaction and the next interview; filters; adding
 * a program; choosing two or more and merging them (undoable); and the
 * organizations of saved people that no program holds yet.
 */
import { i18n } from '../../model/i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { useWriteStatus } from '../use-write';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { localDay } from '../../followups/rules';
import { matchProgram } from '../../programs/names';
import { filterRows, programRows, specialties, type ProgramFilters, type ProgramRowView, type ProgramsIndex } from '../../programs/overview';
import { addAlias, addProgram, mergeProgramsInto, programsIndex, repairProgramSummaries, restoreSnapshot, unlinkedOrganizations } from '../../storage/programs';
import { PROGRAM_STAGES, type Program, type ProgramStage } from '../../model/schemas';
import { useUndo } from '../undo';
import { formatDay, formatMoment, stageLabel } from './labels';
import { ProgramImport } from './ProgramImport';
import { ProgramPage } from './ProgramPage';

interface Props {
  onOpen(contactId: string): void;
}

/** Programs shown at first, and added by each "Show more". */
const PAGE = 60;

type Loaded = { ok: true; index: ProgramsIndex } | { ok: false; error: string };

export function ProgramsView({ onOpen }: Props) {
  const loaded = useLiveQuery<Loaded>(() =>
    programsIndex().then(
      (index): Loaded => ({ ok: true, index }),
      (error: Error): Loaded => ({ ok: false, error: error.message }),
    ),
  );
  const [openId, setOpenId] = useState<string>();
  const [filters, setFilters] = useState<ProgramFilters>({});
  const [checked, setChecked] = useState<readonly string[]>([]);
  const [shown, setShown] = useState(PAGE);
  const { status, run } = useWriteStatus();
  const undo = useUndo();
  const heading = useRef<HTMLHeadingElement>(null);
  const lastOpened = useRef<string | undefined>(undefined);

  const now = Date.now();
  const today = localDay(now);
  const rows = useMemo(() => (loaded?.ok ? programRows(loaded.index, today) : undefined), [loaded, today]);
  const visible = useMemo(() => (rows ? filterRows(rows, filters, now) : undefined), [rows, filters, now]);
  const specialtyOptions = useMemo(() => (loaded?.ok ? specialties(loaded.index.programs) : []), [loaded]);

  const ready = visible !== undefined;
  useEffect(() => {
    if (!ready) return;
    if (performance.getEntriesByName('rapport:programs-ready').length === 0) performance.mark('rapport:programs-ready');
    // Once on screen, off the critical path: a summary found wrong is rewritten, and the live query shows it.
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 0));
    idle(() => void repairProgramSummaries().catch(() => undefined));
  }, [ready]);

  // Back from a program's page, focus returns to its card.
  useEffect(() => {
    if (openId === undefined && lastOpened.current) document.getElementById(`program-${lastOpened.current}`)?.focus();
  }, [openId]);


  if (loaded === undefined) return <p className="muted empty" aria-busy="true">{i18n.t('programs.loading')}</p>;
  if (!loaded.ok) return <p className="error empty" role="alert">{i18n.t('programs.loadError', { reason: loaded.error })}</p>;

  const program = openId ? loaded.index.programs.find((p) => p.id === openId) : undefined;
  if (openId && program) {
    return (
      <ProgramPage
        program={program}
        programs={loaded.index.programs}
        onBack={() => setOpenId(undefined)}
        onOpen={onOpen}
      />
    );
  }

  const merge = (ids: readonly string[]) =>
    run(async () => {
      const names = ids.map((id) => loaded.index.programs.find((p) => p.id === id)?.name ?? '');
      const saved = await mergeProgramsInto(ids);
      setChecked([]);
      const message = i18n.t('programs.merged', { n: String(ids.length), name: names[0]! });
      undo({ message, undo: () => restoreSnapshot(saved) });
      heading.current?.focus();
      return message;
    });

  return (
    <div className="detail" data-testid="programs-view">
      <div className="spread">
        <h2 ref={heading} tabIndex={-1} style={{ margin: 0 }}>
          {i18n.t('programs.tab')}
        </h2>
        {visible && (
          <span className="muted" data-testid="programs-count">
            {i18n.t('programs.count', visible.length, { n: String(visible.length) })}
          </span>
        )}
      </div>
      <AddProgramForm onAdd={(name) => run(async () => (await addProgram({ name }), i18n.t('programs.added', { name })))} />
      <ProgramImport />
      {status && (
        <p className={status.error ? 'error' : 'ok'} role={status.error ? 'alert' : 'status'} style={{ margin: 0 }}>
          {status.text}
        </p>
      )}
      {loaded.index.programs.length === 0 ? (
        <p className="muted">{i18n.t('programs.empty')}</p>
      ) : (
        <>
          <ProgramFilterBar filters={filters} specialties={specialtyOptions} onChange={setFilters} />
          {checked.length >= 2 && <MergeBar ids={checked} programs={loaded.index.programs} onMerge={merge} />}
          {visible!.length === 0 ? (
            <p className="muted">{i18n.t('programs.noMatch')}</p>
          ) : (
            <ul className="org-list" aria-label={i18n.t('programs.listLabel')}>
              {visible!.slice(0, shown).map((row) => (
                <ProgramCard
                  key={row.program.id}
                  row={row}
                  checked={checked.includes(row.program.id)}
                  onCheck={(on) => setChecked(on ? [...checked, row.program.id] : checked.filter((id) => id !== row.program.id))}
                  onOpen={() => {
                    lastOpened.current = row.program.id;
                    setOpenId(row.program.id);
                  }}
                />
              ))}
            </ul>
          )}
          {visible!.length > shown && (
            <button type="button" onClick={() => setShown(shown + PAGE)}>
              {i18n.t('programs.count', visible!.length - shown, { n: String(visible!.length - shown) })} +
            </button>
          )}
        </>
      )}
      <UnlinkedOrganizations programs={loaded.index.programs} onRun={run} />
    </div>
  );
}

function AddProgramForm({ onAdd }: { onAdd(name: string): Promise<unknown> }) {
  const [name, setName] = useState('');
  const id = useId();
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) return;
        void onAdd(name.trim()).then(() => setName(''));
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {i18n.t('programs.addName')}
      </label>
      <input id={id} value={name} placeholder={i18n.t('programs.addName')} onChange={(e) => setName(e.target.value)} />
      <button type="submit" disabled={!name.trim()}>
        {i18n.t('programs.add')}
      </button>
    </form>
  );
}

function ProgramFilterBar({ filters, specialties, onChange }: { filters: ProgramFilters; specialties: string[]; onChange(f: ProgramFilters): void }) {
  return (
    <div className="filters">
      <label className="filter">
        {i18n.t('programs.filterStage')}
        <select value={filters.stage ?? ''} onChange={(e) => onChange({ ...filters, stage: (e.target.value || undefined) as ProgramStage | undefined })}>
          <option value="">{i18n.t('programs.any')}</option>
          {PROGRAM_STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {stageLabel(stage)}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        {i18n.t('programs.filterSpecialty')}
        <select value={filters.specialty ?? ''} onChange={(e) => onChange({ ...filters, specialty: e.target.value || undefined })}>
          <option value="">{i18n.t('programs.any')}</option>
          {specialties.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label className="row" style={{ flex: '1 1 100%' }}>
        <input type="checkbox" style={{ width: 'auto' }} checked={filters.nobody === true} onChange={(e) => onChange({ ...filters, nobody: e.target.checked || undefined, quiet: undefined })} />
        {i18n.t('programs.nobody')}
      </label>
      <label className="row" style={{ flex: '1 1 100%' }}>
        <input type="checkbox" style={{ width: 'auto' }} checked={filters.quiet === true} onChange={(e) => onChange({ ...filters, quiet: e.target.checked || undefined, nobody: undefined })} />
        {i18n.t('programs.quiet')}
      </label>
    </div>
  );
}

function MergeBar({ ids, programs, onMerge }: { ids: readonly string[]; programs: readonly Program[]; onMerge(ids: readonly string[]): void }) {
  const [into, setInto] = useState(ids[0]!);
  const keep = ids.includes(into) ? into : ids[0]!;
  const name = (id: string) => programs.find((p) => p.id === id)?.name ?? id;
  return (
    <div className="bulk" role="group" aria-label={i18n.t('programs.merge', { n: String(ids.length) })}>
      <label className="row">
        {i18n.t('programs.mergeInto')}
        <select value={keep} onChange={(e) => setInto(e.target.value)}>
          {ids.map((id) => (
            <option key={id} value={id}>
              {name(id)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="primary" onClick={() => onMerge([keep, ...ids.filter((id) => id !== keep)])}>
        {i18n.t('programs.merge', { n: String(ids.length) })}
      </button>
    </div>
  );
}

function ProgramCard({ row, checked, onCheck, onOpen }: { row: ProgramRowView; checked: boolean; onCheck(on: boolean): void; onOpen(): void }) {
  const { program } = row;
  return (
    <li className="card stack" style={{ gap: 4 }} data-testid="program-card">
      <div className="row">
        <input
          type="checkbox"
          style={{ width: 'auto' }}
          checked={checked}
          aria-label={i18n.t('programs.select', { name: program.name })}
          onChange={(e) => onCheck(e.target.checked)}
        />
        <button type="button" id={`program-${program.id}`} className="link" style={{ fontWeight: 600, textAlign: 'left' }} onClick={onOpen}>
          {program.name}
        </button>
      </div>
      <p className="muted" style={{ margin: 0 }}>
        <span className="pill">{stageLabel(program.stage)}</span>
        {program.rank !== undefined && <> · {i18n.t('programs.rank', { rank: String(program.rank) })}</>}
        {program.specialty && <> · {program.specialty}</>}
      </p>
      <p className="muted" style={{ margin: 0 }}>
        {row.people === 0
          ? i18n.t('programs.noPeople')
          : i18n.t('programs.people', row.people, { n: String(row.people), replied: String(row.replied) })}
        {row.lastContactedAt !== undefined && <> · {i18n.t('programs.lastContact', { date: formatMoment(row.lastContactedAt) })}</>}
        {row.nextInterview && <> · {i18n.t('programs.nextInterview', { date: formatDay(row.nextInterview) })}</>}
        {row.letters > 0 && <> · {i18n.t('programs.letters', row.letters, { n: String(row.letters) })}</>}
      </p>
    </li>
  );
}

/**
 * Organizations of saved people that no program holds: each can become a
 * program, or another name of one. Read on its own, after the programs are
 * on screen, as it walks the contacts' organization index.
 */
function UnlinkedOrganizations({ programs, onRun }: { programs: readonly Program[]; onRun(action: () => Promise<string>): Promise<unknown> }) {
  const [shown, setShown] = useState(20);
  const groups = useLiveQuery(unlinkedOrganizations);
  if (!groups || groups.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="unlinked-organizations">
      <h3 id="unlinked-organizations" style={{ margin: 0 }}>
        {i18n.t('programs.unlinkedTitle')}
      </h3>
      <ul className="org-list">
        {groups.slice(0, shown).map((group) => (
          <UnlinkedOrganization key={group.organization} group={group} programs={programs} onRun={onRun} />
        ))}
      </ul>
      {groups.length > shown && (
        <button type="button" onClick={() => setShown(shown + 20)}>
          +{groups.length - shown}
        </button>
      )}
    </section>
  );
}

function UnlinkedOrganization({ group, programs, onRun }: { group: { organization: string; ids: string[] }; programs: readonly Program[]; onRun(action: () => Promise<string>): Promise<unknown> }) {
  // Programs whose names are close come first: the likely home of this spelling.
  const options = useMemo(() => {
    const close = programs.filter((p) => matchProgram(group.organization, p) !== 'none');
    return [...close, ...programs.filter((p) => !close.includes(p))];
  }, [group.organization, programs]);
  const selectId = useId();
  return (
    <li className="card stack" style={{ gap: 4 }}>
      <strong>{group.organization}</strong>
      <span className="muted">{i18n.t('programs.unlinkedPeople', group.ids.length, { n: String(group.ids.length) })}</span>
      <div className="row" style={{ flexWrap: 'wrap' }}>
        <button type="button" onClick={() => void onRun(async () => (await addProgram({ name: group.organization }), i18n.t('programs.added', { name: group.organization })))}>
          {i18n.t('programs.addAsProgram')}
        </button>
        {options.length > 0 && (
          <>
            <label htmlFor={selectId}>{i18n.t('programs.aliasOf')}</label>
            <select
              id={selectId}
              value=""
              onChange={(e) => {
                const target = programs.find((p) => p.id === e.target.value);
                if (target) void onRun(async () => (await addAlias(target.id, group.organization), i18n.t('programs.aliasAdded', { alias: group.organization, name: target.name })));
              }}
            >
              <option value="">{i18n.t('programs.aliasChoose')}</option>
              {options.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </>
        )}
      </div>
    </li>
  );
}
