/**
 * Turns storage failures into messages a person can act on. A full disk shows
 * up as a bare QuotaExceededError or as an AbortError whose `inner` is one
 * (dexie/Dexie.js#776, #1793); either way the transaction has rolled back.
 */
import { userText, type UserText } from '../model/user-text';

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

export const STORAGE_FULL = userText('errors.storageFull');

/**
 * What to tell the user when a write failed; the transaction has rolled back, so nothing is half-written. A
 * UserText, as the import worker writes too and has no browser.i18n.
 */
export function writeErrorText(error: unknown): UserText {
  if (isQuotaError(error)) return STORAGE_FULL;
  const message = named(error)?.message;
  return typeof message === 'string' && message
    ? userText('errors.writeFailedBecause', { detail: message })
    : userText('errors.writeFailed');
}
