/**
 * Keeping contacts linked to programs by name. Every path that writes a
 * contact (save, add, edit, import, restore, undo of a delete) calls
 * linkContactsByName inside its own transaction, which must include
 * PROGRAM_TABLES: a contact whose organization certainly matches a program's
 * name or other name is linked, a link made by name that no longer matches
 * is dropped, and links the user made or refused are left as they are.
 */
import Dexie, { type Table } from 'dexie';
import { nameKey, programKeys } from '../programs/names';
import { db, type ProgramRow } from './db';
import type { Contact, ProgramLink } from '../model/schemas';
import { toLink } from './link-facts';

/** The tables a contact write must also hold, so that its links commit (or roll back) with it. */
export const PROGRAM_TABLES = [db.programs, db.programLinks, db.programUnlinks, db.programSummaries] as const;

/** Up to this many keys, one equality read per key beats Dexie's anyOf, which walks a cursor (12 ms for one key here). */
const EQUALS_UP_TO = 64;

/** The rows whose `index` holds any of `keys`, each once. */
async function rowsWithAny<T>(table: Pick<Table<T, unknown, unknown>, 'where'>, index: string, keys: readonly string[], keyOf: (row: T) => string | undefined): Promise<T[]> {
  if (keys.length === 0) return [];
  if (keys.length > EQUALS_UP_TO) return table.where(index).anyOf([...keys]).toArray();
  const found = await Promise.all(keys.map((key) => table.where(index).equals(key).toArray()));
  const seen = new Map<string, T>();
  for (const row of found.flat()) seen.set(String(keyOf(row)), row);
  return [...seen.values()];
}

const linkKey = (link: { contactId: string; programId: string }) => `${link.contactId}\n${link.programId}`;

const pair = (link: { contactId: string; programId: string }): [string, string] => [link.contactId, link.programId];

/** Program ids by the name keys that match them (`matchKeys`). */
export type ProgramsByKey = ReadonlyMap<string, readonly string[]>;

/**
 * Every program's name keys, for a write of many chunks in one transaction
 * that changes no program (an import): read once instead of once per chunk.
 */
export async function readProgramsByKey(): Promise<ProgramsByKey> {
  const byKey = new Map<string, string[]>();
  for (const program of await db.programs.toArray()) {
    for (const key of program.matchKeys) byKey.set(key, [...(byKey.get(key) ?? []), program.id]);
  }
  return byKey;
}

/**
 * Links the contacts to the programs their organization names; one round of reads for any number of contacts.
 * `programs`, when given, is what readProgramsByKey read in this same transaction.
 */
export async function linkContactsByName(contacts: readonly Pick<Contact, 'id' | 'organization'>[], now = Date.now(), programs?: ProgramsByKey): Promise<void> {
  if (contacts.length === 0) return;
  const keys = new Set<string>();
  for (const contact of contacts) {
    const key = contact.organization ? nameKey(contact.organization) : '';
    if (key) keys.add(key);
  }
  const [found, existing] = await Promise.all([
    programs ? undefined : rowsWithAny<ProgramRow>(db.programs, 'matchKeys', [...keys], (program) => program.id),
    rowsWithAny<ProgramLink>(db.programLinks, 'contactId', [...new Set(contacts.map((c) => c.id))], linkKey),
  ]);
  let programsByKey: ProgramsByKey | undefined = programs;
  if (found) {
    const byKey = new Map<string, string[]>();
    for (const program of found) {
      for (const key of program.matchKeys) if (keys.has(key)) byKey.set(key, [...(byKey.get(key) ?? []), program.id]);
    }
    programsByKey = byKey;
  }
  const linked = new Map<string, ProgramLink>();
  const linksOf = new Map<string, ProgramLink[]>();
  for (const link of existing) {
    linked.set(linkKey(link), link);
    linksOf.set(link.contactId, [...(linksOf.get(link.contactId) ?? []), link]);
  }

  const stale: [string, string][] = [];
  const wanted: ProgramLink[] = [];
  for (const contact of contacts) {
    const matches = new Set(contact.organization ? (programsByKey?.get(nameKey(contact.organization)) ?? []) : []);
    for (const link of linksOf.get(contact.id) ?? []) {
      if (link.by === 'name' && !matches.has(link.programId)) stale.push(pair(link));
    }
    for (const programId of matches) {
      if (!linked.has(linkKey({ contactId: contact.id, programId }))) wanted.push({ contactId: contact.id, programId, by: 'name', at: now });
    }
  }
  if (stale.length > 0) await db.programLinks.bulkDelete(stale);
  if (wanted.length === 0) return;
  // The user's "not here" wins over a name match.
  const refused = await db.programUnlinks.bulkGet(wanted.map(pair));
  const links = wanted.filter((_, i) => refused[i] === undefined);
  if (links.length > 0) await db.programLinks.bulkPut(links);
}

/**
 * After a program's names change: links every contact whose organization now
 * matches, and drops links made by a name it no longer has. Reads the
 * organization index's distinct values, not the contacts.
 */
export async function linkProgramByName(program: ProgramRow, now = Date.now()): Promise<void> {
  await linkProgramsByName([program], now);
}

/** linkProgramByName for many programs, reading the distinct organizations once. */
export async function linkProgramsByName(programs: readonly ProgramRow[], now = Date.now()): Promise<void> {
  if (programs.length === 0) return;
  const organizations = (await db.contacts.orderBy('organization').uniqueKeys()) as string[];
  const keyed = organizations.map((organization) => ({ organization, key: nameKey(organization) }));
  for (const program of programs) await relink(program, keyed.filter(({ key }) => program.matchKeys.includes(key)).map((o) => o.organization), now);
}

async function relink(program: ProgramRow, matching: readonly string[], now: number): Promise<void> {
  const ids = new Set(matching.length > 0 ? ((await db.contacts.where('organization').anyOf(matching).primaryKeys()) as string[]) : []);
  const existing = await db.programLinks.where('programId').equals(program.id).toArray();
  const stale = existing.filter((link) => link.by === 'name' && !ids.has(link.contactId));
  if (stale.length > 0) await db.programLinks.bulkDelete(stale.map(pair));
  for (const link of existing) ids.delete(link.contactId);
  if (ids.size === 0) return;
  const refused = new Set(
    (await db.programUnlinks.where('programId').equals(program.id).toArray()).map((unlink) => unlink.contactId),
  );
  await db.programLinks.bulkPut(
    [...ids].filter((id) => !refused.has(id)).map((contactId): ProgramLink => ({ contactId, programId: program.id, by: 'name', at: now })),
  );
}

/** The links of these contacts (kept with them in the trash). */
export async function linksOfContacts(ids: readonly string[]): Promise<ProgramLink[]> {
  return (await rowsWithAny<ProgramLink>(db.programLinks, 'contactId', [...new Set(ids)], linkKey)).map(toLink);
}

/** Drops every link and refusal of these contacts (they were deleted). */
export async function dropLinksOfContacts(ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.programLinks.where('contactId').anyOf([...ids]).delete();
  for (const id of ids) await db.programUnlinks.where('[contactId+programId]').between([id, Dexie.minKey], [id, Dexie.maxKey]).delete();
}

/** Puts back links kept in the trash, for programs that still exist. */
export async function putBackLinks(links: readonly ProgramLink[]): Promise<void> {
  if (links.length === 0) return;
  const programs = await db.programs.bulkGet([...new Set(links.map((l) => l.programId))]);
  const alive = new Set(programs.filter((p) => p !== undefined).map((p) => p!.id));
  await db.programLinks.bulkPut(links.filter((link) => alive.has(link.programId)));
}
