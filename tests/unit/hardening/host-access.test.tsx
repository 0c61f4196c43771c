/**
 * RELIABILITY S8 (the unit half): when the user has taken back Rapport's
 * access to LinkedIn or Doximity, a save says so and offers to ask again,
 * and the button asks the browser for exactly that site.
 */
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SITE_ORIGINS } from '../../../background/host-access';
import { saveTab } from '../../../background/save-tab';
import { GrantAccess } from '../../../components/popup/GrantAccess';
import { db } from '../../../storage/db';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const PROFILE = 'https://www.linkedin.com/in/priya-raman-md/';
let granted: boolean;

beforeEach(() => {
  granted = false;
  Object.assign(fakeBrowser.tabs, {
    get: vi.fn(async () => ({ id: 7, url: PROFILE })),
    // No content script answers, and injecting one fails: the browser withholds the site.
    sendMessage: vi.fn(async () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'))),
  });
  Object.assign(fakeBrowser, {
    scripting: { executeScript: vi.fn(async () => Promise.reject(new Error('Cannot access contents of the page.'))) },
    permissions: {
      contains: vi.fn(async () => granted),
      request: vi.fn(async () => (granted = true)),
    },
  });
});

describe('a save after access to the site was withdrawn', () => {
  it('answers "needs access" with the site’s origin, and writes nothing', async () => {
    const outcome = await saveTab(7);
    expect(outcome).toEqual({
      kind: 'needs-access',
      url: PROFILE,
      origins: [SITE_ORIGINS.linkedin],
      reason: expect.stringMatching(/no longer has access to linkedin\.com/),
    });
    expect(fakeBrowser.permissions.contains).toHaveBeenCalledWith({ origins: ['https://*.linkedin.com/*'] });
    expect(await db.contacts.count()).toBe(0);
  });

  it('with access granted, an unreadable page is still just unreadable', async () => {
    granted = true;
    expect(await saveTab(7)).toMatchObject({ kind: 'no-person' });
  });

  it('the popup’s button asks for that origin, within the click, then saves again', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    const onGranted = vi.fn();
    const outcome = await saveTab(7);
    if (outcome.kind !== 'needs-access') throw new Error('expected needs-access');
    await act(async () => root.render(createElement(GrantAccess, { outcome, onGranted })));
    expect(host.textContent).toContain('no longer has access to linkedin.com');
    const button = host.querySelector('button')!;
    expect(button.textContent).toBe('Grant access to linkedin.com');
    await act(async () => button.click());
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ origins: ['https://*.linkedin.com/*'] });
    await vi.waitFor(() => expect(onGranted).toHaveBeenCalledTimes(1));
    await act(async () => root.unmount());
    host.remove();
  });

  it('a refusal is said, not swallowed', async () => {
    Object.assign(fakeBrowser.permissions, { request: vi.fn(async () => false) });
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    const outcome = await saveTab(7);
    if (outcome.kind !== 'needs-access') throw new Error('expected needs-access');
    const onGranted = vi.fn();
    await act(async () => root.render(createElement(GrantAccess, { outcome, onGranted })));
    await act(async () => host.querySelector('button')!.click());
    await vi.waitFor(() => expect(host.querySelector('[role="alert"]')?.textContent).toMatch(/Access was not granted/));
    expect(onGranted).not.toHaveBeenCalled();
    await act(async () => root.unmount());
    host.remove();
  });
});
