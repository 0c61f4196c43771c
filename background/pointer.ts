/**
 * "Point at the person" (issue 13), the background's side: starts the
 * in-page pointer on the user's request (activeTab + scripting, like the
 * chooser) and saves what it sends back, after checking that it comes from
 * the top frame of the tab and page where pointing started, within the time
 * limit, once, and that it validates as a capture. Never on LinkedIn or
 * Doximity, whose pages Rapport does not change.
 */
import { i18n } from '../model/i18n';
import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';
import { validateCapture } from '../capture/index';
import { POINTER_TTL_MS, readPointerSession, writePointerSession, type PointerRequest } from '../messages/pointer-session';
import { saveCapture } from '../storage/contacts';
import { afterSave } from './after-save';
import { fetchThumbnail } from './photo-thumb';
import { mayShowPicker, pageKey } from './save-chosen-person';
import { UserError, userText, type UserText } from '../model/user-text';

type Sender = Browser.runtime.MessageSender;

export type PointOutcome = { started: true; url: string } | { started: false; reason: string };

export async function startPointer(tabId: number, now = Date.now()): Promise<PointOutcome> {
  const url = (await browser.tabs.get(tabId).catch(() => undefined))?.url;
  const key = pageKey(url);
  if (!url || !key || !mayShowPicker(url)) return { started: false, reason: i18n.t('capture.pointNotHere') };
  await writePointerSession({ tabId, url: key, startedAt: now, state: 'open' });
  await browser.scripting.executeScript({ target: { tabId }, files: ['/pointer.js'] });
  return { started: true, url };
}

function refusal(session: Awaited<ReturnType<typeof readPointerSession>>, sender: Sender, now: number): UserText | undefined {
  if (!session || session.state !== 'open') return userText('errors.pointingInactive');
  if (now - session.startedAt > POINTER_TTL_MS) return userText('errors.pointingExpired');
  if (sender.frameId !== 0) return userText('errors.onlyTopFrame');
  if (pageKey(sender.url) !== session.url || !mayShowPicker(session.url)) return userText('errors.pointingPageChanged');
  return undefined;
}

/** The pointer's message; the router has checked that a content script sent it, and its shape. */
export async function handlePointerRequest(request: PointerRequest, sender: Sender, now = Date.now()): Promise<{ fullName: string; created: boolean } | { closed: true }> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new UserError(userText('errors.onlyPage'));
  const session = await readPointerSession(tabId);
  const refused = refusal(session, sender, now);
  if (refused || !session) throw new UserError(refused ?? userText('errors.pointingInactive'));
  if (request.type === 'pointer-cancel') {
    await writePointerSession({ ...session, state: 'cancelled' });
    return { closed: true };
  }
  // Claimed before any await that could let a second message in: one save per pointing.
  await writePointerSession({ ...session, state: 'saving' });
  try {
    const capture = validateCapture(request.raw);
    // A pointed-at person is a web capture of this page; never a LinkedIn or Doximity record.
    if (!capture || capture.source !== 'web') throw new UserError(userText('errors.pointingNoPerson'));
    const photoThumb = capture.photoUrl ? await fetchThumbnail(capture.photoUrl) : undefined;
    const result = await saveCapture(capture, now, { listed: pageKey(capture.profileUrl) === session.url, photoThumb });
    await writePointerSession({ ...session, state: 'saved' });
    await afterSave(result.contact, { focus: true });
    return { fullName: result.contact.fullName, created: result.created };
  } catch (error) {
    await writePointerSession({ ...session, state: 'failed' });
    throw error;
  }
}
