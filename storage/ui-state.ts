/**
 * Small pieces of UI state shared between the popup and the side panel, kept
 * in the database so that they survive a closed panel and reach an open one
 * live (useLiveQuery).
 */
import { db } from './db';

const FOCUS_KEY = 'ui:focus';

/** Asks the side panel to show a contact (set from the popup). */
export async function setFocusContact(contactId: string, now = Date.now()): Promise<void> {
  await db.settings.put({ key: FOCUS_KEY, value: { contactId, at: now } });
}

export async function getFocusContact(): Promise<{ contactId: string; at: number } | undefined> {
  const row = await db.settings.get(FOCUS_KEY);
  const value = row?.value as { contactId?: unknown; at?: unknown } | undefined;
  return typeof value?.contactId === 'string' && typeof value.at === 'number'
    ? { contactId: value.contactId, at: value.at }
    : undefined;
}
