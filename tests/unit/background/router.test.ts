import type { Browser } from 'wxt/browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { routeMessage } from '../../../background/router';
import { saveCapture } from '../../../storage/contacts';
import { db } from '../../../storage/db';
import { capture, snapshot } from '../helpers';

type Sender = Browser.runtime.MessageSender;
const EXT = 'chrome-extension://test-extension-id';
const page: Sender = { id: 'test-extension-id', url: `${EXT}/sidepanel.html`, frameId: 0 };
const contentScript = {
  id: 'test-extension-id',
  url: 'https://www.linkedin.com/in/priya-raman-md/',
  frameId: 0,
  tab: { id: 7, index: 0, pinned: false, highlighted: false, windowId: 1, active: true, incognito: false, discarded: false, autoDiscardable: true, selected: true, groupId: -1 },
} as unknown as Sender;

beforeEach(() => {
  // fakeBrowser does not implement `action`: record what the badge is set to.
  Object.assign(fakeBrowser.action, {
    setBadgeText: vi.fn(async () => undefined),
    setBadgeBackgroundColor: vi.fn(async () => undefined),
    setTitle: vi.fn(async () => undefined),
    setIcon: vi.fn(async () => undefined),
  });
});

describe('message router', () => {
  it('rejects a malformed message from a content script and changes nothing', async () => {
    await saveCapture(capture());
    const before = await snapshot();
    for (const message of [
      { type: 'save-tab', tabId: 'seven' },
      { type: 'data-changed', extra: true },
      { type: 'delete-all' },
      null,
      'save-tab',
      { type: 'save-tab', tabId: 7 },
    ]) {
      const reply = await routeMessage(message, contentScript);
      expect(reply.ok).toBe(false);
    }
    expect(await snapshot()).toEqual(before);
    expect(fakeBrowser.action.setBadgeText).not.toHaveBeenCalled();
  });

  it('rejects malformed requests from the extension’s own pages with a readable error', async () => {
    const before = await snapshot();
    const reply = await routeMessage({ type: 'save-tab', tabId: -1 }, page);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^Rapport received a request it does not understand \(.+\)\.$/) });
    expect(await routeMessage({ type: 'nope' }, page)).toMatchObject({ ok: false });
    const polluting = JSON.parse('{"type":"data-changed","__proto__":{"polluted":true}}') as unknown;
    expect(await routeMessage(polluting, page)).toMatchObject({ ok: false });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['another extension', { ...page, id: 'evil-extension' }],
    ['a lookalike origin', { ...page, url: 'chrome-extension://test-extension-id.evil.com/popup.html' }],
    ['a web page', { ...page, url: 'https://evil.com/' }],
    ['a sub-frame of our page', { ...page, frameId: 3 }],
    ['a file URL', { ...page, url: 'file:///tmp/x.html' }],
    ['a data URL', { ...page, url: 'data:text/html,hi' }],
    ['a content script', contentScript],
  ] as [string, Sender][])('refuses privileged requests from %s', async (_name, sender) => {
    expect(await routeMessage({ type: 'data-changed' }, sender)).toMatchObject({ ok: false });
    expect(fakeBrowser.action.setBadgeText).not.toHaveBeenCalled();
  });

  it('recounts the badge when a page reports a change', async () => {
    const { contact } = await saveCapture(capture());
    await db.contacts.update(contact.id, { nextFollowUpAt: 1 });
    expect(await routeMessage({ type: 'data-changed' }, page)).toEqual({ ok: true, value: { badge: 1 } });
    expect(fakeBrowser.action.setBadgeText).toHaveBeenLastCalledWith({ text: '1' });
    expect(await fakeBrowser.alarms.get('followups')).toBeDefined();
  });
});
