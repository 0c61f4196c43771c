/**
 * The side panel's Overview: the season at a glance. Loaded on demand (its
 * charts never weigh on the contacts list's first paint or the popup; see
 * ./load-overview); every figure comes from one read of storage/overview.ts,
 * which sums tallies, and the section is drawn once, when all of them are in.
 * The whole season's figures are drawn first from the snapshot the last read
 * left (storage/overview-screen.ts), when no write has been made since: the
 * live read then draws the same figures over them, and writes the snapshot
 * afresh when it was stale.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { OVERVIEW_WEEKS as WEEKS, PERIODS, periodOf, weekBounds, type Period, type PeriodChoice } from '../../overview/calendar';
import { funnelBars, type FunnelStep } from '../../overview/funnel';
import { worksTable } from '../../overview/what-works';
import { readOverview, type OverviewFigures, type Upcoming } from '../../storage/overview';
import { currentOverviewScreen, writeOverviewScreen } from '../../storage/overview-screen';
import { DIMENSIONS } from '../../storage/overview-keys';
import { LETTER_STATUSES, PROGRAM_STAGES, type Channel, type MessageFormat } from '../../model/schemas';
import { formatDate, formatNumber } from '../format';
import { channelLabel, formatLabel } from '../labels';
import { letterStatusLabel } from '../letters/labels';
import { formatDay as interviewDay, stageLabel } from '../programs/labels';
import { FunnelChart } from './FunnelChart';
import { WeeklyChart } from './WeeklyChart';
import { WhatWorks } from './WhatWorks';
import { OVERVIEW_SEEN_KEY, whenIdle } from './idle';
import { localStore } from '../../storage/local-store';
import './overview.css';
import { i18n } from '../../model/i18n';

interface Props {
  /** Opens the contacts list filtered to exactly one funnel step's contacts. */
  onOpenStep(step: FunnelStep, period: Period, label: string): void;
  onOpenContact(id: string): void;
}

/** A benchmark's mark (bench/overview.bench.ts), the first time only. */
const markOnce = (name: string) => {
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
};

export function OverviewView({ onOpenStep, onOpenContact }: Props) {
  // The section's code is in: what the click waited for before any read.
  useState(() => markOnce('rapport:overview-code'));
  const [choice, setChoice] = useState<PeriodChoice>('season');
  // One "now" per opening, so that every figure answers the same moment.
  const now = useMemo(() => Date.now(), []);
  const period = useMemo(() => periodOf(choice, now), [choice, now]);
  const weekBoundaries = useMemo(() => weekBounds(now, WEEKS), [now]);
  // One query for every figure: one render when they are all in, and one re-read when any of them changes.
  const figures = useLiveQuery(async () => {
    markOnce('rapport:overview-read-start');
    const read = await readOverview(now, period, weekBoundaries);
    markOnce('rapport:overview-read');
    return read;
  }, [now, period.from, period.to, weekBoundaries]);
  // The snapshot, when current: it answers only for the whole season, and the live figures replace it as they come.
  const [snapshot, setSnapshot] = useState<OverviewFigures>();
  useEffect(() => {
    let open = true;
    currentOverviewScreen(now).then(
      (screen) => open && setSnapshot(screen),
      () => undefined,
    );
    return () => {
      open = false;
    };
  }, [now]);
  const season = choice === 'season';
  const shown = figures ?? (season ? snapshot : undefined);

  // The benchmark's marks: the figures on screen (the snapshot's or the live ones), then the live ones.
  useEffect(() => {
    if (shown) markOnce('rapport:overview-ready');
    if (figures) markOnce('rapport:overview-live');
  }, [shown !== undefined, figures !== undefined]);
  // Once the live season is drawn and the page is idle: the snapshot written afresh, unless the one stored is current.
  useEffect(() => {
    if (!figures || !season) return;
    try {
      localStore()?.setItem(OVERVIEW_SEEN_KEY, '1');
    } catch {
      // A full localStorage: the snapshot is then kept only while the Overview is open.
    }
    return whenIdle(() => void keepOverviewScreen().catch(() => undefined));
  }, [figures, season]);

  if (!shown) return <Loading />;
  const { funnel, weeks, works, names, upcoming } = shown;

  const label = (dimension: (typeof DIMENSIONS)[number]) => (value: string) =>
    dimension === 'template'
      ? value
        ? (names.get(value) ?? i18n.t('overview.works.deletedTemplate'))
        : i18n.t('overview.works.noTemplate')
      : dimension === 'channel'
        ? channelLabel(value as Channel)
        : formatLabel(value as MessageFormat);

  return (
    <div className="overview stack" data-testid="overview">
      <section aria-labelledby="overview-funnel">
        <div className="spread">
          <h2 id="overview-funnel">{i18n.t('overview.funnel.heading')}</h2>
          <label className="row">
            <span>{i18n.t('overview.period.label')}</span>
            <select value={choice} onChange={(e) => setChoice(e.target.value as PeriodChoice)}>
              {PERIODS.map((p) => (
                <option key={p} value={p}>
                  {p === 'season' ? i18n.t('overview.period.season') : i18n.t('overview.period.days', { n: formatNumber(Number(p)) })}
                </option>
              ))}
            </select>
          </label>
        </div>
        <FunnelChart
          bars={funnelBars(funnel)}
          onOpen={(step) =>
            onOpenStep(step, period, choice === 'season' ? i18n.t(`overview.funnel.step.${step}`) : `${i18n.t(`overview.funnel.step.${step}`)} · ${i18n.t('overview.period.days', { n: formatNumber(Number(choice)) })}`)
          }
        />
      </section>

      <section aria-labelledby="overview-works">
        <h2 id="overview-works">{i18n.t('overview.works.heading')}</h2>
        <p className="muted small">{i18n.t('overview.works.explain')}</p>
        {DIMENSIONS.map((dimension) => (
          <WhatWorks key={dimension} dimension={dimension} table={worksTable(works[dimension])} label={label(dimension)} />
        ))}
      </section>

      <section aria-labelledby="overview-activity">
        <h2 id="overview-activity">{i18n.t('overview.activity.heading', { n: formatNumber(WEEKS) })}</h2>
        <WeeklyChart weeks={weeks} />
      </section>

      <UpcomingSections upcoming={upcoming} onOpenContact={onOpenContact} />
    </div>
  );
}

/** Writes the Overview's snapshot afresh when the one stored may not be drawn now (stale, absent, of another day). */
export async function keepOverviewScreen(): Promise<boolean> {
  if (await currentOverviewScreen(Date.now())) return false;
  return writeOverviewScreen();
}

/** Shown while the figures are read (or the section's code loads, ./load-overview). */
export function Loading() {
  return (
    <p className="muted" aria-busy="true">
      {i18n.t('overview.loading')}
    </p>
  );
}

/** Follow-ups due soon, letters by status, programs by stage and the next interviews. */
function UpcomingSections({ upcoming, onOpenContact }: { upcoming: Upcoming; onOpenContact(id: string): void }) {
  const dueSoon = upcoming.days.filter((d) => d.count > 0);
  const dueTotal = upcoming.days.reduce((a, d) => a + d.count, 0);
  const letters = LETTER_STATUSES.filter((s) => upcoming.lettersByStatus[s] > 0);
  const stages = PROGRAM_STAGES.filter((s) => upcoming.programsByStage[s] > 0);
  return (
    <>
        <section aria-labelledby="overview-due">
          <h2 id="overview-due">{i18n.t('overview.due.heading')}</h2>
          <p data-testid="due-summary">
            {i18n.t('overview.due.summary', dueTotal, { n: formatNumber(dueTotal) })}
            {upcoming.overdue > 0 && ` ${i18n.t('overview.due.overdue', { n: formatNumber(upcoming.overdue) })}`}
          </p>
          {dueSoon.length > 0 && (
            <ul className="overview-list">
              {dueSoon.map((d) => (
                <li key={d.start}>
                  <time dateTime={new Date(d.start).toISOString()}>{formatDate(d.start)}</time>: {formatNumber(d.count)}
                </li>
              ))}
            </ul>
          )}
        </section>

        {letters.length > 0 && (
          <section aria-labelledby="overview-letters">
            <h2 id="overview-letters">{i18n.t('overview.letters.heading')}</h2>
            <ul className="overview-list">
              {letters.map((s) => (
                <li key={s}>
                  {letterStatusLabel(s)}: {formatNumber(upcoming.lettersByStatus[s])}
                </li>
              ))}
            </ul>
            {upcoming.nextLetter && (
              <p>
                {i18n.t('overview.letters.next', { date: interviewDay(upcoming.nextLetter.deadline) })}{' '}
                <button type="button" className="link" onClick={() => onOpenContact(upcoming.nextLetter!.writerId)}>
                  {upcoming.nextLetter.writerName || i18n.t('letters.deletedWriter')}
                </button>{' '}
                <span className="muted">({letterStatusLabel(upcoming.nextLetter.status)})</span>
              </p>
            )}
          </section>
        )}

        {stages.length > 0 && (
          <section aria-labelledby="overview-programs">
            <h2 id="overview-programs">{i18n.t('overview.programs.heading')}</h2>
            <ul className="overview-list">
              {stages.map((s) => (
                <li key={s}>
                  {stageLabel(s)}: {formatNumber(upcoming.programsByStage[s])}
                </li>
              ))}
            </ul>
            <h3>{i18n.t('overview.programs.interviews')}</h3>
            {upcoming.interviews.length === 0 ? (
              <p className="muted">{i18n.t('overview.programs.noInterviews')}</p>
            ) : (
              <ul className="overview-list" data-testid="next-interviews">
                {upcoming.interviews.map((i) => (
                  <li key={`${i.programId}-${i.date}-${i.time ?? ''}`}>
                    <time dateTime={i.date}>{interviewDay(i.date)}</time>
                    {i.time ? ` ${i.time}` : ''} — {i.programName}
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
    </>
  );
}
