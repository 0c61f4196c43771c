/** The timeline: interactions logged against a contact, and their effect on its follow-up clock, its letters and keeping in touch. */
import { patchForInteraction } from '../followups/rules';
import { answerOf, outreachPatch, REPLY_KIND } from '../overview/outreach';
import { PROGRAM_TABLES } from './program-links';
import { db } from './db';
import { newId } from '../model/ids';
import { withKeepInTouch } from './keep-in-touch';
import { applyLetterStep, type LetterDetails } from './letter-records';
import { Contact, Interaction, type InteractionInput } from '../model/schemas';
import { getSettings } from './settings';
import { UserError, userText } from '../model/user-text';

export type NewInteraction = Omit<InteractionInput, 'id' | 'contactId' | 'at'> & { at?: number };

export interface LogOptions {
  /**
   * For a letter entry: the letter it is about and what the draft knew of it.
   * `moveLetter: false` when the caller has already moved the letter (./letters.ts).
   */
  letter?: LetterDetails;
  moveLetter?: boolean;
}

/** Every table a logged interaction may write: a caller that logs inside its own transaction opens these. */
export const LOG_TABLES = () => [db.contacts, db.interactions, db.settings, db.letters, ...PROGRAM_TABLES];

/**
 * Logs an interaction and applies its effect on the contact (status, last
 * contact, next follow-up, keep-in-touch) and, for a letter entry, on the
 * letter it is about, in one transaction.
 */
export async function logInteraction(
  contactId: string,
  input: NewInteraction,
  now = Date.now(),
  options: LogOptions = {},
): Promise<{ interaction: Interaction; contact: Contact; previous: Contact }> {
  return db.transaction('rw', LOG_TABLES(), async () => {
    const contact = await db.contacts.get(contactId);
    if (!contact) throw new UserError(userText('errors.contactGone'));
    let interaction = Interaction.parse({ ...input, id: newId(), contactId, at: input.at ?? now });
    const settings = await getSettings();
    if (options.moveLetter !== false) {
      const letterId = await applyLetterStep(contactId, interaction.kind, interaction.at, settings, { letterId: interaction.letterId, ...options.letter }, now);
      if (letterId) interaction = { ...interaction, letterId };
    }
    if (interaction.kind === REPLY_KIND && !interaction.answers) {
      // The message this reply answers, for reply rates (overview/outreach.ts): from the contact's own timeline.
      const earlier = await db.interactions.where('[contactId+at]').between([contactId, -Infinity], [contactId, interaction.at], true, true).toArray();
      const answers = answerOf(earlier, interaction.at);
      if (answers) interaction = { ...interaction, answers };
    }
    const patch = patchForInteraction(contact, interaction.kind, interaction.at, settings);
    const updated = withKeepInTouch(
      Contact.parse({
        ...contact,
        ...outreachPatch(contact, interaction.kind, interaction.at),
        ...patch,
        lastInteractionAt: Math.max(interaction.at, contact.lastInteractionAt ?? 0),
        // Talking restarts the clock: a snooze or "Not now" from before no longer holds it.
        keepInTouchSnoozedUntil: undefined,
        updatedAt: now,
      }),
      settings.keepInTouchByTag,
    );
    await db.interactions.add(interaction);
    await db.contacts.put(updated);
    return { interaction, contact: updated, previous: contact };
  });
}

/** Takes back a logged interaction: the entry goes and the contact is as it was before it. */
export async function undoInteraction(interactionId: string, previous: Contact): Promise<void> {
  await db.transaction('rw', [db.contacts, db.interactions, ...PROGRAM_TABLES], async () => {
    await db.interactions.delete(interactionId);
    await db.contacts.put(Contact.parse(previous));
  });
}

/** The channel of the last message or follow-up sent to a contact: where the next one most likely goes. */
export async function lastSentChannel(contactId: string): Promise<Interaction['channel'] | undefined> {
  const rows = await db.interactions
    .where('[contactId+at]')
    .between([contactId, -Infinity], [contactId, Infinity])
    .reverse()
    .filter(isSent)
    .first();
  return rows?.channel;
}

/** A message or follow-up the user sent (what the next one's channel follows). */
const isSent = (interaction: Interaction) => interaction.kind === 'message_sent' || interaction.kind === 'follow_up_sent';

/** The channel of the last message sent in a timeline read newest first (listInteractions), as lastSentChannel reads it. */
export function lastSentIn(newestFirst: readonly Interaction[]): Interaction['channel'] | undefined {
  return newestFirst.find(isSent)?.channel;
}

/** A contact's timeline, newest first. */
export async function listInteractions(contactId: string): Promise<Interaction[]> {
  const rows = await db.interactions
    .where('[contactId+at]')
    .between([contactId, -Infinity], [contactId, Infinity])
    .toArray();
  return rows.reverse();
}
