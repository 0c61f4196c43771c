/** "Point at the person", the background's side: it starts only where allowed and saves once, for its own tab and page. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handlePointerRequest, startPointer } from '../../../background/pointer';
import { readPointerSession } from '../../../messages/pointer-session';
import { db } from '../../../storage/db';
import { useLocale } from '../locale-messages';

type Sender = Browser.runtime.MessageSender;
const PAGE = 'https://www.fernhill-clinic.example.org/contact';
const TAB = 5;
let tabUrl = PAGE;
let injected: string[] = [];

function sender(overrides: Partial<Sender> = {}): Sender {
  return { id: 'test-extension-id', url: `${PAGE}#staff`, frameId: 0, tab: { id: TAB } as Sender['tab'], ...overrides } as Sender;
}
const RAW = { source: 'web', fullName: 'Ingrid Solberg', credentials: ['MD'], title: 'Medical Director', profileUrl: PAGE };

beforeEach(async () => {
  await useLocale('en');
  tabUrl = PAGE;
  injected = [];
  vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async (id: number) => ({ id, url: tabUrl, windowId: 1 }) as never);
  Object.assign(fakeBrowser.action, { setBadgeText: vi.fn(async () => undefined), setBadgeBackgroundColor: vi.fn(async () => undefined), setTitle: vi.fn(async () => undefined) });
  Object.assign(fakeBrowser, {
    scripting: {
      executeScript: vi.fn(async (injection: { files?: string[] }) => {
        injected.push(injection.files?.[0] ?? 'func');
        return [{ result: true }];
      }),
    },
  });
});

describe('pointing', () => {
  it('never starts on LinkedIn or Doximity, and touches nothing there', async () => {
    for (const url of ['https://www.linkedin.com/in/someone/', 'https://www.doximity.com/pub/someone-md']) {
      tabUrl = url;
      expect(await startPointer(TAB)).toMatchObject({ started: false, reason: expect.stringContaining('never changes LinkedIn or Doximity') });
    }
    expect(injected).toEqual([]);
    expect(await readPointerSession(TAB)).toBeUndefined();
  });

  it('saves the pointed person once, from the tab and page where it started', async () => {
    expect(await startPointer(TAB)).toEqual({ started: true, url: PAGE });
    expect(injected).toEqual(['/pointer.js']);
    expect(await handlePointerRequest({ type: 'pointer-capture', raw: RAW }, sender())).toEqual({ fullName: 'Ingrid Solberg', created: true });
    expect(await db.contacts.count()).toBe(1);
    // One save per pointing.
    await expect(handlePointerRequest({ type: 'pointer-capture', raw: { ...RAW, fullName: 'Someone Else' } }, sender())).rejects.toThrow(/not active/);
    expect(await db.contacts.count()).toBe(1);
  });

  it('refuses another tab, a frame, another page, an expired session and what is not a web capture', async () => {
    const now = Date.now();
    await startPointer(TAB, now);
    await expect(handlePointerRequest({ type: 'pointer-capture', raw: RAW }, sender({ tab: { id: TAB + 1 } as Sender['tab'] }))).rejects.toThrow();
    await expect(handlePointerRequest({ type: 'pointer-capture', raw: RAW }, sender({ frameId: 3 }))).rejects.toThrow(/page itself/);
    await expect(handlePointerRequest({ type: 'pointer-capture', raw: RAW }, sender({ url: 'https://www.fernhill-clinic.example.org/other' }))).rejects.toThrow(/page changed/);
    await expect(handlePointerRequest({ type: 'pointer-capture', raw: RAW }, sender(), now + 11 * 60_000)).rejects.toThrow(/expired/);
    await expect(handlePointerRequest({ type: 'pointer-capture', raw: { ...RAW, source: 'linkedin', profileUrl: 'https://www.linkedin.com/in/x/' } }, sender(), now)).rejects.toThrow(/no person/);
    expect(await db.contacts.count()).toBe(0);
  });

  it('Esc ends the session without saving', async () => {
    await startPointer(TAB);
    expect(await handlePointerRequest({ type: 'pointer-cancel' }, sender())).toEqual({ closed: true });
    expect((await readPointerSession(TAB))?.state).toBe('cancelled');
    await expect(handlePointerRequest({ type: 'pointer-capture', raw: RAW }, sender())).rejects.toThrow();
    expect(await db.contacts.count()).toBe(0);
  });
});
