/**
 * A small iCalendar (RFC 5545) writer for interview days and meetings: one
 * VCALENDAR of VEVENTs, text escaped (§3.3.11), lines folded at 75 octets
 * without splitting a character (§3.1), CRLF line ends, UTC times for moments
 * Rapport logged and floating local times for an interview's wall-clock time.
 * The `ics` package would add a second validation library (yup) for this.
 */

export type EventStart =
  /** An all-day entry on a local date (YYYY-MM-DD). */
  | { date: string }
  /** A local wall-clock time (floating: the same hour in whatever zone the calendar is in). */
  | { date: string; time: string }
  /** A moment, written in UTC. */
  | { at: number };

export interface CalendarEvent {
  uid: string;
  start: EventStart;
  /** Minutes; ignored for an all-day entry, which lasts the day. */
  durationMinutes?: number;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
}

/** TEXT values: backslash, semicolon, comma and line breaks escaped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    // Other control characters are not allowed in TEXT.
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
}

const encoder = new TextEncoder();

/** Splits a content line into lines of at most 75 octets, each continuation starting with one space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    const limit = out.length === 0 ? 75 : 74; // a continuation's leading space is one of its 75
    if (size + bytes > limit) {
      out.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  out.push(current);
  return out.join('\r\n ');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 20261102T140000Z */
export function utcStamp(at: number): string {
  const d = new Date(at);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

const compactDate = (date: string) => date.replace(/-/g, '');

/** The calendar day after a YYYY-MM-DD date, computed in UTC so that no time zone shifts it. */
function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A floating local time `minutes` after date + time, as 20261102T093000. */
function floatingAfter(date: string, time: string, minutes: number): string {
  const d = new Date(`${date}T${time}:00Z`);
  d.setUTCMinutes(d.getUTCMinutes() + minutes);
  return `${d.toISOString().slice(0, 10).replace(/-/g, '')}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00`;
}

function timeLines(start: EventStart, minutes: number): string[] {
  if ('at' in start) return [`DTSTART:${utcStamp(start.at)}`, `DTEND:${utcStamp(start.at + minutes * 60_000)}`];
  if ('time' in start) return [`DTSTART:${floatingAfter(start.date, start.time, 0)}`, `DTEND:${floatingAfter(start.date, start.time, minutes)}`];
  return [`DTSTART;VALUE=DATE:${compactDate(start.date)}`, `DTEND;VALUE=DATE:${compactDate(nextDate(start.date))}`];
}

/** The whole .ics file. `now` is the DTSTAMP every event carries. */
export function calendarFile(events: readonly CalendarEvent[], now: number): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Rapport//Rapport//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const event of events) {
    lines.push('BEGIN:VEVENT', `UID:${escapeText(event.uid)}`, `DTSTAMP:${utcStamp(now)}`, ...timeLines(event.start, event.durationMinutes ?? 60));
    lines.push(`SUMMARY:${escapeText(event.summary)}`);
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
    if (event.url && /^https?:\/\//i.test(event.url)) lines.push(`URL:${event.url.replace(/[\s"]/g, encodeURIComponent)}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** A file name for the download: letters, digits and dashes only. */
export function calendarFileName(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'event'}.ics`;
}
