/**
 * Letters as a CSV, the spreadsheet applicants keep today: one row per
 * letter with its writer, status, kind, what it is for, the ERAS fields and
 * the date of each step. Same encoding and formula guard as the contacts CSV.
 */
import type { Contact, Letter } from '../model/schemas';
import { toCsv } from './csv-export';
import { localDay } from './dates';

const when = (epoch: number | undefined) => (epoch === undefined ? '' : localDay(epoch));

export function lettersToCsv(letters: readonly Letter[], writers: ReadonlyMap<string, Contact>): string {
  const columns: { header: string; cell: (l: Letter) => string }[] = [
    { header: 'Writer', cell: (l) => writers.get(l.writerId)?.fullName ?? '' },
    { header: 'Writer email', cell: (l) => writers.get(l.writerId)?.email ?? '' },
    { header: 'Status', cell: (l) => l.status },
    { header: 'Kind', cell: (l) => l.kind },
    { header: 'For', cell: (l) => l.meantFor.join('; ') },
    { header: 'Deadline', cell: (l) => l.deadline ?? '' },
    { header: 'ERAS Letter ID', cell: (l) => l.erasLetterId ?? '' },
    { header: 'Waiver (ERAS)', cell: (l) => l.waiver ?? '' },
    { header: 'Asked', cell: (l) => when(l.askedAt) },
    { header: 'Agreed', cell: (l) => when(l.agreedAt) },
    { header: 'Submitted', cell: (l) => when(l.submittedAt) },
    { header: 'Thanked', cell: (l) => when(l.thankedAt) },
    { header: 'Notes', cell: (l) => l.notes },
    { header: 'Writer Rapport ID', cell: (l) => l.writerId },
    { header: 'Rapport ID', cell: (l) => l.id },
  ];
  const ordered = [...letters].sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || a.createdAt - b.createdAt);
  return toCsv(columns, ordered);
}

export function lettersCsvFileName(now = Date.now()): string {
  return `rapport-letters-${localDay(now)}.csv`;
}
