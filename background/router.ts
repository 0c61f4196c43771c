/**
 * The background's message router: checks who is asking, validates what they
 * ask with zod, and only then acts. Exported for unit tests; the entry point
 * only wires it to `runtime.onMessage`.
 */
import type { Browser } from 'wxt/browser';
import { i18n } from '../model/i18n';
import { ContentRequest, PageRequest, type Reply } from '../messages';
import { findByProfileUrl } from '../storage/contacts';
import { isQuotaError, STORAGE_FULL } from '../storage/write-errors';
import { profileRef } from '../model/profile-links';
import { say } from '../model/user-text';
import { browser } from 'wxt/browser';
import { afterSave } from './after-save';
import { requestBadgeRefresh } from './badge';
import { PointerRequest } from '../messages/pointer-session';
import { handlePickerRequest } from './save-chosen-person';
import { handlePointerRequest, startPointer } from './pointer';
import { readTab } from './read-tab';
import { saveTab } from './save-tab';
import { classifySender } from './senders';
import { disableSync, enableSync, syncNow, syncStatus } from './sync';
import { updateTabIcon } from './tab-icon';

type Sender = Browser.runtime.MessageSender;

/** A request's error as the user should read it, never a stack trace. */
function describe(error: unknown): string {
  if (isQuotaError(error)) return say(STORAGE_FULL);
  return error instanceof Error ? error.message : i18n.t('background.somethingWentWrong');
}

async function handle(request: PageRequest): Promise<unknown> {
  switch (request.type) {
    case 'save-tab': {
      const outcome = await saveTab(request.tabId);
      if (outcome.kind === 'saved') {
        await afterSave(outcome.contact, { tabId: request.tabId });
      }
      return outcome;
    }
    case 'tab-status': {
      const tab = await browser.tabs.get(request.tabId).catch(() => undefined);
      const ref = tab?.url ? profileRef(tab.url) : null;
      if (!ref) return {};
      return { profileUrl: ref.canonicalUrl, contact: await findByProfileUrl(ref.canonicalUrl) };
    }
    case 'data-changed': {
      // The recount also refreshes every tab's icon title (a burst of changes shares one recount).
      return { badge: await requestBadgeRefresh() };
    }
    case 'sync-status':
      return syncStatus();
    case 'sync-enable':
      return enableSync(request.setup);
    case 'sync-disable':
      return disableSync(request.serverCopy);
    case 'sync-now':
      return syncNow();
    case 'point-tab':
      return startPointer(request.tabId);
  }
}

export async function routeMessage(message: unknown, sender: Sender): Promise<Reply<unknown>> {
  const kind = classifySender(sender, browser.runtime.id, browser.runtime.getURL('/'));
  if (kind === 'content-script') return routeContentMessage(message, sender);
  if (kind !== 'extension-page') {
    return { ok: false, error: i18n.t('errors.foreignSender') };
  }
  const parsed = PageRequest.safeParse(message);
  if (!parsed.success) {
    return { ok: false, error: i18n.t('errors.malformedRequest', { detail: parsed.error.issues[0]?.message ?? '' }) };
  }
  try {
    return { ok: true, value: await handle(parsed.data) };
  } catch (error) {
    return { ok: false, error: describe(error) };
  }
}

/**
 * Content scripts ask for one thing only: the in-page picker's answer, an
 * index that background/save-chosen-person.ts accepts from the tab it opened the picker
 * in, once. Everything else from a page is refused.
 */
async function routeContentMessage(message: unknown, sender: Sender): Promise<Reply<unknown>> {
  const pointer = PointerRequest.safeParse(message);
  if (pointer.success) {
    try {
      return { ok: true, value: await handlePointerRequest(pointer.data, sender) };
    } catch (error) {
      return { ok: false, error: describe(error) };
    }
  }
  const parsed = ContentRequest.safeParse(message);
  if (!parsed.success) return { ok: false, error: i18n.t('errors.foreignSender') };
  try {
    return { ok: true, value: await handlePickerRequest(parsed.data, sender, async (tabId) => {
      const read = await readTab(tabId);
      return read.kind === 'page' ? read.raw : undefined;
    }) };
  } catch (error) {
    return { ok: false, error: describe(error) };
  }
}
