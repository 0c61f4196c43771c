/**
 * The Overview's calendar: local weeks (Monday to Sunday, as ISO and most of
 * Rapport's users count them) and local days, as epoch boundaries. Computed
 * with local Date arithmetic, so a week starts at the user's own midnight
 * whatever the time zone or a daylight-saving change in between.
 */
/** Local midnight of the day `at` falls in. */
export function startOfDay(at: number): number {
  const d = new Date(at);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** Local midnight of the Monday of the week `at` falls in. */
export function startOfWeek(at: number): number {
  const d = new Date(startOfDay(at));
  const sinceMonday = (d.getDay() + 6) % 7;
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - sinceMonday).getTime();
}

/** The weeks the Overview's activity chart shows. */
export const OVERVIEW_WEEKS = 12;

/** `count` + 1 boundaries of the last `count` weeks, oldest first; the last is the end of this week. */
export function weekBounds(now: number, count: number): number[] {
  const monday = new Date(startOfWeek(now));
  return Array.from({ length: count + 1 }, (_, i) =>
    new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 7 * (i - count + 1)).getTime(),
  );
}

/** `count` + 1 boundaries of the next `count` days from today's local midnight. */
export function dayBounds(now: number, count: number): number[] {
  const today = new Date(startOfDay(now));
  return Array.from({ length: count + 1 }, (_, i) => new Date(today.getFullYear(), today.getMonth(), today.getDate() + i).getTime());
}

/** Today as YYYY-MM-DD in local time: how letters' deadlines and interviews' dates are written. */
export function localDate(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The periods the funnel offers besides the whole season: the last 7, 30 or 90 days up to now. */
export const PERIODS = ['season', '7', '30', '90'] as const;
export type PeriodChoice = (typeof PERIODS)[number];

export interface Period {
  /** Inclusive. */
  from: number;
  /** Exclusive. */
  to: number;
}

/** The newest possible date, as IndexedDB's upper bound. */
export const END_OF_TIME = 8.64e15;

/** A chosen period: from local midnight `days - 1` days ago (today counts as one), with nothing cut off at the end. */
export function periodOf(choice: PeriodChoice, now: number): Period {
  if (choice === 'season') return { from: 0, to: END_OF_TIME };
  const today = new Date(startOfDay(now));
  return { from: new Date(today.getFullYear(), today.getMonth(), today.getDate() - (Number(choice) - 1)).getTime(), to: END_OF_TIME };
}
