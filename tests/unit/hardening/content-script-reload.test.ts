/**
 * RELIABILITY F8 (the unit half): after the extension reloads, the old copy of
 * a content script lives on in an open tab with its `chrome.runtime` gone. When
 * the new copy starts there, the old one must stop without throwing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { readPageOnRequest } from '../../../messages/read-on-request';
import { EXTRACT_REQUEST } from '../../../messages/extract-request';

const extract = vi.fn(() => ({ source: 'linkedin' as const, fullName: 'Priya Raman', profileUrl: 'https://www.linkedin.com/in/priya/' }));
/**
 * What the background's request gets back from the listeners still there: each answers through
 * `sendResponse`, as the browser's own onMessage wants (platform/native-runtime.ts), before it returns.
 */
async function ask(message: unknown = { ...EXTRACT_REQUEST }): Promise<unknown[]> {
  const answers: unknown[] = [];
  // The fake's types are the polyfill's listener (no sendResponse); the native one takes it third.
  const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
  const returned = await trigger(message, {}, (answer: unknown) => answers.push(answer));
  // A listener that returned `true` or a promise would answer later, which old Chrome does not take.
  expect(returned.every((value) => value === undefined)).toBe(true);
  return answers;
}

const runtime = fakeBrowser.runtime;
const copies: ContentScriptContext[] = [];

/** A copy of the LinkedIn content script starting in the page: it tells older copies to stop. */
function start(): ContentScriptContext {
  const ctx = new ContentScriptContext('linkedin');
  copies.push(ctx);
  return ctx;
}

afterEach(() => {
  // Put back a runtime taken away by a test, and stop every copy so none outlives its test.
  Object.defineProperty(fakeBrowser, 'runtime', { value: runtime, configurable: true, writable: true });
  for (const ctx of copies.splice(0)) ctx.abort();
});

describe('readPageOnRequest across an extension reload', () => {
  it('answers the background’s request, and stops answering once a newer copy starts', async () => {
    const old = start();
    readPageOnRequest(old, extract);
    expect(await ask()).toEqual([expect.objectContaining({ fullName: 'Priya Raman' })]);
    // Anything but the bare request is not answered.
    expect(await ask({ ...EXTRACT_REQUEST, tabId: 1 })).toEqual([]);
    expect(await ask('rapport:extract')).toEqual([]);

    start();
    expect(old.isInvalid).toBe(true);
    expect(await ask()).toEqual([]);
  });

  it('stops without an uncaught error when the old copy’s runtime is already gone', () => {
    const old = start();
    readPageOnRequest(old, extract);
    const uncaught: unknown[] = [];
    const onError = (event: ErrorEvent) => uncaught.push(event.error ?? event.message);
    window.addEventListener('error', onError);
    // What Chrome leaves an old content script after chrome.runtime.reload(): no `runtime`.
    Object.defineProperty(fakeBrowser, 'runtime', { value: undefined, configurable: true, writable: true });
    try {
      // The reloaded extension's copy starts in the same tab and tells the old one to stop.
      expect(() => start()).not.toThrow();
    } finally {
      window.removeEventListener('error', onError);
    }
    expect(old.signal.aborted).toBe(true);
    expect(uncaught).toEqual([]);
  });
});
