/** Live sync's retry after a failed round (background/sync-retry.ts): a doubling wait, capped, reset by a success. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_RETRY_MS, MIN_RETRY_MS, backOff, retrying } from '../../../background/sync-retry';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('live sync retry', () => {
  it('waits twice as long after each failure, up to the cap, and the shortest again after a success', () => {
    const again = vi.fn();
    const retry = retrying(again);
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      waits.push(retry.failed());
      // Not before its wait, once after it.
      vi.advanceTimersByTime(waits.at(-1)! - 1);
      expect(again).toHaveBeenCalledTimes(i);
      vi.advanceTimersByTime(1);
      expect(again).toHaveBeenCalledTimes(i + 1);
    }
    expect(waits).toEqual([MIN_RETRY_MS, 1_000, 2_000, 4_000, MAX_RETRY_MS, MAX_RETRY_MS]);
    retry.succeeded();
    expect(retry.failed()).toBe(MIN_RETRY_MS);
    expect(retry.failed()).toBe(1_000);
  });

  it('keeps one timer at a time, and a cancelled one never runs', () => {
    const again = vi.fn();
    const retry = retrying(again);
    retry.failed();
    retry.failed();
    vi.advanceTimersByTime(MAX_RETRY_MS * 2);
    expect(again).toHaveBeenCalledTimes(1);
    retry.failed();
    retry.cancel();
    vi.advanceTimersByTime(MAX_RETRY_MS * 2);
    expect(again).toHaveBeenCalledTimes(1);
  });

  it('is the back-off handed to PouchDB too: doubling from half a second to five', () => {
    expect([0, 500, 1_000, 2_000, 4_000, 5_000].map(backOff)).toEqual([500, 1_000, 2_000, 4_000, 5_000, 5_000]);
  });
});
