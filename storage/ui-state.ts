/**
 * Small pieces of UI state shared between the popup and the side panel, kept
 * in the database so that they survive a closed panel and reach an open one
 * live (useLiveQuery).
 */
import { db } from './db';

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
