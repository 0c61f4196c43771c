// @vitest-environment node (no DOM reached but the page's localStorage: see vitest.config.ts)
import '../page-storage';
import { describe, expect, it } from 'vitest';
import { listedIdentity } from '../../../model/profile-links';
import { addContact, saveCapture, undoSave, updateContact } from '../../../storage/contacts';
import { db } from '../../../storage/db';
import { duplicatePairs, keepBoth, matchKey, mergeContacts } from '../../../storage/duplicates';
import { logInteraction } from '../../../storage/interactions';
import { applyPageChange, dismissPageChange } from '../../../storage/page-changes';
import { capture } from '../helpers';

const DOXIMITY = 'https://www.doximity.com/pub/priya-raman-md';
const PAGE = 'https://www.northfield.example.org/im/residents';

describe('listing pages', () => {
  it('give each person an identity of their own', async () => {
    expect(listedIdentity(`${PAGE}#pgy3`, 'Hannah  Müller')).toBe(`web:${PAGE}#hannah-müller`);
    const a = await saveCapture(capture({ source: 'web', fullName: 'Chidi Okonkwo', profileUrl: PAGE }), 1, { listed: true });
    const b = await saveCapture(capture({ source: 'web', fullName: 'Sofia Reyes', profileUrl: PAGE }), 2, { listed: true });
    const again = await saveCapture(capture({ source: 'web', fullName: 'Sofia Reyes', title: 'PGY-2', profileUrl: PAGE }), 3, { listed: true });
    expect(a.created && b.created).toBe(true);
    expect(again).toMatchObject({ created: false, contact: { id: b.contact.id, title: 'PGY-2' } });
    expect(await db.contacts.count()).toBe(2);
    // Residents of one page are not each other's duplicates.
    expect(b.contact.possibleDuplicateOf).toBeUndefined();
  });
});

describe('possible duplicates', () => {
  it('flags the same name and organization from another source, and merges nothing by itself', async () => {
    const linkedin = await saveCapture(capture({ organization: 'UCSF Health' }), 1);
    const doximity = await saveCapture(capture({ source: 'doximity', fullName: 'Priya  RAMAN', organization: 'ucsf health', profileUrl: DOXIMITY }), 2);
    expect(doximity.created).toBe(true);
    expect(doximity.contact.possibleDuplicateOf).toEqual([linkedin.contact.id]);
    expect(await db.contacts.count()).toBe(2);
    const pairs = duplicatePairs(await db.contacts.toArray());
    expect(pairs.map((p) => [p.contact.fullName, p.other.id])).toEqual([['Priya  RAMAN'.replace('  ', ' '), linkedin.contact.id]]);
  });

  it('does not flag the same name at another organization', async () => {
    await saveCapture(capture({ organization: 'UCSF Health' }), 1);
    const other = await saveCapture(capture({ source: 'doximity', organization: 'Mayo Clinic', profileUrl: DOXIMITY }), 2);
    expect(other.contact.possibleDuplicateOf).toBeUndefined();
  });

  it('updates, rather than duplicates, a contact added by hand with the same page link', async () => {
    const manual = await addContact({ fullName: 'P. Raman', profiles: { web: 'https://med.example.edu/people/raman' } });
    const captured = await saveCapture(capture({ source: 'web', fullName: 'Priya Raman', profileUrl: 'https://med.example.edu/people/raman' }), 2);
    // Same page, same identity: the capture updates the contact rather than duplicating it.
    expect(captured).toMatchObject({ created: false, contact: { id: manual.id } });
  });

  it('keep both: the pair leaves the review list for good', async () => {
    const a = await saveCapture(capture(), 1);
    const b = await saveCapture(capture({ source: 'doximity', profileUrl: DOXIMITY }), 2);
    await keepBoth(b.contact.id, a.contact.id);
    expect(duplicatePairs(await db.contacts.toArray())).toEqual([]);
    await saveCapture(capture({ source: 'doximity', headline: 'Updated', profileUrl: DOXIMITY }), 3);
    expect(duplicatePairs(await db.contacts.toArray())).toEqual([]);
  });

  it('merge: one record, both links and identities, one timeline; the other restorable from the trash', async () => {
    const a = await saveCapture(capture({ organization: 'UCSF Health' }), 1);
    await updateContact(a.contact.id, { tags: ['cardiology'], notes: 'Met at ACP' });
    const b = await saveCapture(capture({ source: 'doximity', organization: 'UCSF Health', specialty: 'Internal Medicine', profileUrl: DOXIMITY }), 2);
    await updateContact(b.contact.id, { tags: ['ucsf'], notes: 'Replied on Doximity' });
    await logInteraction(b.contact.id, { kind: 'message_sent', channel: 'doximity' });

    const merged = await mergeContacts(a.contact.id, b.contact.id, 10);
    expect(merged).toMatchObject({
      id: a.contact.id,
      specialty: 'Internal Medicine',
      tags: ['cardiology', 'ucsf'],
      notes: 'Met at ACP\n\nReplied on Doximity',
      status: 'awaiting_reply',
      profiles: { linkedin: 'https://www.linkedin.com/in/priya-raman-md/', doximity: DOXIMITY },
    });
    expect(merged.identities.sort()).toEqual(['doximity:priya-raman-md', 'linkedin:priya-raman-md']);
    expect(merged.possibleDuplicateOf).toEqual([]);
    expect(await db.contacts.count()).toBe(1);
    expect((await db.interactions.toArray()).map((i) => i.contactId)).toEqual([a.contact.id]);
    expect(await db.trash.get(b.contact.id)).toBeDefined();
    // Saving from either source now updates the one merged contact.
    expect(await saveCapture(capture({ source: 'doximity', profileUrl: DOXIMITY }), 11)).toMatchObject({ created: false, contact: { id: a.contact.id } });
  });

  it('undoing the save of a flagged contact leaves the other untouched', async () => {
    const a = await saveCapture(capture(), 1);
    const b = await saveCapture(capture({ source: 'doximity', profileUrl: DOXIMITY }), 2);
    await undoSave(b);
    expect(await db.contacts.toArray()).toEqual([a.contact]);
  });

  it('compares names and organizations without accents, case or punctuation', () => {
    expect(matchKey('  Hannah MÜLLER ')).toBe(matchKey('Hannah Muller'));
    expect(matchKey('St. Mary’s Hospital')).toBe(matchKey('St Mary s Hospital'));
  });
});

describe('what changed on the page', () => {
  it('keeps the user’s edit, records the page’s value, and applies it only when asked', async () => {
    const { contact } = await saveCapture(capture({ title: 'Resident' }), 1);
    await updateContact(contact.id, { title: 'Chief Resident' });
    const again = await saveCapture(capture({ title: 'Fellow', headline: 'New headline' }), 3);
    expect(again.contact).toMatchObject({ title: 'Chief Resident', headline: 'New headline', pageChanges: { title: 'Fellow' } });

    // The page agreeing with the user again clears the pending change.
    await saveCapture(capture({ title: 'Chief Resident' }), 4);
    expect((await db.contacts.get(contact.id))?.pageChanges).toEqual({});

    await saveCapture(capture({ title: 'Fellow' }), 5);
    const applied = await applyPageChange(contact.id, 'title', 6);
    expect(applied).toMatchObject({ title: 'Fellow', pageChanges: {} });
    expect(applied.userEdited).not.toContain('title');
    await saveCapture(capture({ title: 'Attending' }), 7);
    expect((await db.contacts.get(contact.id))?.title).toBe('Attending');
  });

  it('keep mine dismisses the page’s value', async () => {
    const { contact } = await saveCapture(capture({ location: 'San Francisco' }), 1);
    await updateContact(contact.id, { location: 'Oakland' });
    await saveCapture(capture({ location: 'Berkeley' }), 2);
    const kept = await dismissPageChange(contact.id, 'location', 3);
    expect(kept).toMatchObject({ location: 'Oakland', pageChanges: {} });
    expect(kept.userEdited).toContain('location');
    await expect(applyPageChange(contact.id, 'location')).rejects.toThrow(/no longer pending/);
  });

  it('a section the page had not loaded changes nothing', async () => {
    const { contact } = await saveCapture(capture({ about: 'Original' }), 1);
    await updateContact(contact.id, { about: 'Mine' });
    await saveCapture(capture({ notLoaded: ['about'] }), 2);
    expect((await db.contacts.get(contact.id))?.pageChanges).toEqual({});
  });
});

describe('thumbnails', () => {
  it('are stored with the contact and kept when a later fetch fails', async () => {
    const thumb = 'data:image/jpeg;base64,/9j/4AAQ';
    const { contact } = await saveCapture(capture(), 1, { photoThumb: thumb });
    expect(contact.photoThumb).toBe(thumb);
    expect((await saveCapture(capture(), 2)).contact.photoThumb).toBe(thumb);
    await expect(saveCapture(capture({ fullName: 'X Y', profileUrl: 'https://www.linkedin.com/in/x-y/' }), 3, { photoThumb: 'data:image/svg+xml;base64,PHN2Zz4=' })).rejects.toThrow();
  });
});
