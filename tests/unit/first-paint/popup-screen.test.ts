// The popup's first paint: its snapshot (a copy of the live due list), when it goes stale, and how it is painted.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../../model/schemas';
import { addContact, deleteContacts, firstContacts } from '../../../storage/contacts';
import { updateSettings } from '../../../storage/settings';
import { POPUP_SCREEN, readFirstScreen, readGen, writeFirstScreen } from '../../../storage/first-screen';
import { buildCopy, copyElement, isCopiedNode, MAX_ITEMS } from '../../../components/first-paint/dom-copy';
import { currentPopupScreen, paintPopup, popupScreenUntil, takeOverPopup } from '../../../components/first-paint/paint-popup';
import { writePopupScreen } from '../../../components/first-paint/write-popup-screen';
import { paintFirstScreen } from '../../../components/first-paint/first-paint';
import { uiLanguage } from '../../../components/format';
import { PopupReads } from '../../../components/first-paint/popup-reads';

const add = (fullName: string, extra: Partial<Contact> = {}) => addContact({ fullName, status: 'not_contacted', ...extra } as Parameters<typeof addContact>[0]);

/** A live popup's <main> as PopupApp draws it, with one due row per name. */
function livePopup(names: string[], due = `${names.length} follow-ups due`): HTMLElement {
  const main = document.createElement('main');
  const header = document.createElement('header');
  const count = document.createElement('span');
  count.dataset.testid = 'due-count';
  count.textContent = due;
  header.append(count);
  const section = document.createElement('section');
  section.className = 'stack';
  section.dataset.testid = 'due-list';
  const list = document.createElement('ul');
  for (const name of names) {
    const item = document.createElement('li');
    item.className = 'card stack';
    item.dataset.testid = 'due-item';
    const strong = document.createElement('strong');
    strong.textContent = name;
    item.append(strong);
    list.append(item);
  }
  section.append(list);
  main.append(header, section);
  return main;
}

const popupNames = async () => {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  await paintFirstScreen(root, paintPopup, () => currentPopupScreen(uiLanguage()));
  return [...document.querySelectorAll('[data-first-paint] li strong')].map((el) => el.textContent);
};

beforeEach(() => localStorage.clear());
afterEach(() => {
  localStorage.clear();
  document.body.replaceChildren();
});

/** An element with attributes and one child (text as text), made with DOM calls. */
function el(tag: string, attributes: Record<string, string>, child: string | Node): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(child);
  return element;
}

describe('the copy of the live view', () => {
  it('keeps text as text, leaves out test ids, links and what the user just did, and closes menus', () => {
    const section = document.createElement('section');
    section.dataset.testid = 'due-list';
    // Built with DOM calls, as the live view is: a name that reads like markup, a transient line, an open menu.
    const heading = el('h2', { tabindex: '-1' }, 'Due');
    const transient = el('p', { role: 'status', 'data-transient': '' }, 'Snoozed Ana.');
    const item = el('li', { class: 'card', 'data-kind': 'letter' }, el('strong', {}, '<img src=x onerror=alert(1)>'));
    item.append(el('button', { type: 'button', 'aria-expanded': 'true', onclick: 'x()' }, 'Snooze'));
    section.append(heading, transient, el('ul', {}, item));
    const copy = copyElement(section)!;
    const built = buildCopy(copy) as HTMLElement;
    expect(built.querySelector('img')).toBeNull();
    expect(built.querySelector('strong')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(built.querySelector('[data-testid]')).toBeNull();
    expect(built.textContent).not.toContain('Snoozed');
    expect(built.querySelector('button')?.getAttribute('aria-expanded')).toBe('false');
    expect(built.querySelector('button')?.hasAttribute('onclick')).toBe(false);
    expect(built.querySelector('li')?.dataset.kind).toBe('letter');
  });

  it('keeps a first screen of a long list, copies no tag it does not know, and stored data of another shape is not built', () => {
    const many = livePopup(Array.from({ length: 40 }, (_, i) => `P ${i}`)).querySelector('section')!;
    expect((buildCopy(copyElement(many)!) as HTMLElement).querySelectorAll('li')).toHaveLength(MAX_ITEMS);
    const linked = document.createElement('section');
    linked.append(el('a', { href: 'https://evil.example/' }, 'x'));
    expect(copyElement(linked)).toBeUndefined();
    expect(isCopiedNode(['script', {}, ['alert(1)']])).toBe(false);
    expect(isCopiedNode(['div', { href: 'https://evil.example/' }, []])).toBe(false);
    expect(isCopiedNode(['div', { onclick: 'x()' }, []])).toBe(false);
    expect(isCopiedNode(['div', { class: 'card' }, ['Ana', ['strong', {}, ['Ruiz']]]])).toBe(true);
  });
});

describe('the popup’s snapshot', () => {
  it('paints the due count and the copied list, inert, beside the hidden live view, which then takes over', async () => {
    await add('Ana Ruiz');
    expect(await writePopupScreen(livePopup(['Ana Ruiz', 'Ben Ode']), readGen(POPUP_SCREEN))).toBe(true);
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    expect(await paintFirstScreen(root, paintPopup, () => currentPopupScreen(uiLanguage()))).toBeDefined();
    const copy = document.querySelector<HTMLElement>('[data-first-paint]')!;
    expect(copy.inert).toBe(true);
    expect(root.hidden).toBe(true);
    expect(copy.querySelector('header span')?.textContent).toBe('2 follow-ups due');
    expect([...copy.querySelectorAll('li strong')].map((el) => el.textContent)).toEqual(['Ana Ruiz', 'Ben Ode']);
    expect(copy.textContent).toContain('Saving the person on this page…');
    takeOverPopup(root);
    expect(document.querySelector('[data-first-paint]')).toBeNull();
    expect(root.hidden).toBe(false);
  });

  it('a view read before the last write is not copied, and a delete makes the copy stale before it is written', async () => {
    const ana = await add('Ana Ruiz');
    const readAt = readGen(POPUP_SCREEN);
    await add('Ben Ode');
    // The view on screen was read before Ben was added: it is not the database any more.
    expect(await writePopupScreen(livePopup(['Ana Ruiz']), readAt)).toBe(false);
    expect(await writePopupScreen(livePopup(['Ana Ruiz', 'Ben Ode']), readGen(POPUP_SCREEN))).toBe(true);
    expect(await popupNames()).toEqual(['Ana Ruiz', 'Ben Ode']);
    await deleteContacts([ana.id]);
    expect(localStorage.getItem(POPUP_SCREEN.key)).toBeNull();
    expect(await popupNames()).toEqual([]);
  });

  it('is made stale by a write to what only the due list shows (settings), and leaves the side panel’s snapshot alone', async () => {
    await add('Ana Ruiz');
    await writeFirstScreen(firstContacts);
    await writePopupScreen(livePopup(['Ana Ruiz']), readGen(POPUP_SCREEN));
    await updateSettings({ maxFollowUps: 3 });
    expect(await popupNames()).toEqual([]);
    expect(readFirstScreen()?.rows.map((row) => row.name)).toEqual(['Ana Ruiz']);
  });

  it('is not painted once its words may have changed by themselves (midnight, something falling due) or in another language', async () => {
    await add('Ana Ruiz');
    await writePopupScreen(livePopup(['Ana Ruiz']), readGen(POPUP_SCREEN));
    const stored = JSON.parse(localStorage.getItem(POPUP_SCREEN.key)!) as { until: number };
    expect(await currentPopupScreen(uiLanguage(), stored.until - 1)).toBeDefined();
    expect(await currentPopupScreen(uiLanguage(), stored.until)).toBeUndefined();
    expect(await currentPopupScreen('xx')).toBeUndefined();
    const now = new Date(2026, 0, 5, 15, 0).getTime();
    expect(popupScreenUntil(now, undefined)).toBe(new Date(2026, 0, 6).getTime());
    expect(popupScreenUntil(now, now + 60_000)).toBe(now + 60_000);
  });

  it('leaves no snapshot of a list that shows an error', async () => {
    await add('Ana Ruiz');
    const main = livePopup(['Ana Ruiz']);
    const alert = document.createElement('p');
    alert.setAttribute('role', 'alert');
    main.querySelector('section')!.append(alert);
    expect(await writePopupScreen(main, readGen(POPUP_SCREEN))).toBe(false);
    expect(localStorage.getItem(POPUP_SCREEN.key)).toBeNull();
  });
});

describe('what the popup’s live view has read', () => {
  it('takes over once every part has answered, and copies only when all were read at the current version, asking the others once', () => {
    let answers = 0;
    const reads = new PopupReads(() => answers++);
    const asked: string[] = [];
    reads.onAskAgain('interview-thanks', () => asked.push('interview-thanks'));
    reads.onAskAgain('due-list', () => asked.push('due-list'));
    reads.report('due-count', 1);
    reads.report('due-list', 1);
    expect(reads.complete).toBe(false);
    reads.report('interview-thanks', 1);
    expect(reads.complete).toBe(true);
    expect(answers).toBe(3);
    expect(reads.settled(1)).toBe(true);
    // A write the thank-yous do not show: Dexie reads the count and the list again, not them; they are asked, once.
    reads.report('due-count', 2);
    reads.report('due-list', 2);
    expect(reads.settled(2)).toBe(false);
    expect(reads.settled(2)).toBe(false);
    expect(asked).toEqual(['interview-thanks']);
    reads.report('interview-thanks', 2);
    expect(reads.settled(2)).toBe(true);
  });
});
