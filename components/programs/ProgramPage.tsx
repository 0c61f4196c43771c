/**
 * One program's page: every field editable (autosaved), interview dates with
 * a calendar file for each, everyone linked there with their status and
 * alumni of the user's school marked, people who may be there to confirm,
 * linking anyone by hand, "not here", the combined timeline, and delete
 * (undoable).
 */
import { i18n } from '../../model/i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { useWriteStatus } from '../use-write';
import { useEffect, useId, useRef, useState } from 'react';
import { findSharedSchool } from '../../drafting/shared-school';
import { contactsByIds, searchContacts } from '../../storage/contact-list';
import {
  contactIdsOfProgram,
  deletePrograms,
  linkContact,
  programTimeline,
  restoreSnapshot,
  suggestedContacts,
  unlinkContact,
  updateProgram,
  type ProgramPatch,
} from '../../storage/programs';
import {
  INTERACTION_LABELS,
  PROGRAM_KINDS,
  PROGRAM_STAGES,
  STATUS_LABELS,
  httpUrl,
  type Contact,
  type Interaction,
  type Program,
} from '../../model/schemas';
import { getSettings } from '../../storage/settings';
import { TextField } from '../contacts/TextField';
import { Select } from '../Select';
import { useUndo } from '../undo';
import { downloadCalendar } from './download';
import { formatDay, formatMoment, kindLabel, stageLabel } from './labels';
import { MeetingCalendarButton } from './MeetingCalendarButton';

const NOBODY: readonly string[] = [];

interface Props {
  program: Program;
  programs: readonly Program[];
  onBack(): void;
  onOpen(contactId: string): void;
}

export function ProgramPage({ program, onBack, onOpen }: Props) {
  // Its own links only: the Programs view reads summaries, not links (storage/program-summaries.ts).
  const people = useLiveQuery(() => contactIdsOfProgram(program.id), [program.id]) ?? NOBODY;
  const { status, run } = useWriteStatus();
  const undo = useUndo();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [program.id]);

  const update = (patch: ProgramPatch) => updateProgram(program.id, patch);

  return (
    <div className="detail" data-testid="program-page">
      <div>
        <button type="button" className="link" onClick={onBack}>
          {i18n.t('programs.back')}
        </button>
      </div>
      <h2 ref={heading} tabIndex={-1} style={{ margin: 0 }}>
        {program.name}
      </h2>
      {status && (
        <p className={status.error ? 'error' : 'ok'} role={status.error ? 'alert' : 'status'} style={{ margin: 0 }}>
          {status.text}
        </p>
      )}
      <div className="fields">
        <Select
          label={i18n.t('programs.stage')}
          value={program.stage}
          options={PROGRAM_STAGES}
          labels={Object.fromEntries(PROGRAM_STAGES.map((s) => [s, stageLabel(s)]))}
          onChange={(stage) => void run(() => update({ stage }).then(() => undefined))}
        />
        <Select
          label={i18n.t('programs.kind')}
          value={program.kind}
          options={PROGRAM_KINDS}
          labels={Object.fromEntries(PROGRAM_KINDS.map((k) => [k, kindLabel(k)]))}
          onChange={(kind) => void run(() => update({ kind }).then(() => undefined))}
        />
        <TextField className="wide" label={i18n.t('programs.name')} journal={`program:${program.id}:name`} value={program.name} validate={(v) => (v ? undefined : i18n.t('programs.name'))} onSave={(name) => update({ name })} />
        <TextField
          className="wide"
          label={i18n.t('programs.aliases')} journal={`program:${program.id}:aliases`}
          value={program.aliases.join('; ')}
          onSave={(value) => update({ aliases: value.split(';').map((s) => s.trim()).filter(Boolean) })}
        />
        <TextField label={i18n.t('programs.specialty')} journal={`program:${program.id}:specialty`} value={program.specialty} onSave={(v) => update({ specialty: v || undefined })} />
        <TextField label={i18n.t('programs.parent')} journal={`program:${program.id}:parent`} value={program.parent} onSave={(v) => update({ parent: v || undefined })} />
        <TextField label={i18n.t('programs.city')} journal={`program:${program.id}:city`} value={program.city} onSave={(v) => update({ city: v || undefined })} />
        <TextField label={i18n.t('programs.region')} journal={`program:${program.id}:region`} value={program.region} onSave={(v) => update({ region: v || undefined })} />
        <TextField
          label={i18n.t('programs.website')} journal={`program:${program.id}:website`}
          type="url"
          value={program.website}
          validate={(v) => (v && !httpUrl.safeParse(v).success ? i18n.t('programs.websiteInvalid') : undefined)}
          onSave={(v) => update({ website: v || undefined })}
        />
        <TextField
          label={i18n.t('programs.rankField')} journal={`program:${program.id}:rankField`}
          value={program.rank === undefined ? '' : String(program.rank)}
          validate={(v) => (v === '' || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 1000) ? undefined : i18n.t('programs.rankInvalid'))}
          onSave={(v) => update({ rank: v === '' ? undefined : Number(v) })}
        />
        <TextField className="wide" multiline label={i18n.t('programs.notes')} journal={`program:${program.id}:notes`} value={program.notes} onSave={(notes) => update({ notes })} />
      </div>
      <Interviews program={program} onRun={run} />
      <People program={program} people={people} onOpen={onOpen} onRun={run} />
      <Suggestions program={program} onRun={run} />
      <LinkByName program={program} people={people} onRun={run} />
      <section className="stack" aria-labelledby="program-timeline">
        <h3 id="program-timeline" style={{ margin: 0 }}>
          {i18n.t('programs.timeline')}
        </h3>
        <CombinedTimeline people={people} />
      </section>
      <div>
        <button
          type="button"
          className="danger"
          onClick={() =>
            void run(async () => {
              const saved = await deletePrograms([program.id]);
              const message = i18n.t('programs.deleted', { name: program.name });
              undo({ message, undo: () => restoreSnapshot(saved) });
              onBack();
            })
          }
        >
          {i18n.t('programs.delete')}
        </button>
      </div>
    </div>
  );
}

type Run = (action: () => Promise<string | void>) => Promise<unknown>;

function Interviews({ program, onRun }: { program: Program; onRun: Run }) {
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const dateId = useId();
  const timeId = useId();
  const place = [program.city, program.region].filter(Boolean).join(', ');
  return (
    <section className="stack" aria-labelledby="program-interviews">
      <h3 id="program-interviews" style={{ margin: 0 }}>
        {i18n.t('programs.interviews')}
      </h3>
      {program.interviews.length === 0 ? (
        <p className="muted" style={{ margin: 0 }}>
          {i18n.t('programs.noInterviews')}
        </p>
      ) : (
        <ul className="stack" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {program.interviews.map((interview) => (
            <li key={interview.date} className="row" style={{ flexWrap: 'wrap' }} data-testid="interview">
              <span>
                {formatDay(interview.date)}
                {interview.time && ` · ${interview.time}`}
              </span>
              <button
                type="button"
                aria-label={i18n.t('programs.addToCalendarLabel', { date: formatDay(interview.date) })}
                onClick={() =>
                  downloadCalendar({
                    uid: `interview-${program.id}-${interview.date}@rapport`,
                    start: interview.time ? { date: interview.date, time: interview.time } : { date: interview.date },
                    durationMinutes: interview.durationMinutes,
                    summary: i18n.t('programs.interviewEvent', { name: program.name }),
                    description: program.notes || undefined,
                    location: place || undefined,
                    url: program.website,
                  })
                }
              >
                {i18n.t('programs.addToCalendar')}
              </button>
              <button
                type="button"
                className="link"
                aria-label={i18n.t('programs.removeInterview', { date: formatDay(interview.date) })}
                onClick={() => void onRun(() => updateProgram(program.id, { interviews: program.interviews.filter((i) => i.date !== interview.date) }).then(() => undefined))}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="row"
        style={{ flexWrap: 'wrap', alignItems: 'flex-end' }}
        onSubmit={(e) => {
          e.preventDefault();
          if (!date) return;
          const others = program.interviews.filter((i) => i.date !== date);
          void onRun(() =>
            updateProgram(program.id, { interviews: [...others, { date, ...(time ? { time } : {}) }].sort((a, b) => a.date.localeCompare(b.date)) }).then(() => {
              setDate('');
              setTime('');
            }),
          );
        }}
      >
        <label htmlFor={dateId}>
          {i18n.t('programs.interviewDate')}
          <input id={dateId} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label htmlFor={timeId}>
          {i18n.t('programs.interviewTime')}
          <input id={timeId} type="time" value={time} onChange={(e) => setTime(e.target.value)} />
        </label>
        <button type="submit" disabled={!date}>
          {i18n.t('programs.addInterview')}
        </button>
      </form>
    </section>
  );
}

function People({ program, people, onOpen, onRun }: { program: Program; people: readonly string[]; onOpen(id: string): void; onRun: Run }) {
  const loaded = useLiveQuery(async () => {
    const [contacts, settings] = await Promise.all([contactsByIds(people), getSettings()]);
    return { contacts: contacts.filter((c): c is Contact => c !== undefined), school: settings.mySchool };
  }, [people.join('\n')]);
  return (
    <section className="stack" aria-labelledby="program-people">
      <h3 id="program-people" style={{ margin: 0 }}>
        {i18n.t('programs.peopleTitle')}
      </h3>
      {loaded === undefined ? (
        <p className="muted" aria-busy="true" style={{ margin: 0 }}>
          {i18n.t('programs.loading')}
        </p>
      ) : loaded.contacts.length === 0 ? (
        <p className="muted" style={{ margin: 0 }}>
          {i18n.t('programs.nobodyHere')}
        </p>
      ) : (
        <ul className="stack" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={i18n.t('programs.peopleTitle')}>
          {loaded.contacts.map((contact) => {
            const shared = loaded.school ? findSharedSchool(loaded.school, contact.education.map((e) => e.school)) : undefined;
            return (
              <li key={contact.id} className="spread" data-testid="program-person">
                <span>
                  <button type="button" className="link" onClick={() => onOpen(contact.id)}>
                    {contact.fullName}
                  </button>{' '}
                  <span className="muted">
                    {STATUS_LABELS[contact.status]}
                    {contact.title && ` · ${contact.title}`}
                  </span>{' '}
                  {shared && <span className="pill">{i18n.t('programs.sameSchool', { school: shared })}</span>}
                </span>
                <button
                  type="button"
                  className="link"
                  onClick={() =>
                    void onRun(async () => {
                      await unlinkContact(contact.id, program.id);
                      return i18n.t('programs.unlinked', { name: contact.fullName, program: program.name });
                    })
                  }
                >
                  {i18n.t('programs.notHere')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function Suggestions({ program, onRun }: { program: Program; onRun: Run }) {
  const suggested = useLiveQuery(() => suggestedContacts(program.id), [program.id, program.name, program.aliases.join('\n')]);
  if (!suggested || suggested.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="program-suggestions">
      <h3 id="program-suggestions" style={{ margin: 0 }}>
        {i18n.t('programs.suggestions')}
      </h3>
      <p className="muted" style={{ margin: 0 }}>
        {i18n.t('programs.suggestionsHint')}
      </p>
      <ul className="stack" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {suggested.map((contact) => (
          <li key={contact.id} className="spread" data-testid="program-suggestion">
            <span>
              {contact.fullName} <span className="muted">· {contact.organization}</span>
            </span>
            <span className="row">
              <button type="button" onClick={() => void onRun(() => linkContact(contact.id, program.id))}>
                {i18n.t('programs.link')}
              </button>
              <button type="button" className="link" onClick={() => void onRun(() => unlinkContact(contact.id, program.id))}>
                {i18n.t('programs.notHere')}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function LinkByName({ program, people, onRun }: { program: Program; people: readonly string[]; onRun: Run }) {
  const [query, setQuery] = useState('');
  const id = useId();
  const found = useLiveQuery(async () => {
    const result = await searchContacts(query, {}, 'name');
    if (!result) return [];
    const linked = new Set(people);
    // The search's own records: the first eight not linked yet, without reading them again.
    return result.contacts.filter((c) => !linked.has(c.id)).slice(0, 8);
  }, [query, people.join('\n')]);
  return (
    <section className="stack">
      <label htmlFor={id}>{i18n.t('programs.linkContact')}</label>
      <input id={id} type="search" value={query} placeholder={i18n.t('programs.linkPlaceholder')} onChange={(e) => setQuery(e.target.value)} />
      {query && found && found.length > 0 && (
        <ul className="stack" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {found.map((contact) => (
            <li key={contact.id} className="spread">
              <span>
                {contact.fullName} {contact.organization && <span className="muted">· {contact.organization}</span>}
              </span>
              <button type="button" onClick={() => void onRun(() => linkContact(contact.id, program.id).then(() => setQuery('')))}>
                {i18n.t('programs.link')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CombinedTimeline({ people }: { people: readonly string[] }) {
  const loaded = useLiveQuery(async () => {
    const interactions = await programTimeline(people);
    const contacts = await contactsByIds([...new Set(interactions.map((i) => i.contactId))]);
    return { interactions, names: new Map(contacts.filter((c): c is Contact => c !== undefined).map((c) => [c.id, c.fullName])) };
  }, [people.join('\n')]);
  if (loaded === undefined) return <p className="muted">{i18n.t('programs.loading')}</p>;
  if (loaded.interactions.length === 0) return <p className="muted" style={{ margin: 0 }}>{i18n.t('programs.noTimeline')}</p>;
  return (
    <ol className="timeline" aria-label={i18n.t('programs.timeline')}>
      {loaded.interactions.map((interaction: Interaction) => (
        <li key={interaction.id}>
          <div>
            <strong>{INTERACTION_LABELS[interaction.kind]}</strong> <span className="muted">· {loaded.names.get(interaction.contactId)} · {formatMoment(interaction.at)}</span>{' '}
            <MeetingCalendarButton interaction={interaction} name={loaded.names.get(interaction.contactId) ?? ''} />
          </div>
          {interaction.text && <div style={{ whiteSpace: 'pre-wrap' }}>{interaction.text}</div>}
        </li>
      ))}
    </ol>
  );
}
