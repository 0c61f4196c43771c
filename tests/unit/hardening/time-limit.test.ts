// @vitest-environment node (no DOM reached: see vitest.config.ts)
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TimeLimitError, withTimeLimit } from '../../../background/time-limit';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('withTimeLimit', () => {
  it('settles as the work does, and leaves no timer behind', async () => {
    await expect(withTimeLimit(Promise.resolve(3), 1_000, 'slow')).resolves.toBe(3);
    await expect(withTimeLimit(Promise.reject(new Error('refused')), 1_000, 'slow')).rejects.toThrow('refused');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects with a TimeLimitError carrying the message once the limit passes', async () => {
    const result = withTimeLimit(new Promise(() => undefined), 1_000, 'Too slow.').catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(1_000);
    const error = await result;
    expect(error).toBeInstanceOf(TimeLimitError);
    expect((error as Error).message).toBe('Too slow.');
  });

  it('a late rejection of abandoned work is not an unhandled rejection', async () => {
    let fail!: (error: Error) => void;
    const work = new Promise((_, reject) => (fail = reject));
    const result = withTimeLimit(work, 10, 'slow').catch(() => 'timed out');
    await vi.advanceTimersByTimeAsync(10);
    expect(await result).toBe('timed out');
    fail(new Error('late'));
    await Promise.resolve();
  });
});
