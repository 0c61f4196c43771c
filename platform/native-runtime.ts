/**
 * The browser's own extension API for the two always-on content scripts, without
 * webextension-polyfill (about 5.5 KB minified, over a third of what the LinkedIn
 * script needs of its budget, RELIABILITY L4). Their builds resolve `wxt/browser`
 * to this file (wxt.config.ts), so WXT's ContentScriptContext, which only reads
 * `browser.runtime.id`, uses it too; every other context keeps the polyfill.
 *
 * Firefox gives content scripts a native promise-based `browser`; Chrome gives
 * `chrome` (and `browser` only in recent versions). Both take a reply through
 * `sendResponse` called synchronously, which is all the content scripts do: a
 * promise returned from a listener is honoured only by Firefox and recent Chrome,
 * and Rapport supports Chrome from 116.
 */

/** Answers the message; called at most once, before the listener returns. */
export type Reply = (response: unknown) => void;
/** Returns nothing: a returned `true` (answer later) or promise is not portable, and never needed here. */
export type RuntimeListener = (message: unknown, sender: unknown, reply: Reply) => undefined;

export interface RuntimeMessageEvent {
  addListener(listener: RuntimeListener): void;
  removeListener(listener: RuntimeListener): void;
}

interface NativeRuntime {
  id?: string;
  onMessage: RuntimeMessageEvent;
}

interface NativeApi {
  runtime?: NativeRuntime;
}

const scope = globalThis as { browser?: NativeApi; chrome?: NativeApi };

/** What `wxt/browser` is in the content scripts: Firefox's `browser` when it is the extension's, else Chrome's `chrome`. */
export const browser: NativeApi | undefined = scope.browser?.runtime?.id ? scope.browser : scope.chrome;

/**
 * `runtime.onMessage`, read now: after the extension reloads, an old copy's runtime
 * is gone and reading it then would throw (RELIABILITY F8). Undefined when the
 * script starts already cut off from the extension: it then has nothing to answer.
 */
export function runtimeOnMessage(): RuntimeMessageEvent | undefined {
  try {
    return browser?.runtime?.onMessage;
  } catch {
    return undefined;
  }
}
