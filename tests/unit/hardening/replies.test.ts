// @vitest-environment node (no DOM reached: see vitest.config.ts)
/**
 * Pages check the background's answers with the same schemas as the requests:
 * a malformed or forged reply is refused with a readable error, never used.
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendToBackground } from '../../../messages';

function answer(reply: unknown): void {
  fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve(reply));
}

describe('sendToBackground checks the reply', () => {
  it('returns a well-formed answer', async () => {
    answer({ ok: true, value: { badge: 3 } });
    await expect(sendToBackground({ type: 'data-changed' })).resolves.toEqual({ badge: 3 });
  });

  it('throws the background’s own error message', async () => {
    answer({ ok: false, error: 'The page link cannot identify a contact.' });
    await expect(sendToBackground({ type: 'save-tab', tabId: 1 })).rejects.toThrow('The page link cannot identify a contact.');
  });

  it.each([
    ['a value of the wrong shape', { ok: true, value: { badge: -1 } }],
    ['a saved contact with a script link', { ok: true, value: { kind: 'saved', created: true, contact: { fullName: 'X', profiles: { web: 'javascript:alert(1)' } } } }],
    ['an unknown outcome', { ok: true, value: { kind: 'deleted-everything' } }],
    ['no ok flag', { value: { badge: 1 } }],
  ])('refuses %s', async (_, reply) => {
    answer(reply);
    const request = 'kind' in ((reply as { value?: object }).value ?? {}) ? ({ type: 'save-tab', tabId: 1 } as const) : ({ type: 'data-changed' } as const);
    await expect(sendToBackground(request)).rejects.toThrow('could not read');
  });
});
