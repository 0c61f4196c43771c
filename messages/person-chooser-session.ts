/**
 * The record of an in-page person chooser (capture/person-chooser.ts, injected as picker.js; its choice is saved
 * by background/save-chosen-person.ts), kept in `storage.session` (extension
 * contexts only: content scripts cannot read or forge it) so that it survives
 * the service worker stopping while the user chooses. The popup watches it to
 * show what was saved.
 */
import { z } from 'zod';
import { browser } from 'wxt/browser';
import { Contact } from '../model/schemas';

/** How long a picker waits for a choice before the background refuses it. */
export const PICKER_TTL_MS = 10 * 60_000;

export const PickerPerson = z.object({ fullName: z.string().max(300), detail: z.string().max(600).optional() });
export type PickerPerson = z.infer<typeof PickerPerson>;

export const PickerSession = z.object({
  tabId: z.number().int().nonnegative(),
  /** The page the picker was opened on, without its fragment. */
  url: z.string(),
  people: z.array(PickerPerson).max(1_000),
  startedAt: z.number(),
  state: z.enum(['open', 'saving', 'saved', 'cancelled', 'failed']),
  saved: z.object({ contact: Contact, created: z.boolean(), previous: Contact.optional() }).optional(),
  error: z.string().optional(),
});
export type PickerSession = z.infer<typeof PickerSession>;

export function pickerKey(tabId: number): string {
  return `picker:${tabId}`;
}

export async function readPickerSession(tabId: number): Promise<PickerSession | undefined> {
  const key = pickerKey(tabId);
  const stored = (await browser.storage.session.get(key))[key];
  const parsed = PickerSession.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

export async function writePickerSession(session: PickerSession): Promise<void> {
  await browser.storage.session.set({ [pickerKey(session.tabId)]: PickerSession.parse(session) });
}

/** Calls `listener` with the tab's picker record whenever it changes. Returns the unsubscribe. */
export function watchPickerSession(tabId: number, listener: (session: PickerSession | undefined) => void): () => void {
  const key = pickerKey(tabId);
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'session' || !(key in changes)) return;
    const parsed = PickerSession.safeParse(changes[key]?.newValue);
    listener(parsed.success ? parsed.data : undefined);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
