import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createContextMenus, MENU_IDS, onCommand, onContextMenuClick } from '../../../background/context-menu';
import { outcomeMessage, saveFromGesture } from '../../../background/quick-save';
import { db } from '../../../storage/db';
import { getAddRequest, getFocusContact } from '../../../storage/ui-state';
import { capture } from '../helpers';
import { eventually } from '../wait';

const PAGE = 'https://www.riverside.example.edu/faculty/bello';
const tab = { id: 5, windowId: 2, url: PAGE, index: 0, pinned: false, highlighted: false, active: true, incognito: false, discarded: false, autoDiscardable: true, selected: true, groupId: -1 };

let pageRead: unknown;
let panelOpen: ReturnType<typeof vi.fn>;
let notify: ReturnType<typeof vi.fn>;
let menus: unknown[];
beforeEach(() => {
  pageRead = { source: 'web', fullName: 'Aisha Bello', title: 'Program Director', profileUrl: PAGE };
  menus = [];
  panelOpen = vi.fn(async () => undefined);
  notify = vi.fn(async () => 'id');
  (globalThis as { chrome?: unknown }).chrome = { sidePanel: { open: panelOpen } };
  Object.assign(fakeBrowser.action, {
    setBadgeText: vi.fn(async () => undefined),
    setBadgeBackgroundColor: vi.fn(async () => undefined),
    setTitle: vi.fn(async () => undefined),
    setIcon: vi.fn(async () => undefined),
  });
  Object.assign(fakeBrowser, {
    scripting: { executeScript: vi.fn(async () => [{ result: pageRead }]) },
    notifications: { create: notify, clear: vi.fn(), onClicked: fakeBrowser.notifications?.onClicked },
    contextMenus: { removeAll: vi.fn(async () => undefined), create: vi.fn((m: unknown) => menus.push(m)) },
  });
  vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async () => tab as never);
  vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation(async () => ({}) as never);
});

describe('saving from the context menu or the shortcut', () => {
  it('opens the side panel in the gesture’s task, saves, and shows the person there', async () => {
    const saving = saveFromGesture(tab as never);
    // Called before any await: the browser only opens the panel during the gesture.
    expect(panelOpen).toHaveBeenCalledWith({ windowId: 2 });
    const outcome = await saving;
    expect(outcome).toMatchObject({ kind: 'saved', created: true });
    expect((await getFocusContact())?.contactId).toBe((await db.contacts.toArray())[0]?.id);
    expect(notify).not.toHaveBeenCalled();
  });

  it('notifies instead when no panel could open', async () => {
    panelOpen.mockRejectedValue(new Error('no gesture'));
    await saveFromGesture(tab as never);
    expect(notify).toHaveBeenCalledWith('rapport-quick-save', expect.objectContaining({ title: 'Saved to Rapport', message: 'Aisha Bello is saved.' }));
  });

  it('offers the add-by-hand form with the page’s link on a page about no one', async () => {
    pageRead = null;
    const outcome = await saveFromGesture(tab as never);
    expect(outcome).toMatchObject({ kind: 'no-person', url: PAGE });
    expect(await getAddRequest()).toMatchObject({ profileUrl: PAGE, initial: {} });
    expect(await db.contacts.count()).toBe(0);
  });

  it('the shortcut saves the tab it was pressed on; other commands do nothing', async () => {
    onCommand('something-else', tab as never);
    expect(panelOpen).not.toHaveBeenCalled();
    onCommand('save-person', tab as never);
    expect(panelOpen).toHaveBeenCalledTimes(1);
    await eventually(async () => expect(await db.contacts.count()).toBe(1));
  });

  it('creates both menus, and the selection menu prefills a contact for the user to confirm', async () => {
    await createContextMenus();
    expect(menus).toEqual([
      expect.objectContaining({ id: MENU_IDS.savePerson, title: 'Save person to Rapport' }),
      expect.objectContaining({ id: MENU_IDS.saveSelection, title: 'Save selection as contact', contexts: ['selection'] }),
    ]);
    onContextMenuClick(
      { menuItemId: MENU_IDS.saveSelection, selectionText: 'Dr. Aisha Bello — Program Director at Riverside Medical Center — abello@riverside.example.edu', pageUrl: PAGE, editable: false } as never,
      tab as never,
    );
    expect(panelOpen).toHaveBeenCalled();
    await eventually(async () =>
      expect(await getAddRequest()).toMatchObject({
        profileUrl: PAGE,
        initial: { fullName: 'Aisha Bello', title: 'Program Director', organization: 'Riverside Medical Center', email: 'abello@riverside.example.edu' },
      }),
    );
    // Nothing is saved until the user confirms the form.
    expect(await db.contacts.count()).toBe(0);
  });

  it('drops a prefilled value that is not valid rather than the whole request', async () => {
    onContextMenuClick({ menuItemId: MENU_IDS.saveSelection, selectionText: 'Sam Lee', pageUrl: 'javascript:alert(1)', editable: false } as never, tab as never);
    await eventually(async () => expect(await getAddRequest()).toMatchObject({ initial: { fullName: 'Sam Lee' } }));
    expect((await getAddRequest())?.profileUrl).toBeUndefined();
  });

  it('words each outcome for a notification', () => {
    const contact = { ...capture(), id: 'a', source: 'linkedin' } as never;
    expect(outcomeMessage({ kind: 'saved', contact, created: false })).toMatchObject({ title: 'Updated in Rapport' });
    expect(outcomeMessage({ kind: 'picking', url: PAGE, names: ['A', 'B'] }).message).toContain('choose one on the page');
    expect(outcomeMessage({ kind: 'no-person', reason: 'Nobody here.' }).message).toBe('Nobody here.');
  });
});
