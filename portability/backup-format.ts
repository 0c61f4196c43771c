/**
 * Rapport's backup file: one JSON document with every table. Validated record
 * by record on the way in, so that a bad file is refused with the section,
 * position and field of each fault, and nothing is written.
 *
 * {
 *   "format": "rapport-backup",
 *   "version": 2,
 *   "exportedAt": "2025-09-30T12:00:00.000Z",
 *   "app": { "name": "Rapport", "version": "0.1.0" },
 *   "contacts": [Contact…], "interactions": [Interaction…], "templates": [Template…],
 *   "settings": Settings, "trash": [{ "id", "deletedAt", "contact", "interactions", "letters"?, "links"? }…],
 *   "letters": [Letter…],
 *   "programs": [Program & { "people": [{ "contactId", "by", "at" }…], "notHere": [{ "contactId", "at" }…] }…]
 * }
 *
 * Version 2 added the optional `letters` and `programs` lists (absent means
 * none); a version 2 file may hold either or both, and other optional lists
 * may join version 2 the same way. Version 1 files are still read: they
 * simply have no letters and no programs.
 */
import { z } from 'zod';
import { Contact, Interaction, Letter, Program, ProgramLink, ProgramUnlink, Settings, Template, epochMs, type TrashEntry } from '../model/schemas';
import { stripBom } from './csv-read';
import { localDay } from './dates';
import { ImportFailure, failureFor, issuesFromZod, type ImportIssue } from './issues';
import { MAX_LISTED_ISSUES } from './limits';
import { createSlicer, type Progress } from './slices';
import { userText } from '../model/user-text';

export const BACKUP_FORMAT = 'rapport-backup';
/** Bump when the file's shape changes, and teach parseBackup to read the older versions. */
export const BACKUP_VERSION = 2;

export const TrashRecord = z
  .object({
    id: z.string().min(1).max(64),
    deletedAt: epochMs,
    contact: Contact,
    interactions: z.array(Interaction).max(100_000),
    letters: z.array(Letter).max(1_000).optional(),
    links: z.array(ProgramLink).max(1_000).optional(),
  })
  .refine((entry) => entry.contact.id === entry.id, { message: 'portability.backup.trashIdMismatch', path: ['id'] })
  .refine((entry) => entry.interactions.every((i) => i.contactId === entry.id), {
    message: 'portability.backup.interactionElsewhere',
    path: ['interactions'],
  })
  .refine((entry) => (entry.letters ?? []).every((l) => l.writerId === entry.id), {
    message: 'portability.backup.letterElsewhere',
    path: ['letters'],
  })
  .refine((entry) => (entry.links ?? []).every((l) => l.contactId === entry.id), { message: 'portability.backup.linkElsewhere', path: ['links'] });

/** A program with the people linked to it and those the user said are not there. */
export const BackupProgram = Program.extend({
  people: z.array(ProgramLink.omit({ programId: true })).max(100_000).default([]),
  notHere: z.array(ProgramUnlink.omit({ programId: true })).max(100_000).default([]),
});
export type BackupProgram = z.infer<typeof BackupProgram>;

// The trash record must stay assignable to the table's row type.
const _trashFits: (r: z.infer<typeof TrashRecord>) => TrashEntry = (r) => r;
void _trashFits;

/** The sections of a backup, each a list of records validated by its schema. */
const SECTIONS = {
  contacts: Contact,
  interactions: Interaction,
  templates: Template,
  trash: TrashRecord,
  letters: Letter,
  programs: BackupProgram,
} as const;
type SectionName = keyof typeof SECTIONS;

/** Sections a backup may leave out (added in a later version, or simply empty): absent means none. */
const OPTIONAL_SECTIONS: ReadonlySet<SectionName> = new Set(['letters', 'programs']);

export const Backup = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().min(1).max(BACKUP_VERSION),
  exportedAt: z.iso.datetime(),
  app: z.object({ name: z.string().max(60), version: z.string().max(40) }).optional(),
  contacts: z.array(Contact),
  interactions: z.array(Interaction),
  templates: z.array(Template),
  settings: Settings,
  trash: z.array(TrashRecord),
  letters: z.array(Letter).default([]),
  programs: z.array(BackupProgram).default([]),
});
export type Backup = z.infer<typeof Backup>;

export function serializeBackup(backup: Backup): string {
  // Compact: a backup must fit the import's size limit even with years of notes.
  return JSON.stringify(backup);
}

/** The first bytes of every backup Rapport writes; used to allow a larger file than unknown JSON. */
export const BACKUP_SIGNATURE = /^\s*\{\s*"format"\s*:\s*"rapport-backup"/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a backup file's text. Throws an ImportFailure with a message for
 * people (and a line per bad record) when the file is not a backup this
 * version can restore.
 */
export function parseBackup(text: string): Backup {
  const steps = checkBackup(text);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * parseBackup in slices, for the import worker: the JSON is parsed at once,
 * then its records are checked a slice at a time, with `onProgress` told how
 * many of them are checked (RELIABILITY L3).
 */
export async function parseBackupAsync(text: string, onProgress?: Progress): Promise<Backup> {
  const slice = createSlicer(onProgress);
  const steps = checkBackup(text);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) {
      return step.value;
    }
    await slice(step.value.done, step.value.total);
  }
}

/** Checks a backup, yielding after each record how many of all of them are checked. */
function* checkBackup(text: string): Generator<{ done: number; total: number }, Backup, void> {
  const body = stripBom(text);
  if (body.trim() === '') throw new ImportFailure(userText('portability.fileEmpty'));
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new ImportFailure(userText('portability.backup.notJson', { detail: (error as Error).message }));
  }
  if (!isRecord(json) || json.format !== BACKUP_FORMAT) {
    throw new ImportFailure(userText('portability.backup.notBackup'));
  }
  const version = json.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ImportFailure(userText('portability.backup.noVersion'));
  }
  if (version > BACKUP_VERSION) {
    throw new ImportFailure(userText('portability.backup.newer', { version, reads: BACKUP_VERSION }));
  }

  const issues: ImportIssue[] = [];
  const envelope = z
    .object({ exportedAt: z.iso.datetime(), app: Backup.shape.app })
    .safeParse({ exportedAt: json.exportedAt, app: json.app });
  if (!envelope.success) issues.push(...issuesFromZod(envelope.error, 1, undefined, 'file'));

  const names = Object.keys(SECTIONS) as SectionName[];
  const total = names.reduce((sum, name) => {
    const raw = (json as Record<string, unknown>)[name];
    return sum + (Array.isArray(raw) ? raw.length : 0);
  }, 0);
  let done = 0;
  const sections = {} as { [K in SectionName]: z.infer<(typeof SECTIONS)[K]>[] };
  for (const name of names) {
    const raw = json[name] === undefined && OPTIONAL_SECTIONS.has(name) ? [] : json[name];
    if (!Array.isArray(raw)) {
      issues.push({ row: 1, field: name, text: userText('portability.backup.notList', { section: name }), section: 'file' });
      continue;
    }
    const schema: z.ZodType = SECTIONS[name];
    const records: unknown[] = [];
    const seen = new Map<string, number>();
    for (let index = 0; index < raw.length; index++) {
      done++;
      if (issues.length >= MAX_LISTED_ISSUES) continue;
      const parsed = schema.safeParse(raw[index]);
      if (!parsed.success) {
        issues.push(...issuesFromZod(parsed.error, index + 1, undefined, name));
      } else {
        const id = (parsed.data as { id: string }).id;
        const first = seen.get(id);
        if (first !== undefined) {
          issues.push({ row: index + 1, field: 'id', text: userText('portability.backup.sameId', { section: name, row: first }), section: name });
        } else {
          seen.set(id, index + 1);
          records.push(parsed.data);
        }
      }
      yield { done, total };
    }
    (sections as Record<string, unknown[]>)[name] = records;
  }
  const settings = Settings.safeParse(json.settings);
  if (!settings.success) issues.push(...issuesFromZod(settings.error, 1, undefined, 'settings'));

  if (issues.length > 0 || !envelope.success || !settings.success) throw failureFor(issues);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: envelope.data.exportedAt,
    ...(envelope.data.app ? { app: envelope.data.app } : {}),
    ...sections,
    settings: settings.data,
  };
}

/** The file a backup is saved as: the day it was made, in the user's time zone. */
export function backupFileName(now = Date.now()): string {
  return `rapport-backup-${localDay(now)}.json`;
}
