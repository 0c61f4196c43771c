// @vitest-environment node (no DOM reached but the page's localStorage: see vitest.config.ts)
import '../page-storage';
import { describe, expect, it } from 'vitest';
import {
  deleteContact,
  findByProfileUrl,
  getContact,
  listContacts,
  restoreContact,
  saveCapture,
  undoSave,
  updateContact,
} from '../../../storage/contacts';
import { countDueFollowUps } from '../../../storage/followups';
import { db } from '../../../storage/db';
import { logInteraction, listInteractions } from '../../../storage/interactions';
import { capture } from '../helpers';

describe('saveCapture', () => {
  it('creates a contact keyed by its canonical profile', async () => {
    const { contact, created } = await saveCapture(capture(), 1_000);
    expect(created).toBe(true);
    expect(contact).toMatchObject({
      fullName: 'Priya Raman',
      credentials: ['MD'],
      status: 'not_contacted',
      profiles: { linkedin: 'https://www.linkedin.com/in/priya-raman-md/' },
      identities: ['linkedin:priya-raman-md'],
      createdAt: 1_000,
    });
    expect(await findByProfileUrl('https://fr.linkedin.com/in/Priya-Raman-MD/details/experience/?x=1')).toEqual(contact);
  });

  it('updates the same contact on a second save and never duplicates it', async () => {
    await saveCapture(capture(), 1_000);
    const second = await saveCapture(capture({ headline: 'Cardiology Fellow' }), 2_000);
    expect(second.created).toBe(false);
    expect(second.previous?.headline).toBe('Internal Medicine Resident at UCSF Health');
    expect(await listContacts()).toHaveLength(1);
    expect((await listContacts())[0]?.headline).toBe('Cardiology Fellow');
  });

  it('makes one contact when two saves race', async () => {
    await Promise.all([saveCapture(capture()), saveCapture(capture()), saveCapture(capture())]);
    expect(await db.contacts.count()).toBe(1);
  });

  it('keeps fields the user edited by hand', async () => {
    const { contact } = await saveCapture(capture(), 1_000);
    await updateContact(contact.id, { headline: 'My own words' }, 1_500);
    const again = await saveCapture(capture({ headline: 'Page headline', location: 'Oakland' }), 2_000);
    expect(again.contact.headline).toBe('My own words');
    expect(again.contact.location).toBe('Oakland');
    expect(again.contact.userEdited).toEqual(['headline']);
  });

  it('keeps stored sections that the page had not loaded', async () => {
    await saveCapture(capture({ about: 'Loves cardiology' }));
    const again = await saveCapture(capture({ notLoaded: ['about'] }));
    expect(again.contact.about).toBe('Loves cardiology');
  });

  it('undo removes a created contact and restores an updated one', async () => {
    const first = await saveCapture(capture());
    const second = await saveCapture(capture({ headline: 'Changed' }));
    await undoSave(second);
    expect((await getContact(first.contact.id))?.headline).toBe('Internal Medicine Resident at UCSF Health');
    await undoSave(first);
    expect(await db.contacts.count()).toBe(0);
  });
});

describe('follow-ups', () => {
  it('a message sent sets a due date; the count sees it once due; a reply clears it', async () => {
    const { contact } = await saveCapture(capture());
    const sentAt = new Date(2026, 0, 5, 15, 30).getTime();
    const { contact: sent } = await logInteraction(contact.id, { kind: 'message_sent', channel: 'linkedin' }, sentAt);
    expect(sent.status).toBe('awaiting_reply');
    expect(sent.nextFollowUpAt).toBe(new Date(2026, 0, 12).getTime());
    expect(await countDueFollowUps(new Date(2026, 0, 11, 23, 59).getTime())).toBe(0);
    expect(await countDueFollowUps(new Date(2026, 0, 12, 0, 0).getTime())).toBe(1);
    const { contact: replied } = await logInteraction(contact.id, { kind: 'reply_received' }, sentAt + 1);
    expect(replied.status).toBe('replied');
    expect(replied.nextFollowUpAt).toBeUndefined();
    expect(await countDueFollowUps(new Date(2026, 1, 1).getTime())).toBe(0);
    expect((await listInteractions(contact.id)).map((i) => i.kind)).toEqual(['reply_received', 'message_sent']);
  });

  it('setting a settled status by hand clears the clock', async () => {
    const { contact } = await saveCapture(capture());
    await logInteraction(contact.id, { kind: 'message_sent' }, 0);
    const closed = await updateContact(contact.id, { status: 'closed' });
    expect(closed.nextFollowUpAt).toBeUndefined();
  });
});

describe('delete and restore', () => {
  it('moves the contact and its timeline to the trash and back', async () => {
    const { contact } = await saveCapture(capture());
    const { contact: noted } = await logInteraction(contact.id, { kind: 'note', text: 'Met at ACP' });
    await deleteContact(contact.id);
    expect(await db.contacts.count()).toBe(0);
    expect(await db.interactions.count()).toBe(0);
    await restoreContact(contact.id);
    expect(await getContact(contact.id)).toEqual(noted);
    expect(await listInteractions(contact.id)).toHaveLength(1);
    expect(await db.trash.count()).toBe(0);
  });
});

describe('validation', () => {
  it('rejects an invalid edit and leaves the record as it was', async () => {
    const { contact } = await saveCapture(capture());
    await expect(updateContact(contact.id, { photoUrl: 'javascript:alert(1)' })).rejects.toThrow();
    expect(await getContact(contact.id)).toEqual(contact);
  });
});
