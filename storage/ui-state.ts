/**
 * Small pieces of UI state shared between the popup and the side panel, kept
 * in the database so that they survive a closed panel and reach an open one
 * live (useLiveQuery).
 */
import { z } from 'zod';
import { db } from './db';
import { epochMs, httpUrl, line } from '../model/schemas';

const FOCUS_KEY = 'ui:focus';

export interface FocusRequest {
  contactId: string;
  /** Which part of the contact to show: its details, or drafting a message. */
  view: 'details' | 'draft';
  /** The template to start a draft from. */
  templateId?: string;
  at: number;
}

/** Asks the side panel to show a contact (set from the popup). */
export async function setFocusContact(
  contactId: string,
  options: { view?: FocusRequest['view']; templateId?: string } = {},
  now = Date.now(),
): Promise<void> {
  const value: FocusRequest = { contactId, view: options.view ?? 'details', templateId: options.templateId, at: now };
  await db.settings.put({ key: FOCUS_KEY, value });
}

export async function getFocusContact(): Promise<FocusRequest | undefined> {
  const row = await db.settings.get(FOCUS_KEY);
  const value = row?.value as Partial<FocusRequest> | undefined;
  if (typeof value?.contactId !== 'string' || typeof value.at !== 'number') return undefined;
  return {
    contactId: value.contactId,
    view: value.view === 'draft' ? 'draft' : 'details',
    templateId: typeof value.templateId === 'string' ? value.templateId : undefined,
    at: value.at,
  };
}

const SECTION_KEY = 'ui:section';

/** A side panel section another context asks to show (the daily summary's click). */
export interface SectionRequest {
  section: 'followups';
  at: number;
}

/** How long a section request stays fresh: a panel opened later shows its usual start. */
export const SECTION_REQUEST_TTL_MS = 60_000;

export async function setSectionRequest(section: SectionRequest['section'], now = Date.now()): Promise<void> {
  const value: SectionRequest = { section, at: now };
  await db.settings.put({ key: SECTION_KEY, value });
}

export async function getSectionRequest(): Promise<SectionRequest | undefined> {
  const row = await db.settings.get(SECTION_KEY);
  const value = row?.value as Partial<SectionRequest> | undefined;
  if (value?.section !== 'followups' || typeof value.at !== 'number') return undefined;
  return { section: value.section, at: value.at };
}

const ADD_KEY = 'ui:add';

/**
 * A request to open the side panel's "add by hand" form, prefilled: from a
 * page about no one (its link), or from a selection the user turned into a
 * contact (the context menu). The user confirms; nothing is saved until then.
 */
export const AddRequest = z.object({
  profileUrl: httpUrl.optional(),
  initial: z
    .object({
      fullName: line(300).optional(),
      title: line(300).optional(),
      organization: line(300).optional(),
      email: z.email().max(320).optional(),
    })
    .default({}),
  at: epochMs,
});
export type AddRequest = z.infer<typeof AddRequest>;

/** How long an add request stays fresh: a panel opened much later shows its usual start. */
export const ADD_REQUEST_TTL_MS = 5 * 60_000;

export async function setAddRequest(request: Omit<z.input<typeof AddRequest>, 'at'>, now = Date.now()): Promise<void> {
  // Each prefilled field is kept if valid and dropped if not (a selection's "email" that is not one).
  const initial: Record<string, string> = {};
  for (const [key, value] of Object.entries(request.initial ?? {})) {
    const single = AddRequest.shape.initial.unwrap().shape[key as keyof AddRequest['initial']];
    const parsed = single?.safeParse(value);
    if (parsed?.success && parsed.data) initial[key] = parsed.data;
  }
  const profileUrl = httpUrl.safeParse(request.profileUrl);
  await db.settings.put({
    key: ADD_KEY,
    value: AddRequest.parse({ profileUrl: profileUrl.success ? profileUrl.data : undefined, initial, at: now }),
  });
}

export async function getAddRequest(): Promise<AddRequest | undefined> {
  const row = await db.settings.get(ADD_KEY);
  const parsed = AddRequest.safeParse(row?.value);
  return parsed.success ? parsed.data : undefined;
}

/** The form was opened (or abandoned): a later panel does not open it again. */
export async function clearAddRequest(): Promise<void> {
  await db.settings.delete(ADD_KEY);
}
