/**
 * The programs repository: every read and write of programs and of the links
 * between programs and contacts goes through here, validated by the zod
 * schemas. A program's name keys (its index) are kept on every write and left
 * out of every record handed back.
 */
import { mergePrograms } from '../programs/merge';
import { matchProgram, nameKey, programKeys } from '../programs/names';
import { stageAfterEdit } from '../programs/stages';
import { db, type ProgramRow } from './db';
import { newId } from '../model/ids';
import { lettersPerProgram, sameSummary, type ProgramsIndex } from '../programs/overview';
import { summarize } from './program-summaries';
import { planProgramImport, type ParsedPrograms, type ProgramImportPlan } from '../portability/program-csv';
import { toLink } from './link-facts';
import { linkProgramByName, linkProgramsByName } from './program-links';
import { Program, ProgramLink, STATUSES, type Contact, type Interaction, type ProgramInput, type ProgramUnlink } from '../model/schemas';
import { UserError, userText } from '../model/user-text';

const TABLES = [db.contacts, db.programs, db.programLinks, db.programUnlinks, db.programSummaries] as const;

export function toRow(program: Program): ProgramRow {
  return { ...program, matchKeys: programKeys(program) };
}

export function fromRow(row: ProgramRow): Program {
  const { matchKeys: _keys, ...program } = row;
  return program;
}

export async function listPrograms(): Promise<Program[]> {
  return (await db.programs.toArray()).map(fromRow);
}

export async function getProgram(id: string): Promise<Program | undefined> {
  const row = await db.programs.get(id);
  return row && fromRow(row);
}

export type NewProgram = Omit<ProgramInput, 'id' | 'createdAt' | 'updatedAt'>;

/** Creates a program and links everyone whose organization certainly is one of its names. */
export async function addProgram(input: NewProgram, now = Date.now()): Promise<Program> {
  const program = Program.parse({ ...input, id: newId(), createdAt: now, updatedAt: now });
  await db.transaction('rw', TABLES, async () => {
    const row = toRow(program);
    await db.programs.add(row);
    await linkProgramByName(row, now);
  });
  return program;
}

export type ProgramPatch = Partial<Omit<Program, 'id' | 'createdAt' | 'updatedAt'>>;

/** Applies an edit with the stage rules (programs/stages.ts); new names link the people they name. */
export async function updateProgram(id: string, patch: ProgramPatch, now = Date.now()): Promise<Program> {
  return db.transaction('rw', TABLES, async () => {
    const row = await db.programs.get(id);
    if (!row) throw new UserError(userText('errors.programGone'));
    const existing = fromRow(row);
    const program = Program.parse({ ...existing, ...patch, stage: stageAfterEdit(existing, patch), updatedAt: now });
    const next = toRow(program);
    await db.programs.put(next);
    if (next.matchKeys.join('\n') !== row.matchKeys.join('\n')) await linkProgramByName(next, now);
    return program;
  });
}

/** What a delete or a merge replaced, to put back on undo. */
export interface ProgramsSnapshot {
  programs: Program[];
  links: ProgramLink[];
  unlinks: ProgramUnlink[];
  /** Programs the change created (a merge's result keeps the first id, so usually none). */
  created: string[];
}

async function snapshot(ids: readonly string[]): Promise<ProgramsSnapshot> {
  const rows = (await db.programs.bulkGet([...ids])).filter((row): row is ProgramRow => row !== undefined);
  const [links, unlinks] = await Promise.all([
    db.programLinks.where('programId').anyOf([...ids]).toArray(),
    db.programUnlinks.where('programId').anyOf([...ids]).toArray(),
  ]);
  return { programs: rows.map(fromRow), links: links.map(toLink), unlinks, created: [] };
}

/** Puts programs and their links back as a snapshot had them. */
export async function restoreSnapshot(saved: ProgramsSnapshot): Promise<void> {
  await db.transaction('rw', TABLES, async () => {
    const ids = saved.programs.map((p) => p.id);
    await db.programs.bulkDelete(saved.created);
    await db.programLinks.where('programId').anyOf([...ids, ...saved.created]).delete();
    await db.programUnlinks.where('programId').anyOf([...ids, ...saved.created]).delete();
    await db.programs.bulkPut(saved.programs.map((p) => toRow(Program.parse(p))));
    // Only links of contacts that still exist come back.
    const alive = await db.contacts.bulkGet([...new Set(saved.links.map((l) => l.contactId))]);
    const present = new Set(alive.filter((c): c is Contact => c !== undefined).map((c) => c.id));
    await db.programLinks.bulkPut(saved.links.filter((l) => present.has(l.contactId)));
    await db.programUnlinks.bulkPut(saved.unlinks);
  });
}

/**
 * Merges programs into the first of `ids`: the others' names become its other
 * names, their people are linked to it, and the others are removed. Returns
 * what it replaced, for undo (restoreSnapshot).
 */
export async function mergeProgramsInto(ids: readonly string[], now = Date.now()): Promise<ProgramsSnapshot> {
  if (new Set(ids).size < 2) throw new UserError(userText('errors.mergeTwoPrograms'));
  return db.transaction('rw', TABLES, async () => {
    const before = await snapshot(ids);
    if (before.programs.length !== ids.length) throw new UserError(userText('errors.programsGone'));
    const byId = new Map(before.programs.map((p) => [p.id, p]));
    const [into, ...others] = ids.map((id) => byId.get(id)!);
    const merged = toRow(Program.parse(mergePrograms(into!, others, now)));
    const otherIds = others.map((p) => p.id);
    await db.programs.bulkDelete(otherIds);
    await db.programLinks.where('programId').anyOf(otherIds).delete();
    await db.programUnlinks.where('programId').anyOf(otherIds).delete();
    await db.programs.put(merged);
    const linked = new Set(before.links.filter((l) => l.programId === into!.id).map((l) => l.contactId));
    const moved = before.links.filter((l) => l.programId !== into!.id && !linked.has(l.contactId) && (linked.add(l.contactId), true));
    await db.programLinks.bulkPut(moved.map((l) => ({ ...l, programId: into!.id })));
    await linkProgramByName(merged, now);
    return before;
  });
}

/** Deletes programs (never their people); undo with restoreSnapshot. */
export async function deletePrograms(ids: readonly string[]): Promise<ProgramsSnapshot> {
  return db.transaction('rw', TABLES, async () => {
    const before = await snapshot(ids);
    await db.programs.bulkDelete([...ids]);
    await db.programLinks.where('programId').anyOf([...ids]).delete();
    await db.programUnlinks.where('programId').anyOf([...ids]).delete();
    return before;
  });
}

/** The user links a contact to a program by hand (a refusal before is forgotten). */
export async function linkContact(contactId: string, programId: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', TABLES, async () => {
    const [contact, program] = await Promise.all([db.contacts.get(contactId), db.programs.get(programId)]);
    if (!contact || !program) throw new UserError(userText('errors.contactOrProgramGone'));
    await db.programUnlinks.delete([contactId, programId]);
    await db.programLinks.put(ProgramLink.parse({ contactId, programId, by: 'user', at: now }));
  });
}

/** The user says a contact is not at a program: unlinked, and name matching never links them again. */
export async function unlinkContact(contactId: string, programId: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', TABLES, async () => {
    await db.programLinks.delete([contactId, programId]);
    await db.programUnlinks.put({ contactId, programId, at: now });
  });
}

/** Makes a name another name of a program: its people link there from now on. */
export async function addAlias(programId: string, alias: string, now = Date.now()): Promise<Program> {
  const program = await getProgram(programId);
  if (!program) throw new UserError(userText('errors.programGone'));
  if ([program.name, ...program.aliases].some((n) => nameKey(n) === nameKey(alias))) return program;
  return updateProgram(programId, { aliases: [...program.aliases, alias] }, now);
}

export async function contactIdsOfProgram(programId: string): Promise<string[]> {
  return (await db.programLinks.where('programId').equals(programId).toArray()).map((l) => l.contactId);
}

export async function programsOfContact(contactId: string): Promise<Program[]> {
  const links = await db.programLinks.where('contactId').equals(contactId).toArray();
  const rows = await db.programs.bulkGet(links.map((l) => l.programId));
  return rows.filter((r): r is ProgramRow => r !== undefined).map(fromRow);
}

/**
 * Reads the programs, one summary of each one's people (./program-summaries)
 * and the letters (a handful), never the links: O(programs), however many
 * people are linked.
 */
export async function programsIndex(): Promise<ProgramsIndex> {
  return db.transaction('r', [db.programs, db.programSummaries, db.letters], async () => {
    const [rows, summaries, letters] = await Promise.all([db.programs.toArray(), db.programSummaries.toArray(), db.letters.toArray()]);
    const programs = rows.map(fromRow);
    return {
      programs,
      summaries: new Map(summaries.map(({ programId, ...summary }) => [programId, summary])),
      letters: lettersPerProgram(letters, programs),
    };
  });
}

/**
 * Checks every program's summary against its links and rewrites those found
 * wrong (and drops those of programs that are gone); returns how many it
 * fixed. Every write keeps the summaries, so this finds nothing unless a
 * write went around the database's middlewares or a bug slipped in: the
 * Programs view runs it once it is on screen, off its critical path.
 */
export async function repairProgramSummaries(): Promise<number> {
  return db.transaction('rw', [db.programs, db.programLinks, db.programSummaries, db.contacts], async () => {
    const [programIds, links, stored] = await Promise.all([
      db.programs.toCollection().primaryKeys(),
      db.programLinks.toArray(),
      db.programSummaries.toArray(),
    ]);
    const alive = new Set(programIds);
    const { put } = summarize([...new Set(links.map((l) => l.programId))].filter((id) => alive.has(id)), links);
    const want = new Map(put.map((row) => [row.programId, row]));
    const have = new Map(stored.map((row) => [row.programId, row]));
    const wrong = put.filter((row) => !sameSummary(row, have.get(row.programId)));
    const gone = stored.filter((row) => !want.has(row.programId)).map((row) => row.programId);
    if (wrong.length > 0) await db.programSummaries.bulkPut(wrong);
    if (gone.length > 0) await db.programSummaries.bulkDelete(gone);
    return wrong.length + gone.length;
  });
}

/**
 * Organization names that no linked contact accounts for, with their people:
 * offered as new programs or other names. Read apart from programsIndex (it
 * walks the organization index), below the programs on screen.
 */
export async function unlinkedOrganizations(): Promise<{ organization: string; ids: string[] }[]> {
  return db.transaction('r', TABLES, async () => {
    const [pairs, organizations] = await Promise.all([
      db.programLinks.toCollection().primaryKeys(),
      db.contacts.orderBy('organization').uniqueKeys(),
    ]);
    const linked = new Set((pairs as unknown as [string, string][]).map(([contactId]) => contactId));
    // The distinct organizations, then each one's people: reading every contact's organization key one by one
    // is by far the slowest read here when thousands of contacts share a few organizations.
    const perOrganization = await Promise.all(
      (organizations as string[]).map((organization) => db.contacts.where('organization').equals(organization).primaryKeys()),
    );
    const unlinked = new Map<string, { organization: string; ids: string[] }>();
    (organizations as string[]).forEach((organization, i) => {
      const key = nameKey(organization);
      const ids = (perOrganization[i] as string[]).filter((id) => !linked.has(id));
      if (!key || ids.length === 0) return;
      const group = unlinked.get(key);
      if (group) group.ids.push(...ids);
      else unlinked.set(key, { organization, ids });
    });
    return [...unlinked.values()];
  });
}

/**
 * Contacts who may be at this program but are not linked: their organization
 * is a possible (not certain) match for one of its names, and the user has not
 * said no. Offered to confirm, never linked silently.
 */
export async function suggestedContacts(programId: string): Promise<Contact[]> {
  return db.transaction('r', TABLES, async () => {
    const row = await db.programs.get(programId);
    if (!row) return [];
    const organizations = (await db.contacts.orderBy('organization').uniqueKeys()) as string[];
    const possible = organizations.filter((organization) => matchProgram(organization, row) !== 'none');
    if (possible.length === 0) return [];
    const [candidates, linked, refused] = await Promise.all([
      db.contacts.where('organization').anyOf(possible).toArray(),
      db.programLinks.where('programId').equals(programId).toArray(),
      db.programUnlinks.where('programId').equals(programId).toArray(),
    ]);
    const skip = new Set([...linked, ...refused].map((l) => l.contactId));
    return candidates.filter((c) => !skip.has(c.id));
  });
}

/** Every link and refusal, for backups. */
export async function allLinks(): Promise<{ links: ProgramLink[]; unlinks: ProgramUnlink[] }> {
  const [links, unlinks] = await Promise.all([db.programLinks.toArray(), db.programUnlinks.toArray()]);
  return { links: links.map(toLink), unlinks };
}


/** The combined timeline of a program's people, newest first, at most `limit` entries. */
export async function programTimeline(contactIds: readonly string[], limit = 200): Promise<Interaction[]> {
  if (contactIds.length === 0) return [];
  const rows = await db.interactions.where('contactId').anyOf([...contactIds]).toArray();
  return rows.sort((a, b) => b.at - a.at).slice(0, limit);
}

/**
 * Writes a program spreadsheet's rows in ONE transaction, planned again
 * against the programs as they are at that moment (portability/program-csv.ts):
 * any error leaves every program as it was. New and renamed programs link the
 * people their names name.
 */
export async function applyProgramImport(parsed: ParsedPrograms, now = Date.now()): Promise<ProgramImportPlan> {
  if (parsed.issues.length > 0) throw new UserError(userText('errors.fixRowsFirst'));
  return db.transaction('rw', TABLES, async () => {
    const plan = planProgramImport(parsed, await listPrograms(), now, newId);
    const rows = [...plan.add, ...plan.update.map((u) => u.after)].map(toRow);
    await db.programs.bulkPut(rows);
    await linkProgramsByName(rows, now);
    return plan;
  });
}

/** The dry run of a program spreadsheet against the saved programs; writes nothing. */
export async function previewProgramImport(parsed: ParsedPrograms, now = Date.now()): Promise<ProgramImportPlan> {
  return planProgramImport(parsed, await listPrograms(), now, newId);
}
