/**
 * The first screen of the contacts list as a small snapshot that a page can read synchronously (localStorage), so
 * that the side panel paints names before React, Dexie and zod have loaded (components/first-paint/). Pure rules:
 * what a row shows, what the snapshot holds (only what the first screen shows: no notes, no links, no emails), and
 * whether a stored snapshot may be painted.
 *
 * Read by hand rather than by a zod schema: zod is one of the packages the first paint must not wait for. The parser
 * accepts nothing it does not fully recognise; a snapshot it rejects is simply not painted.
 */
import type { Contact, Status } from '../model/schemas';

/** Contacts in the list's first page, read before the whole list (the snapshot keeps the first FIRST_SCREEN_ROWS). */
export const FIRST_PAGE_SIZE = 60;
/** Rows in the snapshot: a tall side panel's first screen, and no more. */
export const FIRST_SCREEN_ROWS = 20;
/** Raises when the shape changes: an older snapshot is then not painted, never misread. */
export const FIRST_SCREEN_FORMAT = 2;
/** A stored thumbnail larger than this is left out (the row shows initials until the live view takes over). */
const MAX_THUMB = 8_000;
/** model/schemas.ts's STATUSES, repeated because that file brings zod (a unit test keeps the two equal). */
export const PAINT_STATUSES: readonly Status[] = ['not_contacted', 'awaiting_reply', 'replied', 'meeting', 'closed', 'no_response'];

/** What a contact row shows, and the snapshot keeps. */
export interface FirstScreenRow {
  id: string;
  name: string;
  role: string;
  status: Status;
  /** A stored thumbnail (data:image/…), never a link: the snapshot paint loads nothing from the network. */
  thumb?: string;
}

/**
 * The snapshot, stamped with the data versions it was read at (storage/first-screen.ts): `gen`, bumped in the
 * extension's pages before every write to the contacts, and `stamp`, bumped by contexts without localStorage
 * (the background). A snapshot is painted only while both are still the current ones.
 */
export interface FirstScreen {
  format: number;
  gen: number;
  stamp: string;
  rows: FirstScreenRow[];
  /** The pipeline strip's counts when the snapshot was read (the contacts' summary row), drawn in place of "Counting…". */
  pipeline?: PipelineCounts;
}

/** How many contacts there are, and at each stage: what the pipeline strip shows. */
export interface PipelineCounts {
  total: number;
  counts: Record<Status, number>;
}

/** The second line of a row: title and organization, else the headline. */
export function rowRole(contact: Pick<Contact, 'title' | 'organization' | 'headline'>): string {
  return [contact.title, contact.organization].filter(Boolean).join(' · ') || (contact.headline ?? '');
}

const isThumb = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= MAX_THUMB && /^data:image\/(?:png|jpeg|webp);base64,[A-Za-z0-9+/=]+$/.test(value);

export function firstScreenRow(contact: Contact): FirstScreenRow {
  const row: FirstScreenRow = { id: contact.id, name: contact.fullName, role: rowRole(contact), status: contact.status };
  // Only a thumbnail would show a photo at once; a photo link would be a request to LinkedIn on every open.
  if (isThumb(contact.photoThumb)) row.thumb = contact.photoThumb;
  return row;
}

export function firstScreenOf(contacts: readonly Contact[], versions: { gen: number; stamp: string }, pipeline?: PipelineCounts): FirstScreen {
  const screen: FirstScreen = { format: FIRST_SCREEN_FORMAT, gen: versions.gen, stamp: versions.stamp, rows: contacts.slice(0, FIRST_SCREEN_ROWS).map(firstScreenRow) };
  if (pipeline) screen.pipeline = { total: pipeline.total, counts: { ...pipeline.counts } };
  return screen;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function parsePipeline(value: unknown): PipelineCounts | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { total, counts } = value as Record<string, unknown>;
  if (!isCount(total) || typeof counts !== 'object' || counts === null) return undefined;
  const byStatus = counts as Record<string, unknown>;
  if (!PAINT_STATUSES.every((status) => isCount(byStatus[status]))) return undefined;
  return { total, counts: Object.fromEntries(PAINT_STATUSES.map((status) => [status, byStatus[status]])) as Record<Status, number> };
}

function parseRow(value: unknown): FirstScreenRow | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const row = value as Record<string, unknown>;
  const { id, name, role, status, thumb } = row;
  if (!isString(id) || !isString(name) || !isString(role)) return undefined;
  if (!PAINT_STATUSES.includes(status as Status)) return undefined;
  if (thumb !== undefined && !isThumb(thumb)) return undefined;
  return { id, name, role, status: status as Status, ...(thumb === undefined ? {} : { thumb }) };
}

/**
 * What every stored snapshot (this one, the popup's) starts with, from `raw`: its fields, when it is JSON of
 * `format` with both data versions; else undefined.
 */
export function parseStoredScreen(raw: string | null | undefined, format: number): (Record<string, unknown> & { format: number; gen: number; stamp: string }) | undefined {
  if (!raw) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const fields = value as Record<string, unknown>;
  if (fields.format !== format || typeof fields.gen !== 'number' || !isString(fields.stamp)) return undefined;
  return fields as Record<string, unknown> & { format: number; gen: number; stamp: string };
}

/** The snapshot stored as `raw`, or undefined when it is absent, of another format, or damaged in any way. */
export function parseFirstScreen(raw: string | null | undefined): FirstScreen | undefined {
  const stored = parseStoredScreen(raw, FIRST_SCREEN_FORMAT);
  if (!stored) return undefined;
  const { format, gen, stamp, rows, pipeline } = stored;
  if (!Array.isArray(rows)) return undefined;
  if (rows.length === 0 || rows.length > FIRST_SCREEN_ROWS) return undefined;
  const parsed = rows.map(parseRow);
  if (!parsed.every((row) => row !== undefined)) return undefined;
  const screen: FirstScreen = { format, gen, stamp, rows: parsed as FirstScreenRow[] };
  if (pipeline === undefined) return screen;
  const counts = parsePipeline(pipeline);
  return counts ? { ...screen, pipeline: counts } : undefined;
}

/** What a row of the contacts list reads of a contact: a saved record, or a snapshot's row before the records load. */
export type ListedContact = Pick<Contact, 'id' | 'fullName' | 'title' | 'organization' | 'headline' | 'status' | 'photoUrl' | 'photoThumb'>;

/** A snapshot's row as the list draws it: its role line stands where the headline would, and reads the same. */
export function listedOf(row: FirstScreenRow): ListedContact {
  return { id: row.id, fullName: row.name, headline: row.role, status: row.status, ...(row.thumb ? { photoThumb: row.thumb } : {}) };
}
