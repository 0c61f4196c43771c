/**
 * The toolbar badge: how many things are due (follow-ups, letters, keeping in touch). Recounted from the database
 * every time (never cached in the worker), and alarms wake the worker when the
 * next follow-up falls due and at local midnight.
 *
 * Recounts are coalesced: however many changes arrive in a burst (an import
 * reporting 1,000 writes, alarms all firing after a sleep), the count runs at
 * most once per 500 ms. The only state kept in memory is that timer; if the
 * worker stops before it fires, the recount that runs on every start of the
 * worker (entrypoints/background.ts) makes up for it.
 */
import { browser } from 'wxt/browser';
import { dueAfter } from '../followups/rules';
import { dueTotal, type DueCounts } from '../followups/due';
import { countDue, nextDueAfter } from '../storage/due';
import { actionTitle } from './action-title';
import { notifyDailySummary } from './daily-summary';
import { refreshAllTabTitles } from './tab-icon';

export const ALARMS = {
  /** Safety net that recounts every hour even if no event arrives. */
  periodic: 'followups',
  /** When the earliest pending follow-up falls due. */
  next: 'followups-next',
  /** Local midnight, when a new day's follow-ups fall due. */
  midnight: 'followups-midnight',
} as const;

/** The global tooltip; tabs repeat the count in their own titles (see action-title.ts). */
export function badgeTitle(due: number | DueCounts): string {
  return actionTitle(due);
}

/** Badge text: Chrome shows about four characters. */
export function badgeText(due: number): string {
  return due === 0 ? '' : due > 999 ? '999+' : String(due);
}

export interface RefreshOptions {
  /** Also show the daily summary if it is due (alarms and browser start-up, not the user's own edits). */
  summary?: boolean;
}

/** Recounts now and updates the badge, the titles, the alarms and, if asked, the daily summary. */
export async function refreshBadge(now = Date.now(), options: RefreshOptions = {}): Promise<number> {
  // Alarms first and without the database, so that even a failing database is retried later.
  await ensureAlarms(now);
  const counts = await countDue(now);
  const due = dueTotal(counts);
  await Promise.all([
    browser.action.setBadgeText({ text: badgeText(due) }),
    browser.action.setBadgeBackgroundColor({ color: '#B42318' }),
    browser.action.setTitle({ title: badgeTitle(counts) }),
  ]);
  const results = await Promise.allSettled([
    scheduleNextAlarm(now),
    refreshAllTabTitles(counts),
    options.summary ? notifyDailySummary(counts.follow_up, now) : undefined,
  ]);
  for (const result of results) {
    if (result.status === 'rejected') console.error('Rapport: badge refresh step failed', result.reason);
  }
  return due;
}

/** Re-creates the hourly safety net and the midnight alarm: on older Chrome alarms could vanish on restart. */
export async function ensureAlarms(now = Date.now()): Promise<void> {
  if (!(await browser.alarms.get(ALARMS.periodic))) {
    await browser.alarms.create(ALARMS.periodic, { periodInMinutes: 60 });
  }
  await browser.alarms.create(ALARMS.midnight, { when: dueAfter(now, 1) });
}

/** An alarm for the moment the earliest pending reminder (of any kind) falls due. */
export async function scheduleNextAlarm(now = Date.now()): Promise<void> {
  const next = await nextDueAfter(now);
  if (next === undefined) await browser.alarms.clear(ALARMS.next);
  else await browser.alarms.create(ALARMS.next, { when: next });
}

export async function scheduleAlarms(now = Date.now()): Promise<void> {
  await ensureAlarms(now);
  await scheduleNextAlarm(now);
}

/** No two recounts start less than this apart. */
export const MIN_REFRESH_INTERVAL_MS = 500;
/** How long a first request waits for others of the same burst to join it. */
export const COALESCE_MS = 25;

interface PendingRefresh {
  promise: Promise<number>;
  summary: boolean;
}
let pending: PendingRefresh | undefined;
let running: Promise<void> = Promise.resolve();
let lastStartedAt = Number.NEGATIVE_INFINITY;

/**
 * Asks for a recount soon. Requests arriving before it starts share it (and
 * its result); a request arriving while one runs gets the next one, which
 * starts after it and at least MIN_REFRESH_INTERVAL_MS after its start, so
 * every caller's answer reflects its own write.
 */
export function requestBadgeRefresh(options: RefreshOptions = {}): Promise<number> {
  if (pending) {
    pending.summary ||= options.summary === true;
    return pending.promise;
  }
  const entry = { summary: options.summary === true } as PendingRefresh;
  entry.promise = new Promise<number>((resolve, reject) => {
    const delay = Math.max(COALESCE_MS, lastStartedAt + MIN_REFRESH_INTERVAL_MS - Date.now());
    setTimeout(() => {
      void running.then(() => {
        // From here on, new requests need a new recount: this one may already have read the database.
        if (pending === entry) pending = undefined;
        lastStartedAt = Date.now();
        const run = refreshBadge(Date.now(), { summary: entry.summary });
        running = run.then(
          () => undefined,
          () => undefined,
        );
        run.then(resolve, reject);
      });
    }, delay);
  });
  pending = entry;
  return entry.promise;
}

/** For tests: forget the in-memory throttle, as a restarted worker would. */
export function resetBadgeThrottle(): void {
  pending = undefined;
  running = Promise.resolve();
  lastStartedAt = Number.NEGATIVE_INFINITY;
}
