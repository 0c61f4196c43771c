/**
 * The whole of a content script's behaviour: answer the background's one
 * request by reading the page. It listens to nothing from the page itself
 * (no window messages, no DOM events), so a page cannot drive it.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { EXTRACT_REQUEST } from './extract-request';
import type { CaptureInput } from '../model/schemas';
import type { ProblemAnswer } from '../capture/page-problem';

/** Each site's script passes its own extractor, so it bundles only that site's code. */
export type Extractor = (doc: Document, url: string) => CaptureInput | ProblemAnswer | null;

export function readPageOnRequest(ctx: ContentScriptContext, extract: Extractor): void {
  const listener = (message: unknown): Promise<unknown> | undefined => {
    // The request carries no data; anything else is not ours to answer.
    if (
      typeof message !== 'object' ||
      message === null ||
      (message as { type?: unknown }).type !== EXTRACT_REQUEST.type ||
      Object.keys(message).length !== 1
    ) {
      return undefined;
    }
    return Promise.resolve(extract(document, location.href));
  };
  // Kept from the start: after the extension reloads, this old copy's `chrome.runtime` is
  // gone, and reading `browser.runtime.onMessage` then throws (RELIABILITY F8).
  const onMessage = browser.runtime.onMessage;
  onMessage.addListener(listener);
  // When a newer copy starts (after a reload, the background injects one), this one stops quietly.
  ctx.onInvalidated(() => {
    try {
      onMessage.removeListener(listener);
    } catch {
      // The extension context is invalidated: the browser has already dropped the listener.
    }
  });
}
