import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { locateCards, showChooser } from '../../../capture/person-chooser';

const GRID = readFileSync(resolve(import.meta.dirname, '../../fixtures/web/residents-grid.html'), 'utf8');
const PEOPLE = [
  { fullName: 'Chidi Okonkwo', detail: 'Chief Resident' },
  { fullName: 'Hannah Müller', detail: 'PGY-3' },
  { fullName: 'Sofia Reyes', detail: 'PGY-1' },
];

/** These tests stand in for the user: their events are synthetic, so they are taken as the user's. */
const AS_USER = () => true;

beforeEach(() => {
  // The fixture's page becomes this document's, node by node: no markup is written from a string.
  const page = new DOMParser().parseFromString(GRID, 'text/html').documentElement;
  document.documentElement.replaceChildren(...[...page.childNodes].map((node) => document.adoptNode(node)));
});

describe('the chooser', () => {
  it('finds each person’s card, and nothing that holds someone else', () => {
    const cards = locateCards(document, PEOPLE);
    expect(cards.map((c) => c?.className)).toEqual(['resident-card', 'resident-card', 'resident-card']);
    expect(cards[1]?.textContent).toContain('Hannah Müller');
    expect(cards[1]?.textContent).not.toContain('Chidi');
  });

  it('offers a person the page does not show by name in its list only', () => {
    const cards = locateCards(document, [...PEOPLE, { fullName: 'Nobody Here' }]);
    expect(cards[3]).toBeNull();
  });

  it('Esc leaves the page exactly as it was: no element, style or listener left', () => {
    const before = document.documentElement.outerHTML;
    const added = vi.spyOn(window, 'addEventListener');
    const removed = vi.spyOn(window, 'removeEventListener');
    const answers: unknown[] = [];
    showChooser(document, PEOPLE, (answer) => answers.push(answer), AS_USER);
    expect(document.querySelector('rapport-chooser')).not.toBeNull();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(answers).toEqual([null]);
    expect(document.documentElement.outerHTML).toBe(before);
    expect(removed.mock.calls.map((c) => c[0]).sort()).toEqual(added.mock.calls.map((c) => c[0]).sort());
  });

  it('a click on a card chooses that person and the page never sees the click', () => {
    const answers: unknown[] = [];
    const pageSaw = vi.fn();
    document.body.addEventListener('click', pageSaw);
    const handle = showChooser(document, PEOPLE, (answer) => answers.push(answer), AS_USER);
    document.querySelectorAll('.resident-name')[2]?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(answers).toEqual([{ index: 2, fullName: 'Sofia Reyes' }]);
    expect(pageSaw).not.toHaveBeenCalled();
    // Clicks elsewhere on the page are the page's own.
    document.querySelector('h1')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(pageSaw).toHaveBeenCalledTimes(1);
    handle?.close();
    expect(document.querySelector('rapport-chooser')).toBeNull();
  });

  it('shows page text as text, never markup', () => {
    const hostile = [{ fullName: '<img src=x onerror=alert(1)> Robert', detail: '<script>alert(2)</script>' }, PEOPLE[0]!];
    const attach = vi.spyOn(Element.prototype, 'attachShadow');
    const handle = showChooser(document, hostile, () => undefined);
    const root = attach.mock.results[0]?.value as ShadowRoot;
    expect(root.querySelectorAll('img, script')).toHaveLength(0);
    expect(root.textContent).toContain('<img src=x onerror=alert(1)> Robert');
    handle?.close();
  });

  it('shows nothing when there is no one to offer', () => {
    expect(showChooser(document, [], () => undefined)).toBeNull();
    expect(document.querySelector('rapport-chooser')).toBeNull();
  });

  it('S9: synthetic clicks and Escape from a page script are ignored; the user still chooses', () => {
    const answers: unknown[] = [];
    const handle = showChooser(document, PEOPLE, (answer) => answers.push(answer));
    // A page script picks who is saved, or cancels: events it dispatches are never trusted.
    document.querySelectorAll('.resident-name')[2]?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(answers).toEqual([]);
    expect(document.querySelector('rapport-chooser')).not.toBeNull();
    // The same click from the user (isTrusted, set only by the browser) chooses.
    const trusted = new MouseEvent('click', { bubbles: true, cancelable: true });
    Object.defineProperty(trusted, 'isTrusted', { value: true });
    document.querySelectorAll('.resident-name')[1]?.dispatchEvent(trusted);
    expect(answers).toEqual([{ index: 1, fullName: 'Hannah Müller' }]);
    handle?.close();
  });
});
