/**
 * Everything a contact's detail shows (components/sidepanel/ContactDetail.tsx), read in one transaction: the
 * contact, its timeline, the channel its last message went by, its programs and its letters. Each part used to be
 * its own read, the contact's first and the others once it had drawn, so that opening a contact waited for two
 * reads one after the other and drew five times (#18: opening a contact ≤ 50 ms at 10,000 contacts). Here every
 * read starts at once, and the detail draws once, whole.
 */
import { db } from './db';
import type { Channel, Contact, Interaction, Letter, Program } from '../model/schemas';
import { lastSentIn, listInteractions } from './interactions';
import { lettersBy } from './letters';
import { programsOfContact } from './programs';

export interface ContactDetailData {
  contact: Contact;
  /** The timeline, newest first. */
  interactions: Interaction[];
  /** The channel of the last message or follow-up sent, which the next one most likely takes too. */
  lastChannel?: Channel;
  programs: Program[];
  /** The letters this contact writes (or wrote), oldest first. */
  letters: Letter[];
}

/** The detail of contact `id`; `null` when there is no such contact (deleted meanwhile). */
export async function contactDetail(id: string): Promise<ContactDetailData | null> {
  return db.transaction('r', [db.contacts, db.interactions, db.programLinks, db.programs, db.letters], async () => {
    const [contact, interactions, programs, letters] = await Promise.all([db.contacts.get(id), listInteractions(id), programsOfContact(id), lettersBy(id)]);
    if (!contact) return null;
    return { contact, interactions, lastChannel: lastSentIn(interactions), programs, letters };
  });
}
