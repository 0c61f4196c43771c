/** R4: persistent storage is asked for at start, never twice once granted; Settings says so when it is refused. */
import { act, createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StorageNotice } from '../../../components/settings/StorageNotice';
import { requestPersistence } from '../../../storage/persistence';
import { reactHostForEachTest } from '../react-host';

const screen = reactHostForEachTest();

function fakeStorage(persisted: boolean, grant: boolean) {
  return { persisted: vi.fn(async () => persisted), persist: vi.fn(async () => grant) };
}

afterEach(() => {
  delete (navigator as { storage?: unknown }).storage;
});

describe('persistent storage', () => {
  it('R4: asks when not yet persistent, and reports the answer', async () => {
    const refused = fakeStorage(false, false);
    expect(await requestPersistence(refused)).toBe('refused');
    expect(refused.persist).toHaveBeenCalledTimes(1);
    const granted = fakeStorage(false, true);
    expect(await requestPersistence(granted)).toBe('granted');
    const already = fakeStorage(true, true);
    expect(await requestPersistence(already)).toBe('granted');
    expect(already.persist).not.toHaveBeenCalled();
    expect(await requestPersistence(undefined)).toBe('unavailable');
    expect(await requestPersistence({ persisted: async () => Promise.reject(new Error('x')), persist: async () => true })).toBe('refused');
  });

  it('R4: Settings shows a notice only when the browser refused', async () => {
    Object.defineProperty(navigator, 'storage', { value: fakeStorage(false, false), configurable: true });
    await screen.render(createElement(StorageNotice));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 5)));
    expect(screen.host.querySelector('[data-testid="storage-notice"]')?.textContent).toMatch(/has not granted Rapport persistent storage/);

    Object.defineProperty(navigator, 'storage', { value: fakeStorage(true, true), configurable: true });
    await screen.render(createElement('div', { key: 'reset' }));
    await screen.render(createElement(StorageNotice, { key: 'again' }));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 5)));
    expect(screen.host.querySelector('[data-testid="storage-notice"]')).toBeNull();
  });
});
