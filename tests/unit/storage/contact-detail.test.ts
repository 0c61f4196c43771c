// @vitest-environment node (no DOM reached but the page's localStorage: see vitest.config.ts)
/**
 * A contact's detail read in one transaction (storage/contact-detail.ts): the same parts the detail's separate
 * reads gave, the contact's own and no one else's, and `null` once the contact is gone.
 */
import '../page-storage';
import { describe, expect, it } from 'vitest';
import { contactDetail } from '../../../storage/contact-detail';
import { addContact, deleteContact } from '../../../storage/contacts';
import { lastSentChannel, listInteractions, logInteraction } from '../../../storage/interactions';
import { addLetter, lettersBy } from '../../../storage/letters';
import { addProgram, linkContact, programsOfContact } from '../../../storage/programs';

describe('a contact detail in one read', () => {
  it('holds the contact, its timeline newest first, its last sent channel, programs and letters', async () => {
    const ana = await addContact({ fullName: 'Ana Díaz', organization: 'Lakeside Clinic' });
    const sam = await addContact({ fullName: 'Sam Lee' });
    const residency = await addProgram({ name: 'Northfield IM Residency', kind: 'residency' }, 1);
    await linkContact(ana.id, residency.id, 2);
    await logInteraction(ana.id, { kind: 'message_sent', channel: 'linkedin' }, 1_000);
    await logInteraction(ana.id, { kind: 'follow_up_sent', channel: 'email' }, 2_000);
    await logInteraction(ana.id, { kind: 'reply_received', channel: 'phone' }, 3_000);
    await logInteraction(sam.id, { kind: 'message_sent', channel: 'phone' }, 4_000);
    await addLetter({ writerId: ana.id, meantFor: ['Internal Medicine'] }, 'asked', 5);
    await addLetter({ writerId: sam.id, meantFor: [] }, 'planned', 6);

    const detail = (await contactDetail(ana.id))!;
    expect(detail.contact.fullName).toBe('Ana Díaz');
    expect(detail.contact).not.toHaveProperty('searchWords');
    // The letter asked for (at 5) is on the timeline too, oldest.
    expect(detail.interactions.map((i) => i.kind)).toEqual(['reply_received', 'follow_up_sent', 'message_sent', 'letter_requested']);
    expect(detail.interactions).toEqual(await listInteractions(ana.id));
    // The last message or follow-up sent, not the reply after it.
    expect(detail.lastChannel).toBe('email');
    expect(detail.lastChannel).toBe(await lastSentChannel(ana.id));
    expect(detail.programs.map((p) => p.id)).toEqual((await programsOfContact(ana.id)).map((p) => p.id));
    expect(detail.programs.map((p) => p.name)).toContain('Northfield IM Residency');
    expect(detail.letters).toEqual(await lettersBy(ana.id));
    expect(detail.letters.map((l) => l.meantFor)).toEqual([['Internal Medicine']]);

    const quiet = (await contactDetail(sam.id))!;
    expect(quiet.lastChannel).toBe('phone');
    expect(quiet.programs).toEqual([]);
  });

  it('says so for a contact with nothing yet, and for one deleted', async () => {
    const new_ = await addContact({ fullName: 'Wen Li' });
    expect(await contactDetail(new_.id)).toMatchObject({ interactions: [], lastChannel: undefined, programs: [], letters: [] });
    await deleteContact(new_.id, 10, 'delete');
    expect(await contactDetail(new_.id)).toBeNull();
    expect(await contactDetail('never-was')).toBeNull();
  });
});
