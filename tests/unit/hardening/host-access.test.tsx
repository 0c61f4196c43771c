/**
 * RELIABILITY S8 (the unit half): when the user has taken back Rapport's
 * access to LinkedIn or Doximity, a save says so and offers to ask again,
 * and the button asks the browser for exactly those sites. Chromium then
 * hides a reloaded tab's address, and may leave `executeScript` pending for
 * ever: neither may end as "not a web page" or an endless "Saving…".
 */
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SITE_ORIGINS, siteLabels } from '../../../platform/host-access';
import { hiddenTabReasonWithoutAccess, READ_TIME_LIMIT_MS, readTab } from '../../../background/read-tab';
import { saveTab } from '../../../background/save-tab';
import { GrantAccess } from '../../../components/popup/GrantAccess';
import { SaveOutcome } from '../../../messages';
import { db } from '../../../storage/db';
import { eventually } from '../wait';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const PROFILE = 'https://www.linkedin.com/in/priya-raman-md/';
let granted: boolean;
/** What `tabs.get` tells Rapport about the tab: no address when the browser hides it. */
let tabUrl: string | undefined;

beforeEach(() => {
  granted = false;
  tabUrl = PROFILE;
  Object.assign(fakeBrowser.tabs, {
    get: vi.fn(async () => ({ id: 7, url: tabUrl })),
    // No content script answers, and injecting one fails: the browser withholds the site.
    sendMessage: vi.fn(async () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'))),
  });
  Object.assign(fakeBrowser, {
    scripting: { executeScript: vi.fn(async () => Promise.reject(new Error('Cannot access contents of the page.'))) },
    permissions: {
      contains: vi.fn(async (_: { origins: string[] }) => granted),
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
      reason: expect.stringMatching(/no longer has access to LinkedIn pages/),
    });
    expect(SaveOutcome.parse(outcome)).toEqual(outcome);
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
    expect(host.textContent).toContain('no longer has access to LinkedIn pages');
    const button = host.querySelector('button')!;
    expect(button.textContent).toBe('Grant access to LinkedIn');
    await act(async () => button.click());
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ origins: ['https://*.linkedin.com/*'] });
    await eventually(() => expect(onGranted).toHaveBeenCalledTimes(1));
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
    await eventually(() => expect(host.querySelector('[role="alert"]')?.textContent).toMatch(/Access was not granted/));
    expect(onGranted).not.toHaveBeenCalled();
    await act(async () => root.unmount());
    host.remove();
  });
});

describe('a tab whose address the browser hides (access withdrawn, then the tab reloaded)', () => {
  beforeEach(() => {
    tabUrl = undefined;
  });

  it('answers "needs access" for every withdrawn site, without touching the tab', async () => {
    const outcome = await saveTab(7);
    expect(outcome).toEqual({
      kind: 'needs-access',
      origins: [SITE_ORIGINS.linkedin, SITE_ORIGINS.doximity],
      reason:
        'Rapport can’t see this tab any more: its access to LinkedIn and Doximity pages is turned off. ' +
        'Allow it to read them again, or click the Rapport icon in the toolbar to read this page once.',
    });
    expect(SaveOutcome.parse(outcome)).toEqual(outcome);
    expect(fakeBrowser.tabs.sendMessage).not.toHaveBeenCalled();
    expect(fakeBrowser.scripting.executeScript).not.toHaveBeenCalled();
    expect(await db.contacts.count()).toBe(0);
  });

  it('asks only for the site that was taken back', async () => {
    fakeBrowser.permissions.contains = vi.fn(async ({ origins }: { origins?: string[] }) => origins?.[0] !== SITE_ORIGINS.doximity) as never;
    expect(await readTab(7)).toMatchObject({ kind: 'needs-access', origins: [SITE_ORIGINS.doximity], reason: expect.stringMatching(/access to Doximity pages/) });
  });

  it('with every site allowed, a hidden address is a site read only on request: the answer says how to ask', async () => {
    granted = true;
    expect(await saveTab(7)).toEqual({ kind: 'no-person', reason: hiddenTabReasonWithoutAccess() });
    expect(hiddenTabReasonWithoutAccess()).toMatch(/click the Rapport icon in the toolbar/);
  });

  it('the button names both sites and asks for both within the click', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    const onGranted = vi.fn();
    const outcome = await saveTab(7);
    if (outcome.kind !== 'needs-access') throw new Error('expected needs-access');
    await act(async () => root.render(createElement(GrantAccess, { outcome, onGranted })));
    const button = host.querySelector('button')!;
    expect(button.textContent).toBe('Grant access to LinkedIn and Doximity');
    button.click();
    // Synchronously in the click handler: the browser only prompts within the user gesture.
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ origins: [SITE_ORIGINS.linkedin, SITE_ORIGINS.doximity] });
    await eventually(() => expect(onGranted).toHaveBeenCalledTimes(1));
    await act(async () => root.unmount());
    host.remove();
  });
});

describe('a read that never settles', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    // Chromium's executeScript on a tab it no longer lets Rapport see: pending until the browser closes.
    Object.assign(fakeBrowser.scripting, { executeScript: vi.fn(() => new Promise(() => undefined)) });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ends as a clear error after the time limit, with access granted', async () => {
    granted = true;
    tabUrl = 'https://www.riverside.example.edu/faculty/bello';
    let outcome: unknown;
    void readTab(7).then((read) => (outcome = read));
    await vi.advanceTimersByTimeAsync(READ_TIME_LIMIT_MS - 1);
    expect(outcome).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(outcome).toEqual({
      kind: 'unreadable',
      url: 'https://www.riverside.example.edu/faculty/bello',
      reason: 'Rapport could not read this page in time. Reload the page and try again.',
    });
  });

  it('ends as "needs access" when the site was taken back', async () => {
    const reading = readTab(7);
    await vi.advanceTimersByTimeAsync(READ_TIME_LIMIT_MS);
    expect(await reading).toMatchObject({ kind: 'needs-access', url: PROFILE, origins: [SITE_ORIGINS.linkedin] });
  });
});

describe('siteLabels', () => {
  it('names the sites as the user knows them', () => {
    expect(siteLabels([SITE_ORIGINS.linkedin])).toBe('LinkedIn');
    expect(siteLabels([SITE_ORIGINS.linkedin, SITE_ORIGINS.doximity])).toBe('LinkedIn and Doximity');
    expect(siteLabels(['https://media.licdn.com/*', SITE_ORIGINS.linkedin, SITE_ORIGINS.doximity])).toBe('media.licdn.com, LinkedIn and Doximity');
  });
});
