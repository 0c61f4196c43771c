/**
 * U1–U2: every state change the due list, the contact page and the bulk bar offer can be taken back; undo puts back
 * only what the change altered, and removes the timeline entries it added.
 */
import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { BulkBar } from '../../../components/contacts/BulkBar';
import { DueList } from '../../../components/followups/DueList';
import { UndoProvider } from '../../../components/undo';
import { getContact, saveCapture, setStatuses, tagContacts, updateContact } from '../../../storage/contacts';
import { db } from '../../../storage/db';
import { markNoResponse, markReplyReceived, snoozeFollowUp } from '../../../storage/followups';
import { listInteractions, logInteraction } from '../../../storage/interactions';
import { withUndo } from '../../../storage/undo';
import { capture } from '../helpers';
import { reactHostForEachTest } from '../react-host';
import { until } from '../wait';

const DAY = 86_400_000;
const screen = reactHostForEachTest();

async function due(name: string, slug: string, followUpsSent = 0): Promise<string> {
  const { contact } = await saveCapture(capture({ fullName: name, profileUrl: `https://www.linkedin.com/in/${slug}/` }));
  await db.contacts.update(contact.id, { status: 'awaiting_reply', followUpsSent, nextFollowUpAt: Date.now() - 20 * DAY });
  return contact.id;
}

function undoButton(): HTMLButtonElement {
  const button = [...screen.host.querySelectorAll('.toast button')].find((b) => b.textContent === 'Undo');
  if (!button) throw new Error('No Undo offered');
  return button as HTMLButtonElement;
}

describe('undo of state changes', () => {
  it('U1: snooze, no response and reply received each come back as they were, timeline included', async () => {
    for (const [slug, action] of [
      ['snooze', (id: string) => snoozeFollowUp(id, '1w')],
      ['none', (id: string) => markNoResponse(id)],
      ['reply', (id: string) => markReplyReceived(id)],
    ] as const) {
      const id = await due(`Person ${slug}`, slug, 2);
      const before = await getContact(id);
      const { undo } = await withUndo([id], () => action(id));
      expect(await getContact(id)).not.toEqual(before);
      await undo();
      const after = await getContact(id);
      expect({ ...after, updatedAt: 0 }).toEqual({ ...before, updatedAt: 0 });
      expect(await listInteractions(id)).toEqual([]);
    }
  });

  it('U1: undo keeps an edit of another field made meanwhile (per-field, not the whole record)', async () => {
    const id = await due('Sam Lee', 'sam');
    const { undo } = await withUndo([id], () => logInteraction(id, { kind: 'reply_received' }));
    await updateContact(id, { notes: 'typed in another window' });
    await undo();
    expect(await getContact(id)).toMatchObject({ status: 'awaiting_reply', notes: 'typed in another window' });
  });

  it('U2: bulk status and bulk tag are undone for every contact', async () => {
    const ids = [await due('A One', 'a1'), await due('B Two', 'b2')];
    await updateContact(ids[1]!, { tags: ['kept'] });
    const status = await withUndo(ids, () => setStatuses(ids, 'meeting'));
    const tag = await withUndo(ids, () => tagContacts(ids, 'cardiology'));
    await tag.undo();
    await status.undo();
    for (const id of ids) expect(await getContact(id)).toMatchObject({ status: 'awaiting_reply' });
    expect((await getContact(ids[0]!))?.tags).toEqual([]);
    expect((await getContact(ids[1]!))?.tags).toEqual(['kept']);
  });

  it('U1: the due list offers Undo after "Mark no response", and Undo brings the follow-up back', async () => {
    const id = await due('Oldest Person', 'oldest', 2);
    await screen.render(createElement(UndoProvider, null, createElement(DueList, {})));
    await until(() => expect(screen.host.querySelector('[aria-label="Mark no response for Oldest Person"]')).not.toBeNull());
    await act(async () => (screen.host.querySelector('[aria-label="Mark no response for Oldest Person"]') as HTMLButtonElement).click());
    await until(() => expect((screen.host.querySelector('.toast')?.textContent ?? '')).toContain('no response'));
    expect((await getContact(id))?.status).toBe('no_response');
    await act(async () => undoButton().click());
    await until(async () => expect((await getContact(id))?.status).toBe('awaiting_reply'));
    await until(() => expect(screen.host.querySelectorAll('[data-testid="due-item"]')).toHaveLength(1));
  });

  it('U2: the bulk bar offers Undo after a bulk status change', async () => {
    const ids = [await due('A One', 'a1'), await due('B Two', 'b2')];
    await screen.render(createElement(UndoProvider, null, createElement(BulkBar, { ids, onDone: () => undefined })));
    const select = screen.host.querySelector<HTMLSelectElement>('select[aria-label="Set status"]')!;
    await act(async () => {
      select.value = 'replied';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await until(() => expect(screen.host.querySelector('.toast')?.textContent).toContain('2 contacts set to “Replied”.'));
    await act(async () => undoButton().click());
    await until(async () => {
      for (const id of ids) expect((await getContact(id))?.status).toBe('awaiting_reply');
    });
  });
});
