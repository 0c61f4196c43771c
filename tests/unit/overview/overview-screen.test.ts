/**
 * The Overview's snapshot (overview/overview-screen.ts, storage/overview-screen.ts): it holds the season's figures
 * as the live read answers them, any write to a table they come from makes it stale at once (a deleted contact is
 * never drawn), and it is drawn only on the day, in the zone and by the build it was read in.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OVERVIEW_SCREEN_FORMAT, parseOverviewScreen } from '../../../overview/overview-screen';
import { deleteContact, saveCapture } from '../../../storage/contacts';
import { OVERVIEW_SCREEN, invalidateFirstScreen } from '../../../storage/first-screen';
import { logInteraction } from '../../../storage/interactions';
import { addLetter } from '../../../storage/letters';
import { currentOverviewScreen, screenContext, seasonOverview, writeOverviewScreen } from '../../../storage/overview-screen';
import { addProgram } from '../../../storage/programs';
import { updateSettings } from '../../../storage/settings';
import { saveTemplate } from '../../../storage/templates';
import { capture } from '../helpers';

const NOW = Date.UTC(2026, 8, 9, 12);
const original = process.env.TZ;

beforeEach(() => {
  process.env.TZ = 'UTC';
  localStorage.clear();
});
afterEach(() => {
  process.env.TZ = original;
  localStorage.clear();
});

/** Writes the snapshot and expects it drawn with exactly the live read's figures. */
async function expectCurrent(): Promise<void> {
  expect(await writeOverviewScreen()).toBe(true);
  expect(await currentOverviewScreen(Date.now())).toEqual(await seasonOverview(Date.now()));
}

describe('the Overview’s snapshot', () => {
  it('holds the live read’s figures, and every write to a table they come from makes it stale before it is made', async () => {
    await expectCurrent();
    const { contact } = await saveCapture(capture());
    expect(await currentOverviewScreen(Date.now())).toBeUndefined();
    expect(await writeOverviewScreen()).toBe(true);
    const writes: [string, () => Promise<unknown>][] = [
      ['an interaction', () => logInteraction(contact.id, { kind: 'message_sent', channel: 'linkedin', at: NOW }, NOW)],
      ['a letter', () => addLetter({ writerId: contact.id })],
      ['a program', () => addProgram({ name: 'Northfield IM', stage: 'applied' })],
      ['a template', () => saveTemplate({ name: 'Mine', channel: 'email', body: 'Hello {firstName}' })],
      ['the settings', () => updateSettings({ followUpDays: 9 })],
    ];
    for (const [what, write] of writes) {
      await write();
      expect(await currentOverviewScreen(Date.now()), what).toBeUndefined();
      expect(await writeOverviewScreen()).toBe(true);
    }
    expect((await currentOverviewScreen(Date.now()))!.funnel.reached).toBe(1);
    // A deleted contact: stale at once, and the snapshot read after it no longer counts them.
    await deleteContact(contact.id);
    expect(await currentOverviewScreen(Date.now())).toBeUndefined();
    await expectCurrent();
    expect((await currentOverviewScreen(Date.now()))!.funnel.reached).toBe(0);
  });

  it('a write from a context without localStorage (the background’s stamp) makes it stale too', async () => {
    await expectCurrent();
    await fakeBrowser.storage.local.set({ [OVERVIEW_SCREEN.stampKey]: 'background-write' });
    expect(await currentOverviewScreen(Date.now())).toBeUndefined();
    await expectCurrent();
    invalidateFirstScreen('interactions');
    expect(await currentOverviewScreen(Date.now())).toBeUndefined();
  });

  it('is drawn only on the day, in the zone and by the build it was read in; a damaged or misshapen one never', async () => {
    await expectCurrent();
    const raw = localStorage.getItem(OVERVIEW_SCREEN.key)!;
    const here = screenContext(Date.now());
    expect(parseOverviewScreen(raw, here)?.format).toBe(OVERVIEW_SCREEN_FORMAT);
    expect(parseOverviewScreen(raw, { ...here, day: '2099-01-01' })).toBeUndefined();
    expect(parseOverviewScreen(raw, { ...here, zone: 'Pacific/Auckland|-780|-720' })).toBeUndefined();
    expect(parseOverviewScreen(raw, { ...here, build: 'another' })).toBeUndefined();
    expect(parseOverviewScreen(raw.slice(0, -2), here)).toBeUndefined();
    const stored = JSON.parse(raw);
    expect(parseOverviewScreen(JSON.stringify({ ...stored, figures: { ...stored.figures, funnel: { reached: -1, replied: 0, conversation: 0 } } }), here)).toBeUndefined();
    expect(parseOverviewScreen(JSON.stringify({ ...stored, format: OVERVIEW_SCREEN_FORMAT + 1 }), here)).toBeUndefined();
    // Tomorrow's Overview reads afresh.
    expect(await currentOverviewScreen(Date.now() + 86_400_000)).toBeUndefined();
  });
});
