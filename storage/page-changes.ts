/**
 * What a page shows now for fields the user edited by hand. A capture never
 * overwrites the user's value: it records the page's value here, and the
 * contact detail offers to apply it field by field.
 */
import { db } from './db';
import { PROGRAM_TABLES, linkContactsByName } from './program-links';
import { Contact, type CapturedField, type PageValues } from '../model/schemas';
import { UserError, userText } from '../model/user-text';

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The pending page values after a capture: for each field the user edited,
 * the page's value when it differs from the user's, dropped when they agree
 * again; a field the page did not show keeps what was pending.
 */
export function pageChangesAfterCapture(
  existing: Pick<Contact, 'userEdited' | 'pageChanges'> & Partial<Record<CapturedField, unknown>>,
  captured: Partial<Record<CapturedField, unknown>>,
): PageValues {
  const pending: Record<string, unknown> = { ...(existing.pageChanges ?? {}) };
  for (const field of existing.userEdited ?? []) {
    const value = captured[field];
    if (value === undefined) continue;
    if (same(value, existing[field])) delete pending[field];
    else pending[field] = value;
  }
  return pending as PageValues;
}

/** Takes the page's value for one field: the field follows the page again from now on. */
export async function applyPageChange(id: string, field: CapturedField, now = Date.now()): Promise<Contact> {
  return db.transaction('rw', [db.contacts, ...PROGRAM_TABLES], async () => {
    const contact = await db.contacts.get(id);
    if (!contact) throw new UserError(userText('errors.contactGone'));
    const pending: Record<string, unknown> = { ...(contact.pageChanges ?? {}) };
    if (!(field in pending)) throw new UserError(userText('errors.pageValueGone'));
    const value = pending[field];
    delete pending[field];
    const next = Contact.parse({
      ...contact,
      [field]: value,
      pageChanges: pending,
      userEdited: (contact.userEdited ?? []).filter((f) => f !== field),
      updatedAt: now,
    });
    await db.contacts.put(next);
    if (field === 'organization') await linkContactsByName([next], now);
    return next;
  });
}

/** Keeps the user’s value; a later capture offers the page’s value again if it still differs. */
export async function dismissPageChange(id: string, field: CapturedField, now = Date.now()): Promise<Contact> {
  return db.transaction('rw', db.contacts, async () => {
    const contact = await db.contacts.get(id);
    if (!contact) throw new UserError(userText('errors.contactGone'));
    const pending: Record<string, unknown> = { ...(contact.pageChanges ?? {}) };
    delete pending[field];
    const next = Contact.parse({ ...contact, pageChanges: pending, updatedAt: now });
    await db.contacts.put(next);
    return next;
  });
}
