/**
 * The badge: recounted from the database, its count repeated in every tab's
 * tooltip, recounts coalesced under bursts (RELIABILITY L7), alarms that fire
 * together after a sleep recount once and notify once (F4), and the daily
 * summary's click.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { actionTitle } from '../../../background/action-title';
import {
  ALARMS,
  badgeText,
  MIN_REFRESH_INTERVAL_MS,
  refreshBadge,
  requestBadgeRefresh,
  resetBadgeThrottle,
} from '../../../background/badge';
import { notifyDailySummary, openFollowUpsFromNotification, SUMMARY_NOTIFICATION_ID, summaryMessage } from '../../../background/daily-summary';
import { routeMessage } from '../../../background/router';
import background from '../../../entrypoints/background';
import { saveCapture } from '../../../storage/contacts';
import { db } from '../../../storage/db';
import { updateSettings } from '../../../storage/settings';
import { getSectionRequest } from '../../../storage/ui-state';
import { capture } from '../helpers';

const page = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/sidepanel.html', frameId: 0 };
const DAY = 86_400_000;

/** Lets real IndexedDB work (setImmediate) and fake timers both move on. */
async function tick(ms = 5): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await new Promise((resolve) => setImmediate(resolve));
}

async function settle<T>(promise: Promise<T>, budgetMs = 5_000): Promise<T> {
  let done = false;
  const watched = promise.finally(() => (done = true));
  for (let waited = 0; !done && waited < budgetMs; waited += 5) await tick(5);
  return watched;
}

async function seedDue(count: number, dueAt: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { contact } = await saveCapture(capture({ fullName: `Person ${i}`, profileUrl: `https://www.linkedin.com/in/person-${i}/` }));
    await db.contacts.update(contact.id, { status: 'awaiting_reply', nextFollowUpAt: dueAt });
    ids.push(contact.id);
  }
  return ids;
}

let badgeSets: number[];
// The fake's own setter, kept once: wrapping the wrapper of a previous test would count every call twice.
const realSetBadgeText = fakeBrowser.action.setBadgeText.bind(fakeBrowser.action);
let chromeStub: { sidePanel: { open: ReturnType<typeof vi.fn> } };

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(new Date(2026, 4, 12, 10));
  resetBadgeThrottle();
  badgeSets = [];
  Object.assign(fakeBrowser.action, {
    setIcon: vi.fn(async () => undefined),
    setBadgeText: vi.fn(async (details: { text: string }) => {
      badgeSets.push(Date.now());
      return realSetBadgeText(details);
    }),
  });
  chromeStub = { sidePanel: { open: vi.fn(async () => undefined) } };
  (globalThis as { chrome?: unknown }).chrome = chromeStub;
});

afterEach(() => {
  vi.useRealTimers();
  delete (globalThis as { chrome?: unknown }).chrome;
});

describe('badge', () => {
  it('shows the count, empty at zero, with a tooltip, and sets the alarms', async () => {
    expect(await refreshBadge()).toBe(0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.action.getTitle({})).toBe('Rapport: save a person from this page');

    await seedDue(3, Date.now() - DAY);
    const later = new Date(2026, 4, 20).getTime();
    const { contact } = await saveCapture(capture({ fullName: 'Later One', profileUrl: 'https://www.linkedin.com/in/later/' }));
    await db.contacts.update(contact.id, { nextFollowUpAt: later });

    expect(await refreshBadge()).toBe(3);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
    expect(await fakeBrowser.action.getTitle({})).toBe('Rapport: 3 follow-ups due · save a person from this page');
    expect(await fakeBrowser.alarms.get(ALARMS.periodic)).toMatchObject({ periodInMinutes: 60 });
    expect((await fakeBrowser.alarms.get(ALARMS.midnight))?.scheduledTime).toBe(new Date(2026, 4, 13).getTime());
    expect((await fakeBrowser.alarms.get(ALARMS.next))?.scheduledTime).toBe(later);
  });

  it('caps the text at what the badge can show', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(42)).toBe('42');
    expect(badgeText(1500)).toBe('999+');
  });

  it('repeats the count in each tab’s own title, which would otherwise hide it', async () => {
    const { contact } = await saveCapture(capture());
    await db.contacts.update(contact.id, { nextFollowUpAt: Date.now() - DAY });
    const profileTab = await fakeBrowser.tabs.create({ url: 'https://www.linkedin.com/in/priya-raman-md/' });
    const otherTab = await fakeBrowser.tabs.create({});
    await refreshBadge();
    expect(await fakeBrowser.action.getTitle({ tabId: profileTab.id })).toBe(
      'Rapport: 1 follow-up due · Priya Raman is saved (click to update)',
    );
    expect(await fakeBrowser.action.getTitle({ tabId: otherTab.id })).toBe(actionTitle(1));

    await db.contacts.update(contact.id, { nextFollowUpAt: undefined });
    await refreshBadge();
    expect(await fakeBrowser.action.getTitle({ tabId: profileTab.id })).toBe('Rapport: Priya Raman is saved (click to update)');
    expect(await fakeBrowser.action.getTitle({ tabId: otherTab.id })).toBe('Rapport: save a person from this page');
  });

  it('L7: 1,000 changes in a burst recount at most once per 500 ms, and every answer is current', async () => {
    const ids = await seedDue(1, Date.now() + DAY);
    const replies: Promise<unknown>[] = [];
    // 1,000 writes, each reported by its context, over about a second.
    for (let i = 0; i < 1_000; i++) {
      await db.contacts.update(ids[0]!, { nextFollowUpAt: i === 999 ? Date.now() - 1 : Date.now() + DAY + i });
      replies.push(routeMessage({ type: 'data-changed' }, page));
      if (i % 5 === 0) await tick(5);
    }
    const answers = await settle(Promise.all(replies));
    expect(badgeSets.length).toBeGreaterThan(0);
    expect(badgeSets.length).toBeLessThanOrEqual(Math.ceil((badgeSets.at(-1)! - badgeSets[0]!) / MIN_REFRESH_INTERVAL_MS) + 1);
    for (let i = 1; i < badgeSets.length; i++) {
      expect(badgeSets[i]! - badgeSets[i - 1]!).toBeGreaterThanOrEqual(MIN_REFRESH_INTERVAL_MS);
    }
    // The last answer reflects the last write: the recount it waited for started after it.
    expect(answers.at(-1)).toEqual({ ok: true, value: { badge: 1 } });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    // A thousand writes on fake-indexeddb, and every recount counts three kinds: generous under a shared CPU.
  }, 180_000);

  it('a request made while a recount runs gets a newer one', async () => {
    const [id] = await seedDue(1, Date.now() - DAY);
    const first = requestBadgeRefresh();
    await tick(30); // the first recount has started
    await db.contacts.update(id!, { nextFollowUpAt: undefined });
    const second = requestBadgeRefresh();
    expect(await settle(first)).toBe(1);
    expect(await settle(second)).toBe(0);
  });
});

describe('F4: alarms firing after a sleep', () => {
  it('recounts once and shows one daily summary, however many alarms fire', async () => {
    await updateSettings({ dailySummary: true });
    await seedDue(2, Date.now() - 3 * DAY);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');

    // A fresh worker: listeners, then its own start-up recount (never a summary).
    background.main();
    await settle(requestBadgeRefresh());
    expect(create).not.toHaveBeenCalled();
    badgeSets = [];

    // The machine wakes after missing several periods: every alarm fires at once.
    vi.setSystemTime(Date.now() + 2 * DAY);
    for (const name of [ALARMS.periodic, ALARMS.midnight, ALARMS.next, ALARMS.periodic, ALARMS.periodic]) {
      await fakeBrowser.alarms.onAlarm.trigger({ name, scheduledTime: Date.now() - DAY });
    }
    await settle(requestBadgeRefresh());
    expect(badgeSets).toHaveLength(1);
    expect(create).toHaveBeenCalledTimes(1);
    const [id, options] = create.mock.calls[0] as unknown as [string, object];
    expect(id).toBe(SUMMARY_NOTIFICATION_ID);
    expect(options).toMatchObject({ type: 'basic', title: 'Rapport: 2 follow-ups due' });

    // The worker restarts the same day (memory lost): the badge is recounted, the summary is not repeated.
    resetBadgeThrottle();
    await fakeBrowser.alarms.onAlarm.trigger({ name: ALARMS.periodic, scheduledTime: Date.now() });
    // The start-up listener answers once its recount is done.
    await settle(fakeBrowser.runtime.onStartup.trigger());
    expect(create).toHaveBeenCalledTimes(1);

    // Next day, once more.
    vi.setSystemTime(new Date(2026, 4, 15, 0, 0, 5));
    await fakeBrowser.alarms.onAlarm.trigger({ name: ALARMS.midnight, scheduledTime: Date.now() });
    await settle(requestBadgeRefresh());
    expect(create).toHaveBeenCalledTimes(2);
  });

  it('ignores alarms that are not its own', async () => {
    background.main();
    await settle(requestBadgeRefresh());
    badgeSets = [];
    await tick(MIN_REFRESH_INTERVAL_MS);
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'someone-else', scheduledTime: Date.now() });
    await tick(MIN_REFRESH_INTERVAL_MS * 2);
    expect(badgeSets).toHaveLength(0);
  });
});

describe('daily summary', () => {
  it('is opt-in and needs something due', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await seedDue(1, Date.now() - DAY);
    expect(await notifyDailySummary(1)).toBe(false);
    await updateSettings({ dailySummary: true });
    expect(await notifyDailySummary(0)).toBe(false);
    expect(await notifyDailySummary(1)).toBe(true);
    expect(await notifyDailySummary(1)).toBe(false);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('tries again later the same day when the notification could not be shown', async () => {
    await updateSettings({ dailySummary: true });
    vi.spyOn(fakeBrowser.notifications, 'create').mockRejectedValueOnce(new Error('blocked'));
    await expect(notifyDailySummary(2)).rejects.toThrow('blocked');
    expect(await notifyDailySummary(2)).toBe(true);
  });

  it('names the first people waiting', () => {
    expect(summaryMessage(['Priya Raman'], 1)).toBe('Priya Raman is waiting for a follow-up.');
    expect(summaryMessage(['Priya Raman', 'Sam Lee'], 2)).toBe('Priya Raman and Sam Lee are waiting for a follow-up.');
    expect(summaryMessage(['Priya Raman', 'Sam Lee'], 3)).toBe('Priya Raman, Sam Lee and 1 other are waiting for a follow-up.');
    expect(summaryMessage(['Priya Raman', 'Sam Lee'], 7)).toBe('Priya Raman, Sam Lee and 5 others are waiting for a follow-up.');
  });

  it('a click opens the side panel at once (within the click’s gesture) on the follow-ups', async () => {
    await fakeBrowser.notifications.create(SUMMARY_NOTIFICATION_ID, { type: 'basic', iconUrl: '', title: 't', message: 'm' });
    const tabsBefore = await fakeBrowser.tabs.query({});
    openFollowUpsFromNotification(SUMMARY_NOTIFICATION_ID);
    // Synchronously, before anything was awaited.
    expect(chromeStub.sidePanel.open).toHaveBeenCalledWith({ windowId: -2 });
    await tick();
    expect(await getSectionRequest()).toMatchObject({ section: 'followups', at: new Date(2026, 4, 12, 10).getTime() });
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect(await fakeBrowser.tabs.query({})).toEqual(tabsBefore);
  });

  it('opens the list in a tab when the side panel cannot open', async () => {
    chromeStub.sidePanel.open.mockRejectedValueOnce(new Error('may only be called in response to a user gesture'));
    const before = (await fakeBrowser.tabs.query({})).length;
    openFollowUpsFromNotification(SUMMARY_NOTIFICATION_ID);
    for (let i = 0; i < 10; i++) await tick();
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs).toHaveLength(before + 1);
    expect(tabs.at(-1)?.url).toBe('chrome-extension://test-extension-id/sidepanel.html');
    expect(await getSectionRequest()).toMatchObject({ section: 'followups' });
  });

  it('ignores other notifications', () => {
    openFollowUpsFromNotification('another');
    expect(chromeStub.sidePanel.open).not.toHaveBeenCalled();
  });
});
