/**
 * Follow-ups in the built extension: the badge counts a due follow-up, keeps
 * counting right after the service worker is stopped and woken, the popup
 * lists it with one-click drafting, and a reply empties it.
 */
import type { Page, Worker } from '@playwright/test';
import { badgeText } from '../../scripts/chromium';
import { expect, openFixturePage, openPopup, test } from './fixtures';
import { freshWorker, markWorker, stopWorker } from './worker-control';

const RESIDENT = 'linkedin/profile-resident';

/**
 * Recorded from the popup's first script on: the first due row as the snapshot painted it and as the live view drew
 * it when it took over (each measured in the mutation's microtask, before a frame), its box taken from the due list's
 * own top (the save's outcome above it is the save's news, not the takeover's), and the due count in the header.
 */
function recordPopupPaint() {
  type Seen = { name: string; due: string; top: number; left: number; width: number; height: number };
  const record: { snapshot?: Seen; live?: Seen } = {};
  (window as unknown as { popupPaint: typeof record }).popupPaint = record;
  const seen = (scope: Element): Seen | undefined => {
    const item = scope.querySelector('ul > li');
    const list = item?.closest('section');
    if (!item || !list) return undefined;
    const box = item.getBoundingClientRect();
    const from = list.getBoundingClientRect();
    const due = scope.querySelector('header span')?.textContent ?? '';
    return { name: item.querySelector('strong')?.textContent ?? '', due, top: box.top - from.top, left: box.left, width: box.width, height: box.height };
  };
  new MutationObserver(() => {
    const copy = document.querySelector('[data-first-paint]');
    if (copy) record.snapshot ??= seen(copy);
    const root = document.getElementById('root');
    if (!copy && root && !root.hidden) record.live ??= seen(root);
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
}

function actionTitle(worker: Worker, tabId?: number): Promise<string> {
  return worker.evaluate((id) => chrome.action.getTitle(id === undefined ? {} : { tabId: id }), tabId);
}

/** Opens the side panel page on the contact saved from the LinkedIn tab. */
async function openContact(panel: Page): Promise<void> {
  const mark = panel.getByRole('button', { name: /Mark (message|follow-up) sent/ });
  const listed = panel.getByRole('button', { name: /Priya Raman/ }).first();
  await expect(mark.or(listed).first()).toBeVisible();
  // The panel may open the tab's saved person by itself a moment after listing everyone.
  if (!(await mark.isVisible())) await listed.click({ timeout: 2_000 }).catch(() => undefined);
  await expect(mark).toBeVisible();
}

/** In an open side panel: marks a message sent to the tab's saved person and moves its follow-up into the past. */
async function makeFollowUpDue(panel: Page, worker: Worker): Promise<void> {
  await openContact(panel);
  await panel.getByRole('button', { name: 'Mark message sent' }).click();
  await panel.getByLabel('Next follow-up').fill('2020-01-01');
  await expect.poll(() => badgeText(worker)).toBe('1');
}

test('a due follow-up is counted on the badge, survives a stopped worker, and leaves with the reply', async ({
  context,
  worker,
  extensionId,
}) => {
  const { tabId } = await openFixturePage(context, worker, RESIDENT);

  // Save through the popup, which also lists follow-ups: none yet.
  const popup = await openPopup(context, extensionId, tabId);
  await expect(popup.getByTestId('saved-card')).toContainText('Saved to Rapport');
  await expect(popup.getByTestId('due-empty')).toContainText('No follow-ups due');
  await popup.close();

  // Mark a message sent in the side panel: a follow-up is scheduled, not due.
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
  await openContact(panel);
  await panel.getByRole('button', { name: 'Mark message sent' }).click();
  await expect(panel.getByLabel('Status')).toHaveValue('awaiting_reply');
  await expect(panel.getByLabel('Next follow-up')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  expect(await badgeText(worker)).toBe('');

  // Time passes: the follow-up falls due.
  await panel.getByLabel('Next follow-up').fill('2020-01-01');
  await expect.poll(() => badgeText(worker)).toBe('1');
  await expect.poll(() => actionTitle(worker)).toContain('1 follow-up due');
  // The LinkedIn tab's own title (which hides the global one) says it too.
  await expect.poll(() => actionTitle(worker, tabId)).toBe('Rapport: 1 follow-up due · Priya Raman is saved (click to update)');

  // Chrome stops the idle worker; its alarms remain, and the next event wakes a new one that recounts.
  await markWorker(worker);
  await stopWorker(context, panel);
  const reply = await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'data-changed' }));
  expect(reply).toEqual({ ok: true, value: { badge: 1 } });
  const second = await freshWorker(context);
  await expect.poll(() => badgeText(second)).toBe('1');
  expect(await second.evaluate(() => chrome.alarms.get('followups'))).toBeTruthy();
  expect(await second.evaluate(() => chrome.alarms.get('followups-midnight'))).toBeTruthy();

  // Stopped again, then a change made in the panel wakes it: the count follows the data.
  await markWorker(second);
  await stopWorker(context, panel);
  await panel.getByLabel('Next follow-up').fill('2099-01-01');
  await expect(panel.getByLabel('Next follow-up')).toHaveValue('2099-01-01');
  const worker3 = await freshWorker(context);
  await expect.poll(() => badgeText(worker3)).toBe('');
  await panel.getByLabel('Next follow-up').fill('2020-01-01');
  await expect.poll(() => badgeText(worker3)).toBe('1');

  // The popup lists the due contact; "Reply received" there clears the badge.
  const popup2 = await openPopup(context, extensionId, tabId);
  const item = popup2.getByTestId('due-item');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Priya Raman');
  await expect(item).toContainText('Follow-up 1 of 2');
  await item.getByRole('button', { name: 'Reply received from Priya Raman' }).click();
  await expect(popup2.getByTestId('due-empty')).toBeVisible();
  await expect.poll(() => badgeText(worker3)).toBe('');
  await expect(panel.getByLabel('Status')).toHaveValue('replied');
});

test('the popup lists the due follow-up; "Draft follow-up" opens its drafting in the side panel', async ({
  context,
  worker,
  extensionId,
}) => {
  const { tabId } = await openFixturePage(context, worker, RESIDENT);

  const popup = await openPopup(context, extensionId, tabId);
  await expect(popup.getByTestId('saved-card')).toContainText('Saved to Rapport');

  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
  await makeFollowUpDue(panel, worker);
  await panel.close();

  // The open popup followed the panel's write, and copied its due list for the next open's first paint.
  await expect.poll(() => popup.evaluate(() => localStorage.getItem('rapport:popup-screen') ?? ''), { timeout: 30_000 }).toContain('Priya Raman');
  await popup.addInitScript(recordPopupPaint);
  await popup.reload();
  const item = popup.getByTestId('due-item');
  await expect(item).toContainText('Priya Raman');
  await expect(item).toContainText(/days overdue/);
  // Painted from the snapshot before React loaded, and the live view took over with the row in place and the same count.
  const paint = await popup.evaluate(() => (window as unknown as { popupPaint: { snapshot?: { name: string }; live?: { name: string } } }).popupPaint);
  expect(paint.snapshot?.name).toBe('Priya Raman');
  expect(paint.live).toEqual(paint.snapshot);
  // Keyboard: snooze opens a group of choices and is reachable without a mouse.
  const snooze = item.getByRole('button', { name: 'Snooze Priya Raman' });
  await snooze.focus();
  await popup.keyboard.press('Enter');
  await expect(snooze).toHaveAttribute('aria-expanded', 'true');
  await expect(item.getByRole('group', { name: 'Snooze Priya Raman for' }).getByRole('button', { name: 'A week' })).toBeVisible();
  await popup.keyboard.press('Enter'); // closes it again
  await expect(snooze).toHaveAttribute('aria-expanded', 'false');

  // Automation cannot open the real side panel; the popup records which draft to show either way.
  await item.getByRole('button', { name: 'Draft follow-up to Priya Raman' }).click();
  // Where the panel did open, the popup closes itself, as a real popup does.
  const opened = await Promise.race([
    popup
      .getByRole('alert')
      .waitFor()
      .then(
        () => 'error shown' as const,
        () => 'popup closed' as const,
      ),
    popup.waitForEvent('close').then(() => 'popup closed' as const),
  ]);
  if (opened === 'error shown') await expect(popup.getByRole('alert')).toContainText('side panel did not open');

  const sidepanel = await context.newPage();
  await sidepanel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  const composer = sidepanel.getByTestId('draft-composer');
  await expect(composer).toBeVisible();
  await expect(composer).toHaveAttribute('aria-label', /Priya Raman/);
  await expect(composer.getByLabel('Template')).toHaveValue('builtin:follow-up-1');
  await expect(sidepanel.getByRole('tab', { name: 'Draft' })).toHaveAttribute('aria-selected', 'true');
});

test('snoozing a week takes it off the badge; the side panel’s Follow-ups section lists what is due', async ({
  context,
  worker,
  extensionId,
}) => {
  const { tabId } = await openFixturePage(context, worker, RESIDENT);
  const popup = await openPopup(context, extensionId, tabId);
  await expect(popup.getByTestId('saved-card')).toBeVisible();

  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
  await makeFollowUpDue(panel, worker);

  await panel.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Follow-ups' }).click();
  const item = panel.getByTestId('due-item');
  await expect(item).toContainText('Priya Raman');
  await item.getByRole('button', { name: 'Snooze Priya Raman' }).click();
  await item.getByRole('button', { name: 'A week' }).click();
  await expect(panel.getByTestId('due-empty')).toBeVisible();
  await expect(panel.getByRole('status').filter({ hasText: 'Snoozed Priya Raman' })).toBeVisible();
  await expect.poll(() => badgeText(worker)).toBe('');
  expect(await worker.evaluate(() => chrome.alarms.get('followups-next'))).toBeTruthy();
});
