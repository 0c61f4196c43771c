// The live popup and its snapshot (happy-dom): it tells its page when everything the snapshot shows is drawn, and
// copies its due list for the next open after each change, never keeping a contact deleted since.
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../../components/popup/PopupApp';
import { addContact, deleteContacts } from '../../../storage/contacts';
import { db } from '../../../storage/db';
import { POPUP_SCREEN } from '../../../storage/first-screen';
import { reactHostForEachTest } from '../react-host';
import { until } from '../wait';

const screen = reactHostForEachTest();
const stored = () => localStorage.getItem(POPUP_SCREEN.key) ?? '';

beforeEach(() => localStorage.clear());
afterEach(() => localStorage.clear());

describe('the live popup', () => {
  it('takes over once its count and due list are drawn, then copies them; a delete removes the copy, and the next one is without them', async () => {
    const ana = await addContact({ fullName: 'Ana Ruiz', organization: 'UCSF' });
    await db.contacts.update(ana.id, { status: 'awaiting_reply', nextFollowUpAt: Date.now() - 86_400_000 });
    const onLive = vi.fn();
    await screen.render(createElement(PopupApp, { onLive }));
    await until(() => expect(onLive).toHaveBeenCalledTimes(1));
    expect(screen.host.querySelector('[data-testid="due-item"]')?.textContent).toContain('Ana Ruiz');
    await until(() => expect(stored()).toContain('Ana Ruiz'));
    expect(JSON.parse(stored()).due).toBe('1 follow-up due');

    await deleteContacts([ana.id]);
    expect(stored()).toBe('');
    await until(() => expect(stored()).toContain('No follow-ups due'));
    expect(stored()).not.toContain('Ana Ruiz');
    expect(onLive).toHaveBeenCalledTimes(1);
  });
});
