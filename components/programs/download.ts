/** Hands a file made in the page to the browser as a download, from a click (no permission needed). */
import { calendarFile, calendarFileName, type CalendarEvent } from '../../programs/ics';

export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; the page's URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadCalendar(event: CalendarEvent, now = Date.now()): void {
  downloadBlob(new Blob([calendarFile([event], now)], { type: 'text/calendar;charset=utf-8' }), calendarFileName(event.summary));
}
