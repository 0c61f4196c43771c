/**
 * How live sync tries again after a failure: a doubling wait, from half a second to five seconds, back to
 * the shortest after a success. Used for the engine's rounds (background/sync.ts) and handed to PouchDB's
 * live replication as its back-off.
 */

/**
 * PouchDB's own back-off grows to ten minutes, so a laptop back online after a while would wait minutes
 * for its first exchange. Five seconds at most costs one request.
 */
export const MAX_RETRY_MS = 5_000;
export const MIN_RETRY_MS = 500;

export const backOff = (delay: number): number => Math.min(MAX_RETRY_MS, Math.max(MIN_RETRY_MS, delay * 2));

export interface Retry {
  /** After a failure: runs `again` once after the next wait (one timer at a time); returns that wait. */
  failed(): number;
  /** After a success: the next failure waits the shortest again. */
  succeeded(): void;
  cancel(): void;
}

export function retrying(again: () => void, timers: { set: typeof setTimeout; clear: typeof clearTimeout } = { set: setTimeout, clear: clearTimeout }): Retry {
  let wait = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    failed() {
      wait = backOff(wait);
      timer ??= timers.set(() => {
        timer = undefined;
        again();
      }, wait);
      return wait;
    },
    succeeded() {
      wait = 0;
    },
    cancel() {
      if (timer !== undefined) timers.clear(timer);
      timer = undefined;
    },
  };
}
