/**
 * I1–I3: one identity per person on every write path (save, add, edit, import, restore, trash restore, merge), checked
 * as an invariant after each; a collision is flagged for review, and accents are folded in the duplicate lookup.
 */
import { describe, expect, it } from 'vitest';
import { exportBackup } from '../../../storage/backup-export';
import { parseBackup, serializeBackup } from '../../../portability/backup-format';
import { applyContactImport } from '../../../storage/import-contacts';
import { parseConnections } from '../../../portability/linkedin-connections';
import { applyRestore } from '../../../storage/restore';
import { addContact, deleteContact, getContact, restoreContact, saveCapture, updateContact } from '../../../storage/contacts';
import { db } from '../../../storage/db';
import { mergeContacts } from '../../../storage/duplicates';
import { capture } from '../helpers';
import { fullContact } from '../portability/seed';

/** The invariant: no identity is held by two stored contacts. */
async function expectOneIdentityPerPerson(): Promise<void> {
  const owners = new Map<string, string[]>();
  for (const contact of await db.contacts.toArray()) {
    for (const identity of contact.identities) owners.set(identity, [...(owners.get(identity) ?? []), contact.id]);
  }
  const shared = [...owners].filter(([, ids]) => ids.length > 1);
  expect(shared).toEqual([]);
}

const PRIYA = 'https://www.linkedin.com/in/priya-raman-md/';

describe('one identity per person', () => {
  it('I1: delete, save the profile again, restore from the trash: one holder, the other flagged, saves update one', async () => {
    const { contact: first } = await saveCapture(capture());
    await deleteContact(first.id);
    const { contact: second } = await saveCapture(capture({ headline: 'Chief Resident' }));
    const restored = await restoreContact(first.id);
    await expectOneIdentityPerPerson();
    expect(restored.possibleDuplicateOf).toEqual([second.id]);
    expect(restored.profiles.linkedin).toBe(PRIYA);
    const again = await saveCapture(capture({ headline: 'Attending' }));
    expect(again.contact.id).toBe(second.id);
    await expectOneIdentityPerPerson();
    // Merging the two unites them, and the identity stays with the one kept.
    const merged = await mergeContacts(second.id, first.id);
    expect(merged.identities).toContain('linkedin:priya-raman-md');
    await expectOneIdentityPerPerson();
  });

  it('I1: a link typed by hand (add, edit) that another contact has is flagged, never shared', async () => {
    const { contact: saved } = await saveCapture(capture());
    const added = await addContact({ fullName: 'P. Raman', profiles: { linkedin: PRIYA } });
    await expectOneIdentityPerPerson();
    expect(added.possibleDuplicateOf).toContain(saved.id);
    const other = await addContact({ fullName: 'Someone Else' });
    const edited = await updateContact(other.id, { profiles: { linkedin: PRIYA } });
    await expectOneIdentityPerPerson();
    expect(edited.possibleDuplicateOf).toContain(saved.id);
  });

  it('I1: restore (merge and replace) never writes two holders of one identity', async () => {
    await db.contacts.bulkPut([
      fullContact({ id: 'a', identities: ['linkedin:a'], profiles: { linkedin: 'https://www.linkedin.com/in/a/' } }),
      fullContact({ id: 'c', identities: ['linkedin:c'], profiles: { linkedin: 'https://www.linkedin.com/in/c/' } }),
    ]);
    const backup = parseBackup(serializeBackup(await exportBackup({ now: 1, appVersion: '0.1.0' })));
    // In the backup, "a" (newer) also claims c's identity, and a new contact claims a's.
    backup.contacts = [
      { ...backup.contacts.find((c) => c.id === 'a')!, identities: ['linkedin:a', 'linkedin:c'], updatedAt: 1_800_000_000_000 },
      fullContact({ id: 'new', identities: ['linkedin:a'] }),
    ];
    await applyRestore(backup, 'merge');
    await expectOneIdentityPerPerson();
    expect((await getContact('a'))?.possibleDuplicateOf).toEqual(['c']);

    backup.contacts = [fullContact({ id: 'x', identities: ['linkedin:x'] }), fullContact({ id: 'y', identities: ['linkedin:x'] })];
    await applyRestore(backup, 'replace');
    await expectOneIdentityPerPerson();
    expect((await getContact('y'))?.possibleDuplicateOf).toEqual(['x']);
  });

  it('I1: an import of a saved person and of one person twice adds no second holder of an identity', async () => {
    const { contact } = await saveCapture(capture());
    const csv = [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      `Priya,Raman,${PRIYA},,,,14 Aug 2024`,
      'Chidi,Okonkwo,https://www.linkedin.com/in/chidi/,,,,14 Aug 2024',
      'Chidi,Okonkwo,https://www.linkedin.com/in/chidi/,,,,14 Aug 2024',
    ].join('\n');
    await applyContactImport(parseConnections(csv), { now: 5_000 });
    await expectOneIdentityPerPerson();
    expect(await db.contacts.count()).toBe(2);
    expect((await getContact(contact.id))?.identities).toEqual(['linkedin:priya-raman-md']);
  });

  it('I2: "Elena Vasquez-Ruiz" by hand and "Elena Vásquez-Ruiz" from Doximity at the same hospital are offered as duplicates', async () => {
    const byHand = await addContact({ fullName: 'Elena Vasquez-Ruiz', organization: 'Northfield General Hospital' });
    const { contact } = await saveCapture(
      capture({
        source: 'doximity',
        fullName: 'Elena Vásquez-Ruiz',
        organization: 'Northfield General Hospital',
        profileUrl: 'https://www.doximity.com/pub/elena-vasquez-ruiz-md',
      }),
    );
    expect(contact.possibleDuplicateOf).toEqual([byHand.id]);
    // And the other way round: a hand-added contact is checked too.
    const again = await addContact({ fullName: 'ELENA VÁSQUEZ-RUIZ', organization: 'Northfield General Hospital' });
    expect(again.possibleDuplicateOf).toEqual(expect.arrayContaining([byHand.id, contact.id]));
  });
});
