/**
 * Restoring a backup, either replacing everything or merging into what is
 * there: the plan, a pure function of the backup and the data as it is (the
 * dry run). storage/restore.ts reads the data and writes the plan in one
 * transaction that re-plans against the data as it is at that moment.
 */
import { nameKey } from '../programs/names';
import {
  Contact,
  type Interaction,
  type Letter,
  type Program,
  type ProgramLink,
  type ProgramUnlink,
  type Settings,
  type Template,
  type TrashEntry,
} from '../model/schemas';
import type { Backup } from './backup-format';
import type { ImportIssue, SkippedRow } from './issues';
import { settleIdentities } from '../model/identities';
import { restoredSettings, type RestoreMode, type SettingKey } from './restore-settings';
import { userText } from '../model/user-text';

export type { RestoreMode };

export interface CurrentData {
  contacts: Contact[];
  interactions: Interaction[];
  templates: Template[];
  trash: TrashEntry[];
  /** The settings row as stored (undefined on a fresh install). */
  settings?: unknown;
  letters: Letter[];
  programs?: Program[];
}

export interface RestorePlan {
  mode: RestoreMode;
  contacts: { add: Contact[]; update: { before: Contact; after: Contact }[]; skip: SkippedRow[] };
  interactions: { add: Interaction[]; skip: number };
  templates: { add: Template[]; update: Template[]; skip: number };
  trash: { add: TrashEntry[]; skip: number };
  /** Letters by id; on a merge, the copy edited last wins. */
  letters: { add: Letter[]; skip: number };
  /** Programs to write, and the links to put, with their contact and program ids as stored after the restore. */
  programs: { add: Program[]; update: Program[]; skip: number; links: ProgramLink[]; unlinks: ProgramUnlink[] };
  /** The settings written (portability/restore-settings.ts): undefined when none change. */
  settings?: Settings;
  /** The settings whose value the restore changes, for the dry run. */
  settingsChanged: SettingKey[];
  /** What replacing erases. */
  removed: { contacts: number; interactions: number; templates: number; trash: number; letters: number; programs: number };
  errors: ImportIssue[];
}

function union(a: readonly string[], b: readonly string[], max: number): string[] {
  const out = [...a];
  for (const item of b) if (!out.includes(item) && out.length < max) out.push(item);
  return out;
}

/**
 * Merge rules: a contact is the same person when it has the same record id
 * or shares a profile identity; the copy edited last wins, and its links,
 * identities and tags are combined. Interactions, templates and trash entries
 * are matched by id; a template edited later in the backup replaces the
 * current one. Settings the user has set here are kept; those still at their default take the backup's.
 */
export function planRestore(backup: Backup, mode: RestoreMode, current: CurrentData): RestorePlan {
  const errors: ImportIssue[] = [];
  const restored = restoredSettings(backup.settings, current.settings, mode);
  if (mode === 'replace') {
    const ids = new Set(backup.contacts.map((c) => c.id));
    backup.interactions.forEach((interaction, index) => {
      if (!ids.has(interaction.contactId)) {
        errors.push({ row: index + 1, field: 'contactId', text: userText('portability.restore.noContact'), section: 'interactions' });
      }
    });
    return {
      mode,
      contacts: { add: settleIdentities(backup.contacts, new Map()), update: [], skip: [] },
      interactions: { add: backup.interactions, skip: 0 },
      templates: { add: backup.templates, update: [], skip: 0 },
      trash: { add: backup.trash, skip: 0 },
      letters: { add: backup.letters, skip: 0 },
      programs: planPrograms(backup, [], (id) => (ids.has(id) ? id : undefined)),
      settings: restored.settings,
      settingsChanged: restored.changed,
      removed: {
        contacts: current.contacts.length,
        interactions: current.interactions.length,
        templates: current.templates.length,
        trash: current.trash.length,
        letters: current.letters.length,
        programs: current.programs?.length ?? 0,
      },
      errors,
    };
  }

  const byId = new Map(current.contacts.map((c) => [c.id, c]));
  const byIdentity = new Map<string, Contact>();
  for (const contact of current.contacts) for (const identity of contact.identities) byIdentity.set(identity, contact);
  /** Backup contact id → the id it is stored under after the merge. */
  const resolved = new Map<string, string>();
  const contacts: RestorePlan['contacts'] = { add: [], update: [], skip: [] };
  const claimed = new Set<string>();

  backup.contacts.forEach((incoming, index) => {
    const match = byId.get(incoming.id) ?? incoming.identities.map((i) => byIdentity.get(i)).find(Boolean);
    if (!match) {
      contacts.add.push(incoming);
      resolved.set(incoming.id, incoming.id);
      return;
    }
    resolved.set(incoming.id, match.id);
    if (claimed.has(match.id) || incoming.updatedAt <= match.updatedAt) {
      contacts.skip.push({ row: index + 1, name: incoming.fullName, reason: userText('portability.restore.savedIsNewer') });
      return;
    }
    claimed.add(match.id);
    const after = Contact.parse({
      ...incoming,
      id: match.id,
      createdAt: Math.min(match.createdAt, incoming.createdAt),
      profiles: { ...match.profiles, ...incoming.profiles },
      identities: union(incoming.identities, match.identities, 20),
      tags: union(incoming.tags, match.tags, 100),
      userEdited: union(incoming.userEdited, match.userEdited, 50),
    });
    contacts.update.push({ before: match, after });
  });

  const interactionIds = new Set(current.interactions.map((i) => i.id));
  const interactions: RestorePlan['interactions'] = { add: [], skip: 0 };
  backup.interactions.forEach((interaction, index) => {
    if (interactionIds.has(interaction.id)) {
      interactions.skip++;
      return;
    }
    const contactId = resolved.get(interaction.contactId) ?? (byId.has(interaction.contactId) ? interaction.contactId : undefined);
    if (!contactId) {
      errors.push({ row: index + 1, field: 'contactId', text: userText('portability.restore.noContactHere'), section: 'interactions' });
      return;
    }
    interactions.add.push(contactId === interaction.contactId ? interaction : { ...interaction, contactId });
  });

  const templateById = new Map(current.templates.map((t) => [t.id, t]));
  const templates: RestorePlan['templates'] = { add: [], update: [], skip: 0 };
  for (const template of backup.templates) {
    const existing = templateById.get(template.id);
    if (!existing) templates.add.push(template);
    else if (template.updatedAt > existing.updatedAt) templates.update.push(template);
    else templates.skip++;
  }

  const taken = new Set([...current.trash.map((t) => t.id), ...current.contacts.map((c) => c.id), ...contacts.add.map((c) => c.id)]);
  const trash: RestorePlan['trash'] = { add: [], skip: 0 };
  for (const entry of backup.trash) {
    if (taken.has(entry.id) || entry.contact.identities.some((i) => byIdentity.has(i))) trash.skip++;
    else trash.add.push(entry);
  }

  // One identity per person (storage/identities.ts): a restored contact never takes an identity another holds.
  const holderOf = new Map<string, string>();
  for (const contact of current.contacts) for (const identity of contact.identities) holderOf.set(identity, contact.id);
  const settledUpdates = settleIdentities(contacts.update.map((u) => u.after), holderOf);
  contacts.update = contacts.update.map((u, i) => ({ before: u.before, after: settledUpdates[i]! }));
  contacts.add = settleIdentities(contacts.add, holderOf);
  // A letter follows its writer to the id the merge stored them under; one whose writer is in neither place waits for them (a writer deleted with the letters kept).
  const letterById = new Map(current.letters.map((l) => [l.id, l]));
  const letters: RestorePlan['letters'] = { add: [], skip: 0 };
  for (const letter of backup.letters) {
    const existing = letterById.get(letter.id);
    if (existing && existing.updatedAt >= letter.updatedAt) {
      letters.skip++;
      continue;
    }
    const writerId = resolved.get(letter.writerId) ?? letter.writerId;
    letters.add.push(writerId === letter.writerId ? letter : { ...letter, writerId });
  }

  const restoredIds = new Set([...current.contacts.map((c) => c.id), ...contacts.add.map((c) => c.id)]);
  return {
    mode,
    contacts,
    interactions,
    templates,
    trash,
    letters,
    programs: planPrograms(backup, current.programs ?? [], (id) => resolved.get(id) ?? (restoredIds.has(id) ? id : undefined)),
    settings: restored.settings,
    settingsChanged: restored.changed,
    removed: { contacts: 0, interactions: 0, templates: 0, trash: 0, letters: 0, programs: 0 },
    errors,
  };
}

/**
 * Programs: the same id, or certainly the same name, is the same program (the
 * copy edited last wins); links follow their contact to the id it is stored
 * under, and links of contacts not restored are left out.
 */
function planPrograms(backup: Backup, current: readonly Program[], contactId: (id: string) => string | undefined): RestorePlan['programs'] {
  const out: RestorePlan['programs'] = { add: [], update: [], skip: 0, links: [], unlinks: [] };
  const byId = new Map(current.map((p) => [p.id, p]));
  const byName = new Map<string, Program>();
  for (const program of current) for (const name of [program.name, ...program.aliases]) byName.set(nameKey(name), program);
  for (const { people, notHere, ...program } of backup.programs) {
    const match = byId.get(program.id) ?? byName.get(nameKey(program.name));
    const programId = match?.id ?? program.id;
    if (!match) out.add.push(program);
    else if (program.updatedAt > match.updatedAt) out.update.push({ ...program, id: match.id });
    else out.skip++;
    for (const link of people) {
      const id = contactId(link.contactId);
      if (id) out.links.push({ ...link, contactId: id, programId });
    }
    for (const unlink of notHere) {
      const id = contactId(unlink.contactId);
      if (id) out.unlinks.push({ ...unlink, contactId: id, programId });
    }
  }
  return out;
}
