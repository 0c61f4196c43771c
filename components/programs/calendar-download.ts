/** Hands an .ics file to the browser as a download, from a click (no permission needed). */
import { calendarFile, calendarFileName, type CalendarEvent } from '../../programs/ics';

export function downloadCalendar(event: CalendarEvent, now = Date.now()): void {
  const blob = new Blob([calendarFile([event], now)], { type: 'text/calendar;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = calendarFileName(event.summary);
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; the page's URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
