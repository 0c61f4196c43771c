/**
 * The whole of a content script's behaviour: answer the background's one
 * request by reading the page. It listens to nothing from the page itself
 * (no window messages, no DOM events), so a page cannot drive it.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { EXTRACT_REQUEST } from '../messages/extract-request';
import { extractRaw } from './extract';

export function readPageOnRequest(ctx: ContentScriptContext): void {
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
    return Promise.resolve(extractRaw(document, location.href));
  };
  browser.runtime.onMessage.addListener(listener);
  // After the extension reloads, this old copy must stop answering quietly.
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}
