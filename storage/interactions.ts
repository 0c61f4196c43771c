/** The timeline: interactions logged against a contact, and their effect on its follow-up clock. */
import { patchForInteraction } from '../followups/rules';
import { db } from './db';
import { newId } from './ids';
import { Contact, Interaction, type InteractionInput } from './schemas';
import { getSettings } from './settings';

export type NewInteraction = Omit<InteractionInput, 'id' | 'contactId' | 'at'> & { at?: number };

/**
 * Logs an interaction and applies its effect on the contact (status, last
 * contact, next follow-up) in one transaction.
 */
export async function logInteraction(
  contactId: string,
  input: NewInteraction,
  now = Date.now(),
): Promise<{ interaction: Interaction; contact: Contact }> {
  return db.transaction('rw', [db.contacts, db.interactions, db.settings], async () => {
    const contact = await db.contacts.get(contactId);
    if (!contact) throw new Error('This contact no longer exists.');
    const interaction = Interaction.parse({ ...input, id: newId(), contactId, at: input.at ?? now });
    const settings = await getSettings();
    const patch = patchForInteraction(contact, interaction.kind, interaction.at, settings);
    const updated = Contact.parse({ ...contact, ...patch, updatedAt: now });
    await db.interactions.add(interaction);
    await db.contacts.put(updated);
    return { interaction, contact: updated };
  });
}

/** The channel of the last message or follow-up sent to a contact: where the next one most likely goes. */
export async function lastSentChannel(contactId: string): Promise<Interaction['channel'] | undefined> {
  const rows = await db.interactions
    .where('[contactId+at]')
    .between([contactId, -Infinity], [contactId, Infinity])
    .reverse()
    .filter((i) => i.kind === 'message_sent' || i.kind === 'follow_up_sent')
    .first();
  return rows?.channel;
}

/** A contact's timeline, newest first. */
export async function listInteractions(contactId: string): Promise<Interaction[]> {
  const rows = await db.interactions
    .where('[contactId+at]')
    .between([contactId, -Infinity], [contactId, Infinity])
    .toArray();
  return rows.reverse();
}
