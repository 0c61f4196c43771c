import type { Browser } from 'wxt/browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { mayShowPicker, openPicker, pageKey } from '../../../background/save-chosen-person';
import { routeMessage } from '../../../background/router';
import { saveTab } from '../../../background/save-tab';
import { PICKER_TTL_MS, readPickerSession } from '../../../messages/person-chooser-session';
import { db } from '../../../storage/db';
import { Capture, type CaptureInput } from '../../../model/schemas';
import { snapshot } from '../helpers';

type Sender = Browser.runtime.MessageSender;
const PAGE = 'https://www.northfield.example.org/im/residents';
const TAB = 7;

function person(fullName: string, title: string): CaptureInput {
  return { source: 'web', fullName, title, organization: 'Northfield General Hospital', profileUrl: PAGE };
}
const PEOPLE = [person('Chidi Okonkwo', 'Chief Resident'), person('Hannah Müller', 'PGY-3'), person('Sofia Reyes', 'PGY-1')];

function pickerSender(overrides: Partial<Sender> = {}): Sender {
  return {
    id: 'test-extension-id',
    url: `${PAGE}#pgy3`,
    frameId: 0,
    tab: { id: TAB, index: 0, pinned: false, highlighted: false, windowId: 1, active: true, incognito: false, discarded: false, autoDiscardable: true, selected: true, groupId: -1 },
    ...overrides,
  } as unknown as Sender;
}

/** The page as capture-page.js reports it; what picker.js returns; records every injection. */
let pageRead: unknown;
let injections: unknown[];
beforeEach(() => {
  pageRead = { people: PEOPLE };
  injections = [];
  Object.assign(fakeBrowser.action, {
    setBadgeText: vi.fn(async () => undefined),
    setBadgeBackgroundColor: vi.fn(async () => undefined),
    setTitle: vi.fn(async () => undefined),
    setIcon: vi.fn(async () => undefined),
  });
  Object.assign(fakeBrowser, {
    scripting: {
      executeScript: vi.fn(async (injection: { files?: string[]; func?: unknown }) => {
        injections.push(injection.files?.[0] ?? 'func');
        if (injection.files?.[0] === '/capture-page.js') return [{ result: pageRead }];
        if (injection.files?.[0] === '/picker.js') return [{ result: 3 }];
        return [{ result: undefined }];
      }),
    },
  });
  vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async (id: number) => ({ id, url: PAGE, windowId: 1 }) as never);
});

async function openOnGrid() {
  const outcome = await saveTab(TAB);
  expect(outcome).toEqual({ kind: 'picking', url: PAGE, names: ['Chidi Okonkwo', 'Hannah Müller', 'Sofia Reyes'] });
  return outcome;
}

describe('the in-page picker', () => {
  it('opens on a page listing several people and records it for that tab only', async () => {
    await openOnGrid();
    expect(injections).toEqual(['/capture-page.js', 'func', '/picker.js']);
    const session = await readPickerSession(TAB);
    expect(session).toMatchObject({ tabId: TAB, url: PAGE, state: 'open' });
    expect(session?.people[1]).toEqual({ fullName: 'Hannah Müller', detail: 'PGY-3' });
    expect(await readPickerSession(TAB + 1)).toBeUndefined();
    expect(await db.contacts.count()).toBe(0);
  });

  it('saves the chosen person, read again by the background, once', async () => {
    await openOnGrid();
    const reply = await routeMessage({ type: 'picker-choice', index: 1, fullName: 'Hannah Müller' }, pickerSender());
    expect(reply).toEqual({ ok: true, value: { fullName: 'Hannah Müller', created: true } });
    const [saved] = await db.contacts.toArray();
    expect(saved).toMatchObject({ fullName: 'Hannah Müller', title: 'PGY-3', source: 'web' });
    expect(saved?.identities).toEqual([`web:${PAGE}#hannah-müller`]);
    expect((await readPickerSession(TAB))?.state).toBe('saved');
    // The same answer again, or another, is refused: one save per picker.
    expect(await routeMessage({ type: 'picker-choice', index: 2, fullName: 'Sofia Reyes' }, pickerSender())).toMatchObject({ ok: false });
    expect(await db.contacts.count()).toBe(1);
  });

  it('makes two residents of one page two contacts', async () => {
    for (const [index, fullName] of [[0, 'Chidi Okonkwo'], [2, 'Sofia Reyes']] as const) {
      await openOnGrid();
      expect(await routeMessage({ type: 'picker-choice', index, fullName }, pickerSender())).toMatchObject({ ok: true });
    }
    expect((await db.contacts.toArray()).map((c) => c.fullName).sort()).toEqual(['Chidi Okonkwo', 'Sofia Reyes']);
  });

  it.each([
    ['another tab', pickerSender({ tab: { ...pickerSender().tab!, id: 99 } })],
    ['a sub-frame', pickerSender({ frameId: 4 })],
    ['another page in the tab', pickerSender({ url: 'https://www.northfield.example.org/im/faculty' })],
    ['another extension', pickerSender({ id: 'evil' })],
  ] as [string, Sender][])('refuses an answer from %s', async (_name, sender) => {
    await openOnGrid();
    const before = await snapshot();
    expect(await routeMessage({ type: 'picker-choice', index: 0, fullName: 'Chidi Okonkwo' }, sender)).toMatchObject({ ok: false });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses answers when no picker was opened, after it expired, or with a name it did not show', async () => {
    expect(await routeMessage({ type: 'picker-choice', index: 0, fullName: 'Chidi Okonkwo' }, pickerSender())).toMatchObject({ ok: false });
    await openPicker(TAB, PAGE, PEOPLE.map((p) => Capture.parse(p)), Date.now() - PICKER_TTL_MS - 1);
    expect(await routeMessage({ type: 'picker-choice', index: 0, fullName: 'Chidi Okonkwo' }, pickerSender())).toMatchObject({ ok: false });
    await openOnGrid();
    expect(await routeMessage({ type: 'picker-choice', index: 0, fullName: 'Mallory Evil' }, pickerSender())).toMatchObject({ ok: false });
    expect(await db.contacts.count()).toBe(0);
  });

  it('saves nothing when the page no longer shows the chosen person', async () => {
    await openOnGrid();
    pageRead = { people: [PEOPLE[0], PEOPLE[2]] };
    const reply = await routeMessage({ type: 'picker-choice', index: 1, fullName: 'Hannah Müller' }, pickerSender());
    expect(reply).toEqual({ ok: false, error: 'That person is not on the page any more.' });
    expect(await db.contacts.count()).toBe(0);
    expect((await readPickerSession(TAB))?.state).toBe('failed');
  });

  it('accepts only the picker’s two messages from a page, with their exact shape', async () => {
    await openOnGrid();
    for (const message of [
      { type: 'picker-choice', index: -1, fullName: 'Chidi Okonkwo' },
      { type: 'picker-choice', index: 0, fullName: 'Chidi Okonkwo', capture: { fullName: 'Injected' } },
      { type: 'picker-choice', index: '0', fullName: 'Chidi Okonkwo' },
      { type: 'save-tab', tabId: TAB },
      { type: 'data-changed' },
    ]) {
      expect(await routeMessage(message, pickerSender())).toMatchObject({ ok: false });
    }
    expect(await db.contacts.count()).toBe(0);
    expect(await routeMessage({ type: 'picker-cancel' }, pickerSender())).toEqual({ ok: true, value: { closed: true } });
    expect((await readPickerSession(TAB))?.state).toBe('cancelled');
  });

  it('is never shown on LinkedIn or Doximity', async () => {
    expect(mayShowPicker('https://www.linkedin.com/in/x/')).toBe(false);
    expect(mayShowPicker('https://fr.linkedin.com/search/results/people/')).toBe(false);
    expect(mayShowPicker('https://www.doximity.com/pub/x')).toBe(false);
    expect(mayShowPicker(PAGE)).toBe(true);
    const outcome = await openPicker(TAB, 'https://www.linkedin.com/search/results/people/', PEOPLE.map((p) => Capture.parse(p)));
    expect(outcome.kind).toBe('no-person');
    expect(injections).toEqual([]);
  });

  it('reports a picker that could not be shown', async () => {
    (fakeBrowser.scripting.executeScript as ReturnType<typeof vi.fn>).mockImplementation(async (injection: { files?: string[] }) =>
      injection.files?.[0] === '/capture-page.js' ? [{ result: pageRead }] : Promise.reject(new Error('Cannot access')),
    );
    expect(await saveTab(TAB)).toMatchObject({ kind: 'no-person' });
  });

  it('saves at once when the page lists one person only', async () => {
    pageRead = { people: [PEOPLE[0]] };
    expect(await saveTab(TAB)).toMatchObject({ kind: 'saved', created: true });
  });

  it('compares pages without their fragment', () => {
    expect(pageKey(`${PAGE}#pgy1`)).toBe(PAGE);
    expect(pageKey('not a url')).toBeUndefined();
  });
});
