/**
 * The side panel's Letters section: every letter with its writer, status,
 * deadline and days left, overdue first; a summary line; filters by status
 * and by the specialty or program it is meant for; per-program counts with a
 * warning past ERAS's 4; each letter opens to edit in place.
 */
import { i18n } from '../../model/i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState } from 'react';
import { daysLeft, isPending } from '../../followups/due';
import { countsPerProgram, MAX_LETTERS_PER_PROGRAM, programsNamed, sortLetters, summarizeLetters } from '../../letters/overview';
import { contactsByIds } from '../../storage/contact-list';
import { listLetters } from '../../storage/letters';
import { LETTER_STATUSES, type Contact, type LetterStatus } from '../../model/schemas';
import { formatDay } from '../../drafting/variables';
import { kindLabel, letterStatusLabel, writerName } from './labels';
import { LetterEditor } from './LetterEditor';

interface Props {
  onOpenContact(id: string): void;
}

function summaryText(summary: ReturnType<typeof summarizeLetters>): string {
  const parts = [i18n.t('letters.view.submittedOf', summary.total, { done: summary.submitted, n: summary.total })];
  if (summary.overdue > 0) parts.push(i18n.t('letters.view.overdueCount', summary.overdue, { n: summary.overdue }));
  if (summary.next) {
    parts.push(
      summary.next.days === 0
        ? i18n.t('letters.view.dueToday', summary.next.count, { n: summary.next.count })
        : i18n.t('letters.view.dueIn', summary.next.count, { n: summary.next.count, days: summary.next.days }),
    );
  }
  return parts.join(', ');
}

function leftText(deadline: string | undefined, now: number): string {
  const left = daysLeft(deadline, now);
  if (left === undefined) return i18n.t('letters.view.noDeadline');
  if (left < 0) return i18n.t('letters.view.daysOverdue', -left, { n: -left });
  if (left === 0) return i18n.t('letters.view.today');
  return i18n.t('letters.view.daysLeft', left, { n: left });
}

export function LettersView({ onOpenContact }: Props) {
  const [status, setStatus] = useState<LetterStatus | ''>('');
  const [program, setProgram] = useState('');
  const [open, setOpen] = useState<string>();
  const headingId = useId();
  const loaded = useLiveQuery(async () => {
    try {
      const letters = await listLetters();
      const writers = await contactsByIds([...new Set(letters.map((l) => l.writerId))]);
      return { ok: true as const, letters, writers: new Map<string, Contact>(writers.map((c) => [c.id, c])), now: Date.now() };
    } catch (error) {
      return { ok: false as const, error: (error as Error).message };
    }
  }, []);
  const shown = useMemo(() => {
    if (!loaded?.ok) return [];
    return sortLetters(loaded.letters, loaded.now).filter(
      (l) => (!status || l.status === status) && (!program || l.meantFor.some((p) => p.toLocaleLowerCase() === program.toLocaleLowerCase())),
    );
  }, [loaded, status, program]);

  if (loaded === undefined) return <p className="muted empty">{i18n.t('letters.view.loading')}</p>;
  if (!loaded.ok) return <p className="error empty" role="alert">{i18n.t('letters.view.failed', { error: loaded.error })}</p>;
  const { letters, writers, now } = loaded;
  const perProgram = countsPerProgram(letters);

  return (
    <section className="detail stack" aria-labelledby={headingId} data-testid="letters-view">
      <h2 id={headingId}>{i18n.t('letters.view.heading')}</h2>
      {letters.length === 0 ? (
        <p className="muted" data-testid="letters-empty">{i18n.t('letters.view.empty')}</p>
      ) : (
        <>
          <p style={{ margin: 0 }} data-testid="letters-summary">{summaryText(summarizeLetters(letters, now))}</p>
          <div className="row" style={{ flexWrap: 'wrap' }}>
            <label style={{ flex: 1 }}>
              {i18n.t('letters.view.filterStatus')}
              <select value={status} onChange={(e) => setStatus(e.target.value as LetterStatus | '')}>
                <option value="">{i18n.t('letters.view.all')}</option>
                {LETTER_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {letterStatusLabel(s)}
                  </option>
                ))}
              </select>
            </label>
            <label style={{ flex: 1 }}>
              {i18n.t('letters.view.filterProgram')}
              <select value={program} onChange={(e) => setProgram(e.target.value)}>
                <option value="">{i18n.t('letters.view.all')}</option>
                {programsNamed(letters).map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {perProgram.length > 0 && (
            <ul className="stack" style={{ listStyle: 'none', margin: 0, padding: 0, gap: 2 }} aria-label={i18n.t('letters.view.perProgram')} data-testid="letters-per-program">
              {perProgram.map(({ program: name, count }) => (
                <li key={name} className={count > MAX_LETTERS_PER_PROGRAM ? 'error' : 'muted'}>
                  {i18n.t('letters.view.programCount', count, { n: count, program: name })}
                  {count > MAX_LETTERS_PER_PROGRAM && ` — ${i18n.t('letters.view.tooMany', { max: MAX_LETTERS_PER_PROGRAM })}`}
                </li>
              ))}
            </ul>
          )}
          {shown.length === 0 && <p className="muted">{i18n.t('letters.view.noMatch')}</p>}
          <ul className="stack" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {shown.map((letter) => {
              const writer = writers.get(letter.writerId);
              const name = writerName(writer);
              const left = daysLeft(letter.deadline, now);
              const late = isPending(letter) && left !== undefined && left < 0;
              const expanded = open === letter.id;
              return (
                <li key={letter.id} className="card stack" style={{ padding: 10, gap: 6 }} data-testid="letter-row" aria-label={name}>
                  <div className="spread" style={{ alignItems: 'baseline' }}>
                    <div style={{ minWidth: 0 }}>
                      {writer ? (
                        <button type="button" className="link" onClick={() => onOpenContact(writer.id)}>
                          <strong>{name}</strong>
                        </button>
                      ) : (
                        <strong>{name}</strong>
                      )}
                      <span className="muted"> · {kindLabel(letter.kind)}</span>
                    </div>
                    <span className={late ? 'error' : 'muted'} style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
                      {letterStatusLabel(letter.status)}
                      {letter.deadline && ` · ${formatDay(letter.deadline)}`}
                      {isPending(letter) || letter.status === 'planned' ? ` · ${leftText(letter.deadline, now)}` : ''}
                    </span>
                  </div>
                  {letter.meantFor.length > 0 && (
                    <span className="muted" style={{ fontSize: 12 }}>
                      {i18n.t('letters.row.meantFor', { list: letter.meantFor.join(', ') })}
                    </span>
                  )}
                  <div>
                    <button type="button" aria-expanded={expanded} aria-label={i18n.t('letters.view.editLabel', { name })} onClick={() => setOpen(expanded ? undefined : letter.id)}>
                      {expanded ? i18n.t('letters.view.close') : i18n.t('letters.view.edit')}
                    </button>
                  </div>
                  {expanded && <LetterEditor letter={letter} writerName={name} />}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
