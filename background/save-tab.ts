/** Saves the person shown in a tab: read, validate, store. */
import { validateCapture } from '../capture/index';
import type { SaveOutcome } from '../messages';
import { saveCapture } from '../storage/contacts';
import { readTab } from './read-tab';

export async function saveTab(tabId: number, now = Date.now()): Promise<SaveOutcome> {
  const read = await readTab(tabId);
  if (read.kind === 'unreadable') return { kind: 'no-person', url: read.url, reason: read.reason };
  // Page data is untrusted: it is validated here, in the background, whatever the content script did.
  const capture = validateCapture(read.raw);
  if (!capture) {
    return { kind: 'no-person', url: read.url, reason: 'Rapport found no person on this page.' };
  }
  const result = await saveCapture(capture, now);
  return { kind: 'saved', ...result };
}
