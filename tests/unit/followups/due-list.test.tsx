/**
 * The due list as rendered (happy-dom): oldest first, accessible names, the
 * "no response" offer, the empty state, and a side panel that fails to open.
 */
import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { DueList } from '../../../components/followups/DueList';
import { getContact, saveCapture } from '../../../storage/contacts';
import { db } from '../../../storage/db';
import { getFocusContact } from '../../../storage/ui-state';
import { capture } from '../helpers';
import { reactHostForEachTest } from '../react-host';
import { until } from '../wait';


const DAY = 86_400_000;
const screen = reactHostForEachTest();
const render = screen.render;

function buttons(): string[] {
  return [...screen.host.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent ?? '');
}

async function seed(name: string, slug: string, dueDaysAgo: number, followUpsSent = 0): Promise<string> {
  const { contact } = await saveCapture(capture({ fullName: name, profileUrl: `https://www.linkedin.com/in/${slug}/` }));
  await db.contacts.update(contact.id, {
    status: 'awaiting_reply',
    followUpsSent,
    nextFollowUpAt: Date.now() - dueDaysAgo * DAY,
  });
  return contact.id;
}

describe('DueList', () => {
  it('says so when nothing is due', async () => {
    await render(createElement(DueList, {}));
    await until(() => expect(screen.host.textContent).toContain('No follow-ups due.'));
    expect(screen.host.querySelector('h2')?.textContent).toBe('Follow-ups due');
  });

  it('lists them oldest first, each with named actions; the last overdue one offers "no response"', async () => {
    await seed('Recent Person', 'recent', 1, 0);
    await seed('Oldest Person', 'oldest', 20, 2);
    await seed('Middle Person', 'middle', 8, 1);
    await render(createElement(DueList, {}));
    await until(() => expect(screen.host.querySelectorAll('[data-testid="due-item"]')).toHaveLength(3));
    const names = [...screen.host.querySelectorAll('[data-testid="due-item"] strong')].map((n) => n.textContent);
    expect(names).toEqual(['Oldest Person', 'Middle Person', 'Recent Person']);
    expect(buttons()).toContain('Mark no response for Oldest Person');
    expect(buttons()).not.toContain('Mark no response for Middle Person');
    expect(buttons()).toEqual(
      expect.arrayContaining(['Draft follow-up to Recent Person', 'Snooze Recent Person', 'Reply received from Recent Person']),
    );
    expect(screen.host.textContent).toContain('Follow-up 2 of 2');
    expect(screen.host.textContent).toContain('2 follow-ups sent, no reply yet');
    expect(screen.host.textContent).toContain('20 days overdue');
    // Every item is a list item named by its person.
    for (const item of screen.host.querySelectorAll('li')) expect(item.getAttribute('aria-labelledby')).toBeTruthy();
  });

  it('marks "no response" and "reply received" from the list', async () => {
    const oldest = await seed('Oldest Person', 'oldest', 20, 2);
    const other = await seed('Other Person', 'other', 2, 0);
    await render(createElement(DueList, {}));
    await until(() => expect(buttons()).toContain('Mark no response for Oldest Person'));
    await act(async () => (screen.host.querySelector('[aria-label="Mark no response for Oldest Person"]') as HTMLButtonElement).click());
    await until(() => expect(screen.host.querySelectorAll('[data-testid="due-item"]')).toHaveLength(1));
    expect(await getContact(oldest)).toMatchObject({ status: 'no_response', nextFollowUpAt: undefined });
    expect(document.activeElement?.tagName).toBe('H2');

    await act(async () => (screen.host.querySelector('[aria-label="Reply received from Other Person"]') as HTMLButtonElement).click());
    await until(() => expect(screen.host.textContent).toContain('No follow-ups due.'));
    expect(await getContact(other)).toMatchObject({ status: 'replied' });
    expect(screen.host.querySelector('[role="status"]')?.textContent).toBe('Reply from Other Person recorded.');
  });

  it('snoozes from a group of choices', async () => {
    const id = await seed('Sam Lee', 'sam', 3, 0);
    await render(createElement(DueList, {}));
    await until(() => expect(buttons()).toContain('Snooze Sam Lee'));
    const toggle = screen.host.querySelector('[aria-label="Snooze Sam Lee"]') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await act(async () => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const group = screen.host.querySelector('[role="group"]');
    expect(group?.getAttribute('aria-label')).toBe('Snooze Sam Lee for');
    // Escape closes the choices and gives focus back to the toggle.
    await act(async () => group?.querySelector('button')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle);
    await act(async () => toggle.click());
    const reopened = screen.host.querySelector('[role="group"]');
    const week = [...(reopened?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'A week')!;
    await act(async () => week.click());
    await until(() => expect(screen.host.textContent).toContain('No follow-ups due.'));
    expect((await getContact(id))!.nextFollowUpAt).toBeGreaterThan(Date.now() + 6 * DAY);
  });

  it('records the draft to show and says so when the side panel cannot open', async () => {
    const id = await seed('Priya Raman', 'priya', 2, 1);
    await render(createElement(DueList, { windowId: 1 }));
    await until(() => expect(buttons()).toContain('Draft follow-up to Priya Raman'));
    await act(async () => (screen.host.querySelector('[aria-label="Draft follow-up to Priya Raman"]') as HTMLButtonElement).click());
    await until(() => expect(screen.host.querySelector('[role="alert"]')?.textContent).toContain('side panel did not open'));
    expect(await getFocusContact()).toMatchObject({ contactId: id, view: 'draft', templateId: 'builtin:follow-up-2' });
  });

  it('in the side panel, drafting stays in the panel', async () => {
    const id = await seed('Priya Raman', 'priya', 2, 0);
    const onDraft = vi.fn();
    await render(createElement(DueList, { onDraft }));
    await until(() => expect(buttons()).toContain('Draft follow-up to Priya Raman'));
    await act(async () => (screen.host.querySelector('[aria-label="Draft follow-up to Priya Raman"]') as HTMLButtonElement).click());
    expect(onDraft).toHaveBeenCalledWith(id, 'builtin:follow-up-1');
  });
});
