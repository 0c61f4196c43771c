/**
 * Waiting on what a test expects, for as long as a busy machine needs. Vitest's `vi.waitFor` gives up after
 * 1 s by default, which failed tests whose answer was merely slow (2 shared cores, other work running):
 * here a check is retried every 10 ms for up to 30 s, so a test waits on the event, never on a clock.
 */
import { act } from 'react';
import { vi } from 'vitest';

export function eventually<T>(check: () => T | Promise<T>, timeout = 30_000): Promise<T> {
  return vi.waitFor(check, { timeout, interval: 10 });
}

/** For component tests: lets React render what arrived (a tick inside `act`), then checks, until it holds. */
export function until(check: () => unknown): Promise<unknown> {
  return eventually(async () => {
    await act(async () => new Promise((resolve) => setTimeout(resolve, 5)));
    await check();
  });
}
