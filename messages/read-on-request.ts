/**
 * The whole of a content script's behaviour: answer the background's one
 * request by reading the page. It listens to nothing from the page itself
 * (no window messages, no DOM events), so a page cannot drive it.
 * It uses the browser's own runtime API, not the polyfill: see platform/native-runtime.ts.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { EXTRACT_REQUEST } from './extract-request';
import type { CaptureInput } from '../model/schemas';
import type { ProblemAnswer } from '../capture/page-problem';
import { runtimeOnMessage, type RuntimeListener } from '../platform/native-runtime';

/** Each site's script passes its own extractor, so it bundles only that site's code. */
export type Extractor = (doc: Document, url: string) => CaptureInput | ProblemAnswer | null;

/** The request carries no data; anything else is not ours to answer. */
function isExtractRequest(message: unknown): boolean {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === EXTRACT_REQUEST.type &&
    Object.keys(message).length === 1
  );
}

export function readPageOnRequest(ctx: ContentScriptContext, extract: Extractor): void {
  const listener: RuntimeListener = (message, _sender, reply) => {
    // Reading is synchronous, so the answer goes back before the listener returns.
    if (isExtractRequest(message)) reply(extract(document, location.href));
    return undefined;
  };
  // Kept from the start: after the extension reloads, this old copy's `chrome.runtime` is
  // gone, and reading `runtime.onMessage` then throws (RELIABILITY F8).
  const onMessage = runtimeOnMessage();
  if (!onMessage) return;
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
