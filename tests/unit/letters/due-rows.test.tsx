/**
 * Letters and keeping in touch in the due list (happy-dom): each row's
 * actions, the summary of what is due, drafting a pending writer's check-in
 * instead of the generic follow-up, and Undo after every action.
 */
import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { DueList } from '../../../components/followups/DueList';
import { UndoProvider } from '../../../components/undo';
import { addContact, getContact } from '../../../storage/contacts';
import { db } from '../../../storage/db';
import { setKeepInTouch } from '../../../storage/keep-in-touch';
import { addLetter, getLetter } from '../../../storage/letters';
import { localDay } from '../../../followups/rules';
import { reactHostForEachTest } from '../react-host';
import { until } from '../wait';

const DAY = 86_400_000;
const screen = reactHostForEachTest();

function button(label: string): HTMLButtonElement {
  const found = [...screen.host.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === label);
  if (!found) throw new Error(`no button ${label}`);
  return found as HTMLButtonElement;
}

async function click(label: string): Promise<void> {
  await act(async () => button(label).click());
}

const render = (props: Parameters<typeof DueList>[0] = {}) =>
  screen.render(createElement(UndoProvider, null, createElement(DueList, props)));

describe('letters in the due list', () => {
  it('a letter nearing its deadline offers Draft check-in, Mark submitted, Snooze and Not now; Mark submitted can be undone', async () => {
    const ana = await addContact({ fullName: 'Ana Ruiz' }, Date.now() - 30 * DAY);
    const letter = await addLetter({ writerId: ana.id, deadline: localDay(Date.now() + 3 * DAY), meantFor: ['Neurology'] }, 'asked', Date.now() - 20 * DAY);
    const onDraft = vi.fn();
    await render({ onDraft });
    await until(() => expect(screen.host.textContent).toContain('Deadline in 3 days'));
    expect(screen.host.querySelector('[data-testid="due-summary"]')?.textContent).toBe('1 letter due');
    expect(screen.host.textContent).toContain('For Neurology');
    for (const label of ['Draft check-in to Ana Ruiz', 'Mark Ana Ruiz’s letter submitted', 'Snooze Ana Ruiz', 'Not now for Ana Ruiz’s letter']) {
      expect(() => button(label)).not.toThrow();
    }
    await click('Draft check-in to Ana Ruiz');
    expect(onDraft).toHaveBeenCalledWith(ana.id, 'builtin:letter-check-in');

    await click('Mark Ana Ruiz’s letter submitted');
    await until(() => expect(screen.host.textContent).toContain('No follow-ups due.'));
    expect((await getLetter(letter.id))?.status).toBe('submitted');
    await click('Undo');
    await until(() => expect(screen.host.textContent).toContain('Deadline in 3 days'));
    expect((await getLetter(letter.id))?.status).toBe('asked');

    await click('Not now for Ana Ruiz’s letter');
    await until(() => expect(screen.host.textContent).toContain('No follow-ups due.'));
    await click('Undo');
    await until(() => expect(screen.host.textContent).toContain('Deadline in 3 days'));
  });

  it('a submitted letter asks for a thank-you; a writer’s due follow-up drafts the letter’s check-in', async () => {
    const ana = await addContact({ fullName: 'Ana Ruiz' }, Date.now() - 30 * DAY);
    await addLetter({ writerId: ana.id }, 'submitted', Date.now() - 2 * DAY);
    const ben = await addContact({ fullName: 'Ben Ode' }, Date.now() - 30 * DAY);
    await addLetter({ writerId: ben.id, deadline: localDay(Date.now() + 60 * DAY) }, 'agreed', Date.now() - 2 * DAY);
    await db.contacts.update(ben.id, { status: 'awaiting_reply', nextFollowUpAt: Date.now() - DAY });
    const onDraft = vi.fn();
    await render({ onDraft });
    await until(() => expect(screen.host.textContent).toContain('a thank-you is owed'));
    await click('Draft thank-you to Ana Ruiz');
    expect(onDraft).toHaveBeenLastCalledWith(ana.id, 'builtin:letter-thank-you');
    await click('Draft follow-up to Ben Ode');
    expect(onDraft).toHaveBeenLastCalledWith(ben.id, 'builtin:letter-check-in');
    expect(screen.host.querySelector('[data-testid="due-summary"]')?.textContent).toBe('1 follow-up, 1 letter due');
  });
});

describe('keeping in touch in the due list', () => {
  it('offers Draft a check-in, Snooze and Not now; Not now can be undone', async () => {
    const ana = await addContact({ fullName: 'Ana Ruiz' }, Date.now() - 100 * DAY);
    await setKeepInTouch([ana.id], 30, Date.now() - 40 * DAY);
    const onDraft = vi.fn();
    await render({ onDraft });
    await until(() => expect(screen.host.textContent).toContain('Keep in touch'));
    await click('Draft a check-in to Ana Ruiz');
    expect(onDraft).toHaveBeenCalledWith(ana.id, 'builtin:keep-in-touch');
    await click('Not now for Ana Ruiz');
    await until(() => expect(screen.host.textContent).toContain('No follow-ups due.'));
    expect((await getContact(ana.id))?.keepInTouchAt).toBeGreaterThan(Date.now());
    await click('Undo');
    await until(() => expect(screen.host.textContent).toContain('Keep in touch'));
  });
});
