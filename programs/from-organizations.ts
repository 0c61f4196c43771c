/**
 * The schema upgrade's rule (storage/db.ts version 4): every organization name
 * the user's contacts carry becomes one program, spellings that certainly name
 * the same place become one program with the other spellings kept as aliases,
 * and each contact is linked to its program. Pure, so that it is tested apart
 * from the upgrade.
 */
import { newId } from '../model/ids';
import { Program, type ProgramLink } from '../model/schemas';
import { nameKey, programKeys } from './names';

/** A program as the database stores it: with the keys its names are matched by (storage/db.ts's ProgramRow). */
type ProgramRow = Program & { matchKeys: string[] };

export function programsFromOrganizations(
  contacts: readonly { id: string; organization: string }[],
  now: number,
  makeId: () => string = newId,
): { programs: ProgramRow[]; links: ProgramLink[] } {
  const groups = new Map<string, { spellings: Map<string, number>; ids: string[] }>();
  for (const { id, organization } of contacts) {
    const key = nameKey(organization);
    if (key === '') continue;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { spellings: new Map(), ids: [] }));
    group.spellings.set(organization, (group.spellings.get(organization) ?? 0) + 1);
    group.ids.push(id);
  }
  const programs: ProgramRow[] = [];
  const links: ProgramLink[] = [];
  for (const { spellings, ids } of groups.values()) {
    // The spelling most contacts use names the program; the others are its other names.
    const [name, ...aliases] = [...spellings.entries()].sort((a, b) => b[1] - a[1]).map(([spelling]) => spelling);
    const program = Program.parse({ id: makeId(), name, aliases, createdAt: now, updatedAt: now });
    programs.push({ ...program, matchKeys: programKeys(program) });
    for (const contactId of ids) links.push({ contactId, programId: program.id, by: 'name', at: now });
  }
  return { programs, links };
}
