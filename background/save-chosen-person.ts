/**
 * Saving the person chosen in the in-page picker (capture/person-chooser.ts,
 * injected as picker.js) on pages that list several people (residents, faculty,
 * alumni). The background opens it; the page script only shows the people
 * and reports which one the user clicked, by index. Saving stays here: the
 * background re-reads the page itself, checks the name the picker showed,
 * and saves that person. A content script thus never hands the background
 * data to store, and can only ever choose among the people the page shows,
 * in the tab where the user opened the picker, once.
 *
 * Never on LinkedIn or Doximity: Rapport does not change their pages.
 */
import type { Browser } from 'wxt/browser';
import { i18n } from '../model/i18n';
import { browser } from 'wxt/browser';
import { validateCapture, type Capture } from '../capture/index';
import { isDoximityHost, isLinkedInHost } from '../model/profile-links';
import type { ContentRequest, SaveOutcome } from '../messages';
import {
  PICKER_TTL_MS,
  readPickerSession,
  writePickerSession,
  type PickerPerson,
  type PickerSession,
} from '../messages/person-chooser-session';
import { saveCapture } from '../storage/contacts';
import { afterSave } from './after-save';
import { fetchThumbnail } from './photo-thumb';

type Sender = Browser.runtime.MessageSender;

/** The page's address as compared: fragment ignored (in-page anchors do not change the document). */
export function pageKey(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return undefined;
  }
}

export function mayShowPicker(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return (protocol === 'https:' || protocol === 'http:') && !isLinkedInHost(hostname) && !isDoximityHost(hostname);
  } catch {
    return false;
  }
}

/** What the page script returns: the one person, or everyone a listing shows (see entrypoints/capture-page.ts). */
export function peopleIn(raw: unknown): Capture[] {
  const list = (raw as { people?: unknown } | null)?.people;
  if (!Array.isArray(list)) return [];
  return list.map((item) => validateCapture(item)).filter((c): c is Capture => c !== null);
}

function shown(person: Capture): PickerPerson {
  const detail = person.title ?? person.headline ?? person.organization;
  return { fullName: person.fullName, ...(detail ? { detail } : {}) };
}

/** Hands the people to the picker script (same isolated world), then starts it. */
function setPickerPeople(people: { fullName: string; detail?: string }[]): void {
  (globalThis as { rapportPickerPeople?: unknown }).rapportPickerPeople = people;
}

/**
 * Opens the picker on a listing page. Returns the outcome the popup shows;
 * when the picker cannot be shown the caller gets a readable reason.
 */
export async function openPicker(tabId: number, url: string, people: Capture[], now = Date.now()): Promise<SaveOutcome> {
  if (!mayShowPicker(url)) {
    return { kind: 'no-person', url, reason: i18n.t('background.pickerUnsupported') };
  }
  const listed = people.map(shown);
  await writePickerSession({ tabId, url: pageKey(url) ?? url, people: listed, startedAt: now, state: 'open' });
  try {
    await browser.scripting.executeScript({ target: { tabId }, func: setPickerPeople, args: [listed] });
    const [result] = await browser.scripting.executeScript({ target: { tabId }, files: ['/picker.js'] });
    if (typeof result?.result !== 'number' || result.result === 0) throw new Error('picker not shown');
  } catch {
    await writePickerSession({ tabId, url: pageKey(url) ?? url, people: listed, startedAt: now, state: 'failed', error: 'no picker' });
    return { kind: 'no-person', url, reason: i18n.t('background.pickerFailed') };
  }
  return { kind: 'picking', url, names: listed.map((p) => p.fullName) };
}

/** Why a picker message is refused; undefined when it is accepted. */
export function refusal(session: PickerSession | undefined, sender: Sender, now: number): string | undefined {
  if (!session || session.state !== 'open') return i18n.t('background.pickerNone');
  if (now - session.startedAt > PICKER_TTL_MS) return i18n.t('background.pickerExpired');
  if (sender.frameId !== 0) return i18n.t('errors.onlyTopFrame');
  if (pageKey(sender.url) !== session.url) return i18n.t('background.pickerPageChanged');
  return undefined;
}

/** Handles the picker's message. The router has already checked it is a content script's, and its shape. */
export async function handlePickerRequest(
  request: ContentRequest,
  sender: Sender,
  rereadTab: (tabId: number) => Promise<unknown>,
  now = Date.now(),
): Promise<{ fullName: string; created: boolean } | { closed: true }> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error(i18n.t('errors.onlyPage'));
  const session = await readPickerSession(tabId);
  const refused = refusal(session, sender, now);
  if (refused || !session) throw new Error(refused);
  if (request.type === 'picker-cancel') {
    await writePickerSession({ ...session, state: 'cancelled' });
    return { closed: true };
  }
  // Claimed before any await that could let a second message in: one save per picker.
  await writePickerSession({ ...session, state: 'saving' });
  try {
    const expected = session.people[request.index];
    if (!expected || expected.fullName !== request.fullName) throw new Error(i18n.t('background.pickerGone'));
    const people = peopleIn(await rereadTab(tabId));
    // The page is read again, by the background: only a person it finds, by the name the picker showed, is saved.
    const sameName = people.filter((p) => p.fullName === expected.fullName);
    const nth = session.people.slice(0, request.index).filter((p) => p.fullName === expected.fullName).length;
    const person = sameName[nth] ?? sameName[0];
    if (!person) throw new Error(i18n.t('background.pickerGone'));
    const photoThumb = person.photoUrl ? await fetchThumbnail(person.photoUrl) : undefined;
    const result = await saveCapture(person, now, { listed: true, photoThumb });
    await writePickerSession({ ...session, state: 'saved', saved: result });
    await afterSave(result.contact, { focus: true });
    return { fullName: result.contact.fullName, created: result.created };
  } catch (error) {
    await writePickerSession({ ...session, state: 'failed', error: error instanceof Error ? error.message : i18n.t('common.notSaved') });
    throw error;
  }
}
