/**
 * RELIABILITY F5: every listener that can wake a stopped service worker is
 * registered synchronously by the background's main(), before any await.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background';
import { eventually } from '../wait';

/** The fake's events count their listeners; the browser's own types do not declare it. */
const hasListeners = (event: unknown) => (event as { hasListeners(): boolean }).hasListeners();

afterEach(() => {
  vi.useRealTimers();
});

it('registers its listeners synchronously, then recounts and re-creates its alarms', async () => {
  Object.assign(fakeBrowser.action, { setIcon: vi.fn(async () => undefined) });
  // The fake browser has no runtime.onConnect (sync's live port): a minimal event stands in.
  const connectListeners: unknown[] = [];
  Object.assign(fakeBrowser.runtime, {
    onConnect: { addListener: (listener: unknown) => connectListeners.push(listener), hasListeners: () => connectListeners.length > 0 },
  });
  expect(hasListeners(fakeBrowser.runtime.onMessage)).toBe(false);

  const result = background.main();
  // Checked in the same task as main(): nothing has been awaited yet.
  expect(result).toBeUndefined();
  expect(hasListeners(fakeBrowser.runtime.onMessage)).toBe(true);
  expect(hasListeners(fakeBrowser.alarms.onAlarm)).toBe(true);
  expect(hasListeners(fakeBrowser.runtime.onStartup)).toBe(true);
  expect(hasListeners(fakeBrowser.runtime.onInstalled)).toBe(true);
  expect(hasListeners(fakeBrowser.notifications.onClicked)).toBe(true);
  expect(hasListeners(fakeBrowser.tabs.onUpdated)).toBe(true);
  expect(hasListeners(fakeBrowser.runtime.onConnect)).toBe(true);

  // The start of the worker recounts from the database and (re)creates its alarms.
  await eventually(async () => {
    expect(await fakeBrowser.alarms.get('followups')).toBeDefined();
    expect(await fakeBrowser.alarms.get('followups-midnight')).toBeDefined();
  });
});
