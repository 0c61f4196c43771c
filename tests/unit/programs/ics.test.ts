// @vitest-environment node (no DOM reached: see vitest.config.ts)
/** The iCalendar writer (RFC 5545): escaping, folding at 75 octets, CRLF, UTC, floating and all-day times. */
import { describe, expect, it } from 'vitest';
import { calendarFile, calendarFileName, escapeText, foldLine } from '../../../programs/ics';

const NOW = Date.UTC(2026, 9, 1, 12, 0, 0);
const octets = (line: string) => new TextEncoder().encode(line).length;

describe('iCalendar files', () => {
  it('escape backslashes, semicolons, commas and line breaks in text', () => {
    expect(escapeText('a\\b; c, d\ne\r\nf')).toBe('a\\\\b\\; c\\, d\\ne\\nf');
    expect(escapeText('bell\u0007')).toBe('bell');
  });

  it('fold lines longer than 75 octets without splitting a character, continuation lines starting with a space', () => {
    const long = `SUMMARY:${'Ünïcödé interview at Northfield General Hospital 👩‍⚕️ '.repeat(4)}`;
    const folded = foldLine(long);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    for (const line of lines.slice(1)) expect(line.startsWith(' ')).toBe(true);
    // Unfolding (RFC 5545 §3.1) gives the line back exactly.
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });

  it('writes a valid calendar: CRLF only, every line ≤ 75 octets, required properties, three kinds of time', () => {
    const text = calendarFile(
      [
        { uid: 'a@rapport', start: { date: '2026-11-02', time: '09:30' }, durationMinutes: 240, summary: 'Interview: Northfield, IM', location: 'Northfield, MA', url: 'https://example.org/im' },
        { uid: 'b@rapport', start: { date: '2026-12-31' }, summary: 'Interview day' },
        { uid: 'c@rapport', start: { at: Date.UTC(2026, 10, 3, 23, 30) }, summary: 'Meeting with Ana', description: 'Line 1\nLine 2' },
      ],
      NOW,
    );
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(lines.slice(0, 3)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Rapport//Rapport//EN']);
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(3);
    expect(lines.filter((l) => l === 'DTSTAMP:20261001T120000Z')).toHaveLength(3);
    // Floating local time (no Z, no TZID): 09:30 wherever the user's calendar is.
    expect(lines).toContain('DTSTART:20261102T093000');
    expect(lines).toContain('DTEND:20261102T133000');
    expect(lines).toContain('SUMMARY:Interview: Northfield\\, IM');
    // All day: DTEND is the next day, across a year's end.
    expect(lines).toContain('DTSTART;VALUE=DATE:20261231');
    expect(lines).toContain('DTEND;VALUE=DATE:20270101');
    // A logged moment, in UTC.
    expect(lines).toContain('DTSTART:20261103T233000Z');
    expect(lines).toContain('DTEND:20261104T003000Z');
    expect(lines).toContain('DESCRIPTION:Line 1\\nLine 2');
    expect(lines).toContain('URL:https://example.org/im');
  });

  it('never writes a link that is not http(s), and names files safely', () => {
    const text = calendarFile([{ uid: 'x', start: { date: '2026-01-01' }, summary: 's', url: 'javascript:alert(1)' }], NOW);
    expect(text).not.toContain('URL:');
    expect(calendarFileName('Interview: Hôpital Saint-Louis / IM')).toBe('Interview-Hopital-Saint-Louis-IM.ics');
    expect(calendarFileName('???')).toBe('event.ics');
  });
});
