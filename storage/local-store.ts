/**
 * The page's localStorage, or undefined where there is none (a worker, a blocked profile). Synchronous and kept past
 * the page's end: the close-time notes of autosave and of writes in progress use it, never the records themselves.
 */
export function localStore(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
