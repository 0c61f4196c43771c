/**
 * A time limit on browser calls that may never settle. In Chromium,
 * `scripting.executeScript` on a tab whose site access was withdrawn can stay
 * pending until the browser closes (RELIABILITY S8); without a limit the popup
 * and the side panel would say "Saving…" for ever.
 */

/** Thrown when a call did not settle within its limit; the call itself is abandoned, not cancelled. */
export class TimeLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimeLimitError';
  }
}

/** Settles as `work` does, or rejects with a TimeLimitError once `ms` have passed. */
export function withTimeLimit<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeLimitError(message)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
