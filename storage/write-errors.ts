/**
 * Turns storage failures into messages a person can act on. A full disk shows
 * up as a bare QuotaExceededError or as an AbortError whose `inner` is one
 * (dexie/Dexie.js#776, #1793); either way the transaction has rolled back.
 */

interface NamedError {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
}

function named(value: unknown): NamedError | undefined {
  return typeof value === 'object' && value !== null ? (value as NamedError) : undefined;
}

export function isQuotaError(error: unknown): boolean {
  let current = named(error);
  // Follow a few levels of wrapping (AbortError → inner → DOMException).
  for (let depth = 0; current && depth < 4; depth++) {
    if (current.name === 'QuotaExceededError') return true;
    current = named(current.inner);
  }
  return false;
}

export const STORAGE_FULL_MESSAGE =
  'Your browser’s storage is full, so nothing was saved and your data is as it was. Free some disk space (or clear other sites’ data), then try again.';

/** The message to show when a write failed; the transaction has rolled back, so nothing is half-written. */
export function writeErrorMessage(error: unknown): string {
  if (isQuotaError(error)) return STORAGE_FULL_MESSAGE;
  const message = named(error)?.message;
  const detail = typeof message === 'string' && message ? ` (${message})` : '';
  return `Rapport could not write to its storage, so nothing was changed${detail}. Try again.`;
}
