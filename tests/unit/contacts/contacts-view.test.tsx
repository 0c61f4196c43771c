/**
 * The contacts list as rendered (happy-dom), over the index-only queries: it
 * paints, searches, and follows writes made anywhere (the version hook that
 * replaces a live query for the questions that read whole indexes).
 */
import { act, createElement, createRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContactsView } from '../../../components/contacts/ContactsView';
import { UndoProvider } from '../../../components/undo';
import { reactHostForEachTest } from '../react-host';
import { addContact, deleteContact, firstContacts } from '../../../storage/contacts';
import { until } from '../wait';

const screen = reactHostForEachTest();

beforeEach(() => {
  // happy-dom lays nothing out: give the list's scroller a panel's size so the virtualizer renders rows.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(360);
});
afterEach(() => vi.restoreAllMocks());

const text = (testId: string) => screen.host.querySelector(`[data-testid="${testId}"]`)?.textContent;
const names = () => [...screen.host.querySelectorAll('.contact-row-name')].map((n) => n.textContent);

async function type(value: string): Promise<void> {
  const input = screen.host.querySelector<HTMLInputElement>('input[type="search"]')!;
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('ContactsView', () => {
  it('lists, searches through the index, and follows writes', async () => {
    await addContact({ fullName: 'Wen Li', organization: 'Northfield General Hospital' });
    await addContact({ fullName: 'Hannah Müller', notes: 'stroke elective' });
    const zoe = await addContact({ fullName: 'Zoë Adams' });
    const preview = await firstContacts(60);
    await screen.render(
      createElement(UndoProvider, null, createElement(ContactsView, { preview, searchRef: createRef<HTMLInputElement>(), onOpen: () => {}, onAdd: () => {} })),
    );
    await until(() => expect(text('result-count')).toBe('3 contacts'));
    await until(() => expect(names()).toEqual(['Hannah Müller', 'Wen Li', 'Zoë Adams']));

    await type('mull');
    await until(() => expect(text('result-count')).toBe('1 of 3 contacts'));
    await until(() => expect(names()).toEqual(['Hannah Müller']));
    await type('northfield');
    await until(() => expect(names()).toEqual(['Wen Li']));

    // A write from anywhere asks the list's questions again.
    await addContact({ fullName: 'Wendy Northfield' });
    await until(() => expect(text('result-count')).toBe('2 of 4 contacts'));
    await until(() => expect(names()).toEqual(['Wen Li', 'Wendy Northfield']));
    await type('');
    await deleteContact(zoe.id);
    await until(() => expect(text('result-count')).toBe('3 contacts'));
    await until(() => expect(names()).toEqual(['Hannah Müller', 'Wen Li', 'Wendy Northfield']));
  });
});
