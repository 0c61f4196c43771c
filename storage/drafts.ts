/**
 * Drafts in progress, one per contact, in the key-value table under
 * `draft:<contactId>`, so that closing the panel loses nothing (no table
 * and no new schema version needed).
 */
import { db } from './db';
import { LOG_TABLES, logInteraction } from './interactions';
import { Draft, type DraftInput } from '../model/schemas';

const PREFIX = 'draft:';

export async function getDraft(contactId: string): Promise<Draft | undefined> {
  const row = await db.settings.get(PREFIX + contactId);
  const parsed = Draft.safeParse(row?.value);
  // A draft that no longer fits the schema is dropped rather than breaking the composer.
  return parsed.success && parsed.data.contactId === contactId ? parsed.data : undefined;
}

export async function saveDraft(input: Omit<DraftInput, 'updatedAt'>, now = Date.now()): Promise<Draft> {
  const draft = Draft.parse({ ...input, updatedAt: now });
  await db.settings.put({ key: PREFIX + draft.contactId, value: draft });
  return draft;
}

export async function clearDraft(contactId: string): Promise<void> {
  await db.settings.delete(PREFIX + contactId);
}

/**
 * Logs a sent message on the timeline (which moves the follow-up clock) and
 * discards the draft, in one transaction: either both happen or neither.
 */
export const recordSent: typeof logInteraction = (contactId, input, now = Date.now(), options = {}) =>
  // The draft lives in settings, which logging's tables already hold.
  db.transaction('rw', LOG_TABLES(), async () => {
    const result = await logInteraction(contactId, input, now, options);
    await clearDraft(contactId);
    return result;
  });
