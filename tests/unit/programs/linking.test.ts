/**
 * Contacts are linked to programs on every write path (save, add, edit,
 * import, restore, trash, undo), by certain name matches only; the user's
 * links and refusals stick; merges and deletes of programs undo.
 */
import { describe, expect, it } from 'vitest';
import { BACKUP_VERSION, parseBackup, serializeBackup } from '../../../portability/backup-format';
import { exportBackup } from '../../../storage/backup-export';
import { guessMapping } from '../../../portability/csv-columns';
import { importCsvRows } from '../../../portability/csv-import';
import { readCsv } from '../../../portability/csv-read';
import { applyContactImport } from '../../../storage/import-contacts';
import { applyRestore, previewRestore } from '../../../storage/restore';
import { addContact, deleteContact, restoreContact, saveCapture, undoSave, updateContact, getContact, setStatuses } from '../../../storage/contacts';
import { viewOfRestore } from '../../../import-worker/plan-view';
import { programsInRestore } from '../../../components/programs/restore-summary';
import { logInteraction } from '../../../storage/interactions';
import { db } from '../../../storage/db';
import {
  addAlias,
  addProgram,
  contactIdsOfProgram,
  deletePrograms,
  getProgram,
  linkContact,
  listPrograms,
  mergeProgramsInto,
  programsIndex,
  unlinkedOrganizations,
  programsOfContact,
  restoreSnapshot,
  suggestedContacts,
  unlinkContact,
  updateProgram,
} from '../../../storage/programs';
import { capture, snapshot } from '../helpers';

const NGH = { name: 'Northfield General Hospital', kind: 'hospital' as const };

describe('linking on every write', () => {
  it('a saved contact whose organization certainly matches is linked; a save that is undone leaves no link', async () => {
    const program = await addProgram(NGH, 1);
    const saved = await saveCapture(capture({ organization: 'The Northfield General Hospital' }), 2);
    expect(await contactIdsOfProgram(program.id)).toEqual([saved.contact.id]);
    expect((await db.programLinks.get([saved.contact.id, program.id]))?.by).toBe('name');
    await undoSave(saved);
    expect(await db.programLinks.count()).toBe(0);
  });

  it('a near name is only suggested, and a similar hospital is neither linked nor suggested', async () => {
    const program = await addProgram(NGH, 1);
    const near = await addContact({ fullName: 'Ana Díaz', organization: 'Northfield "NGH" General Hospital' });
    await addContact({ fullName: 'Sam Lee', organization: 'Southfield General Hospital' });
    expect(await contactIdsOfProgram(program.id)).toEqual([]);
    expect((await suggestedContacts(program.id)).map((c) => c.id)).toEqual([near.id]);
    await linkContact(near.id, program.id, 5);
    expect(await suggestedContacts(program.id)).toEqual([]);
    expect((await db.programLinks.get([near.id, program.id]))?.by).toBe('user');
  });

  it('editing the organization moves a name link; a link made by hand stays', async () => {
    const ngh = await addProgram(NGH, 1);
    const lakeside = await addProgram({ name: 'Lakeside Clinic' }, 1);
    const other = await addProgram({ name: 'Northfield IM Residency', kind: 'residency' }, 1);
    const contact = await addContact({ fullName: 'Ana Díaz', organization: 'Northfield General Hospital' });
    await linkContact(contact.id, other.id);
    await updateContact(contact.id, { organization: 'Lakeside Clinic' });
    expect((await programsOfContact(contact.id)).map((p) => p.id).sort()).toEqual([lakeside.id, other.id].sort());
    expect(await contactIdsOfProgram(ngh.id)).toEqual([]);
  });

  it('"not here" sticks: saving the person again does not link them back', async () => {
    const program = await addProgram(NGH, 1);
    const { contact } = await saveCapture(capture({ organization: NGH.name }), 2);
    await unlinkContact(contact.id, program.id, 3);
    await saveCapture(capture({ organization: NGH.name, headline: 'Chief resident' }), 4);
    expect(await contactIdsOfProgram(program.id)).toEqual([]);
    expect(await suggestedContacts(program.id)).toEqual([]);
  });

  it('a new program or a new other name links the people already saved', async () => {
    const a = await addContact({ fullName: 'A', organization: 'NGH' });
    const b = await addContact({ fullName: 'B', organization: 'northfield general hospital' });
    const program = await addProgram(NGH, 1);
    expect(await contactIdsOfProgram(program.id)).toEqual([b.id]);
    await addAlias(program.id, 'NGH');
    expect((await contactIdsOfProgram(program.id)).sort()).toEqual([a.id, b.id].sort());
    await updateProgram(program.id, { aliases: [] });
    expect(await contactIdsOfProgram(program.id)).toEqual([b.id]);
  });

  it('an imported contact is linked', async () => {
    const program = await addProgram(NGH, 1);
    const table = readCsv('Name,Organization\nAna Díaz,Northfield General Hospital\nSam Lee,Lakeside Clinic\n');
    await applyContactImport(importCsvRows(table, guessMapping(table.header)), { now: 9 });
    const ana = await db.contacts.where('sortName').equals('ana diaz').first();
    expect(await contactIdsOfProgram(program.id)).toEqual([ana!.id]);
  });

  it('a deleted contact’s links wait with it in the trash and come back on restore', async () => {
    const program = await addProgram(NGH, 1);
    const contact = await addContact({ fullName: 'Ana', organization: 'Elsewhere' });
    await linkContact(contact.id, program.id, 2);
    const entry = await deleteContact(contact.id);
    expect(entry.links).toEqual([{ contactId: contact.id, programId: program.id, by: 'user', at: 2 }]);
    expect(await db.programLinks.count()).toBe(0);
    await restoreContact(contact.id);
    expect(await contactIdsOfProgram(program.id)).toEqual([contact.id]);
  });
});

describe('merging programs', () => {
  it('merges variants into one program with every other name and person, and undoes exactly', async () => {
    const a = await addProgram(NGH, 1);
    const b = await addProgram({ name: 'Northfield "NGH" General Hospital', city: 'Northfield' }, 1);
    const ana = await addContact({ fullName: 'Ana', organization: 'Northfield General Hospital' });
    const sam = await addContact({ fullName: 'Sam', organization: 'Northfield "NGH" General Hospital' });
    const before = await snapshot();
    const undo = await mergeProgramsInto([a.id, b.id], 10);
    const programs = await listPrograms();
    expect(programs).toHaveLength(1);
    expect(programs[0]).toMatchObject({ id: a.id, aliases: ['Northfield "NGH" General Hospital'], city: 'Northfield' });
    expect((await contactIdsOfProgram(a.id)).sort()).toEqual([ana.id, sam.id].sort());
    // Future saves under the other name link to the merged program.
    const later = await addContact({ fullName: 'Kim', organization: 'northfield "ngh" general hospital' });
    expect(await contactIdsOfProgram(a.id)).toContain(later.id);
    await db.contacts.delete(later.id);
    await db.programLinks.delete([later.id, a.id]);
    await restoreSnapshot(undo);
    expect(await snapshot()).toEqual(before);
  });

  it('deleting programs never deletes people, and undoes', async () => {
    const a = await addProgram(NGH, 1);
    await addContact({ fullName: 'Ana', organization: NGH.name });
    const before = await snapshot();
    const undo = await deletePrograms([a.id]);
    expect(await db.contacts.count()).toBe(1);
    expect(await getProgram(a.id)).toBeUndefined();
    await restoreSnapshot(undo);
    expect(await snapshot()).toEqual(before);
  });
});

describe('the programs index', () => {
  it('gives each program its people, their statuses, and the organizations no program holds', async () => {
    const a = await addProgram(NGH, 1);
    const ana = await addContact({ fullName: 'Ana', organization: NGH.name, status: 'replied', lastContactedAt: 50 });
    const sam = await addContact({ fullName: 'Sam', organization: 'Lakeside Clinic' });
    await addContact({ fullName: 'Kim', organization: 'lakeside clinic' });
    const index = await programsIndex();
    expect(await contactIdsOfProgram(a.id)).toEqual([ana.id]);
    expect(index.summaries.get(a.id)).toEqual({ people: 1, replied: 1, lastContactedAt: 50 });
    const unlinked = await unlinkedOrganizations();
    expect(unlinked).toHaveLength(1);
    expect(unlinked[0]!.ids).toContain(sam.id);
  });
});

describe('the facts each link keeps of its contact (storage/link-facts.ts)', () => {
  const rawLinks = async () => (await db.programLinks.orderBy('contactId').toArray()).map((l) => ({ ...l }));
  it('follow every change of status and last contact, by any write, and never reach a backup or the trash', async () => {
    const a = await addProgram(NGH, 1);
    const b = await addProgram({ name: 'Lakeside Clinic' }, 1);
    const ana = await addContact({ fullName: 'Ana', organization: NGH.name });
    await linkContact(ana.id, b.id, 2);
    expect((await rawLinks()).map((l) => l.contactStatus)).toEqual(['not_contacted', 'not_contacted']);
    await setStatuses([ana.id], 'replied', 3);
    await logInteraction(ana.id, { kind: 'meeting', at: 70 }, 70);
    const facts = (await rawLinks()).map((l) => [l.programId, l.contactStatus, l.contactLastContactedAt]);
    const after = await getContact(ana.id);
    expect(facts.sort()).toEqual([[a.id, after!.status, after!.lastContactedAt], [b.id, after!.status, after!.lastContactedAt]].sort());
    expect(after!.lastContactedAt).toBe(70);
    const index = await programsIndex();
    expect(index.summaries.get(a.id)).toMatchObject({ people: 1, lastContactedAt: 70 });
    // Only the link leaves storage.
    const backup = await exportBackup({ now: 5 });
    const people = backup.programs!.flatMap((p) => p.people);
    expect(people).toHaveLength(2);
    for (const person of people) expect(Object.keys(person).sort()).toEqual(['at', 'by', 'contactId']);
    const entry = await deleteContact(ana.id, 8);
    for (const link of entry.links ?? []) expect(Object.keys(link).sort()).toEqual(['at', 'by', 'contactId', 'programId']);
    await restoreContact(ana.id);
    expect((await rawLinks()).every((l) => l.contactStatus === after!.status && l.contactLastContactedAt === 70)).toBe(true);
  });

  it('a link written in a transaction that names only the links still gets its contact’s facts, never a stale copy', async () => {
    const a = await addProgram(NGH, 1);
    const ana = await addContact({ fullName: 'Ana', organization: NGH.name, status: 'meeting', lastContactedAt: 9 });
    const stale = { contactId: ana.id, programId: a.id, by: 'user' as const, at: 3, contactStatus: 'replied' as const };
    await db.transaction('rw', db.programLinks, () => db.programLinks.put(stale));
    expect(await db.programLinks.get([ana.id, a.id])).toMatchObject({ contactStatus: 'meeting', contactLastContactedAt: 9 });
    expect((await programsIndex()).summaries.get(a.id)).toEqual({ people: 1, replied: 1, lastContactedAt: 9 });
  });
});

describe('backup and restore', () => {
  it('a backup carries programs and their links, and restoring it after a wipe puts them back', async () => {
    const a = await addProgram({ ...NGH, stage: 'applied', interviews: [{ date: '2026-11-02', time: '09:00' }] }, 1);
    const ana = await addContact({ fullName: 'Ana', organization: NGH.name });
    const sam = await addContact({ fullName: 'Sam', organization: NGH.name });
    await unlinkContact(sam.id, a.id, 4);
    const before = await snapshot();
    const text = serializeBackup(await exportBackup({ now: 5 }));
    const json = JSON.parse(text);
    expect(json.version).toBe(BACKUP_VERSION);
    expect(json.programs[0]).toMatchObject({ id: a.id, people: [{ contactId: ana.id, by: 'name' }], notHere: [{ contactId: sam.id }] });
    await Promise.all(db.tables.map((t) => t.clear()));
    await applyRestore(parseBackup(text), 'replace');
    // The restore writes the backup's settings, which the store only had as defaults: every other table is as it was.
    const { settings: _written, ...after } = await snapshot();
    const { settings: _defaults, ...expected } = before;
    expect(after).toEqual(expected);
  });

  it('the restore dry run and its report count the programs and the people linked to them', async () => {
    await addProgram(NGH, 1);
    await addProgram({ name: 'Lakeside Clinic' }, 1);
    await addContact({ fullName: 'Ana', organization: NGH.name });
    const backup = parseBackup(serializeBackup(await exportBackup({ now: 5 })));
    const merge = viewOfRestore(await previewRestore(backup, 'merge'), '');
    expect(merge.programs).toEqual({ add: 0, update: 0, links: 1 });
    expect(programsInRestore(merge)).toBe('Programs: 0 to add, 0 to update, 1 people to link.');
    const replace = viewOfRestore(await previewRestore(backup, 'replace'), '');
    expect(replace.programs).toEqual({ add: 2, update: 0, links: 1 });
    expect(programsInRestore(replace)).toBe('Programs: 2 to add, 0 to update, 1 people to link. It replaces your 2 current programs.');
    expect(programsInRestore(replace, true)).toBe('Programs: 2 added, 0 updated, 1 people linked.');
    // A backup without programs adds no sentence.
    expect(programsInRestore({ ...replace, programs: { add: 0, update: 0, links: 0 }, removed: { ...replace.removed, programs: 0 } })).toBe('');
  });

  it('merging a backup links its people to the program already saved under the same name', async () => {
    const a = await addProgram(NGH, 1);
    const text = serializeBackup(await exportBackup({ now: 5 }));
    const json = JSON.parse(text);
    json.programs = [{ ...json.programs[0], id: 'other-id', updatedAt: 0, people: [{ contactId: 'c-new', by: 'user', at: 3 }], notHere: [] }];
    json.contacts = [{ id: 'c-new', source: 'manual', fullName: 'New', organization: 'Elsewhere', createdAt: 1, updatedAt: 1 }];
    await applyRestore(parseBackup(JSON.stringify(json)), 'merge');
    expect(await listPrograms()).toHaveLength(1);
    expect(await contactIdsOfProgram(a.id)).toEqual(['c-new']);
  });

  it('still reads a version 1 backup, with no programs', async () => {
    const json = JSON.parse(serializeBackup(await exportBackup({ now: 5 })));
    delete json.programs;
    json.version = 1;
    json.contacts = [{ id: 'c1', source: 'manual', fullName: 'Ana', organization: NGH.name, createdAt: 1, updatedAt: 1 }];
    const backup = parseBackup(JSON.stringify(json));
    expect(backup.programs).toEqual([]);
    await addProgram(NGH, 1);
    await applyRestore(backup, 'merge');
    // Restored people are linked by name like any other write.
    expect(await db.programLinks.where('contactId').equals('c1').count()).toBe(1);
  });
});
