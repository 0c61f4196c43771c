/**
 * The draft's restore and autosave (components/drafting/use-draft-autosave.ts), apart from the composer's view:
 * the saved draft comes back, edits are saved after a pause and at once on close, and a save that ends late lands
 * on its own contact, never on the one opened next.
 */
import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useDraftAutosave, type DraftAutosave } from '../../../components/drafting/use-draft-autosave';
import type { Contact } from '../../../model/schemas';
import { saveCapture } from '../../../storage/contacts';
import { clearDraft, getDraft, saveDraft } from '../../../storage/drafts';
import { ensureBuiltIns } from '../../../storage/templates';
import { capture } from '../helpers';
import { reactHostForEachTest } from '../react-host';
import { until } from '../wait';

const screen = reactHostForEachTest();

let draft: DraftAutosave;
const failures: string[] = [];

function Harness({ contact, templateId, delay }: { contact: Contact; templateId?: string; delay?: number }) {
  draft = useDraftAutosave({ contact, templateId, delay, onSaveError: (message) => failures.push(message) });
  return null;
}

async function show(contact: Contact, options: { templateId?: string; delay?: number } = {}) {
  await screen.render(createElement(Harness, { contact, ...options }));
  await until(() => expect(draft.state).toBeDefined());
}

async function person(fullName: string, profileUrl: string) {
  return (await saveCapture(capture({ fullName, profileUrl }))).contact;
}

describe('the draft’s restore and autosave', () => {
  it('restores the saved draft, unless another template is asked for', async () => {
    await ensureBuiltIns();
    const ada = await person('Ada Osei', 'https://www.linkedin.com/in/ada-osei');
    await saveDraft({ contactId: ada.id, templateId: 'builtin:alumni', body: 'Saved words', personal: 'mine' });
    await show(ada);
    expect(draft.state).toMatchObject({ templateId: 'builtin:alumni', body: 'Saved words', personal: 'mine' });

    await show(ada, { templateId: 'builtin:keep-in-touch' });
    await until(() => expect(draft.state?.templateId).toBe('builtin:keep-in-touch'));
    expect(draft.state?.body).not.toBe('Saved words');
  });

  it('saves an edit after the pause, and at once when the page closes', async () => {
    await ensureBuiltIns();
    const ada = await person('Ada Osei', 'https://www.linkedin.com/in/ada-osei');
    await show(ada, { delay: 20 });
    await act(async () => draft.edit({ personal: 'We met at ACP.' }));
    await until(async () => expect((await getDraft(ada.id))?.personal).toBe('We met at ACP.'));

    // A pause no test waits out: only the pagehide flush can write it.
    await show(ada, { delay: 60_000 });
    await act(async () => draft.edit({ personal: 'Closed mid-thought' }));
    await act(async () => void window.dispatchEvent(new Event('pagehide')));
    await until(async () => expect((await getDraft(ada.id))?.personal).toBe('Closed mid-thought'));
  });

  it('a draft left for another contact is saved as the first contact’s, never the second’s', async () => {
    await ensureBuiltIns();
    const ada = await person('Ada Osei', 'https://www.linkedin.com/in/ada-osei');
    const ben = await person('Ben Ito', 'https://www.linkedin.com/in/ben-ito');
    await show(ada, { delay: 60_000 });
    await act(async () => draft.edit({ body: 'For Ada only' }));
    await show(ben, { delay: 60_000 });
    await until(async () => expect((await getDraft(ada.id))?.body).toBe('For Ada only'));
    expect(draft.state?.body).not.toBe('For Ada only');
    expect((await getDraft(ben.id))?.body).toBeUndefined();
  });

  it('a draft being sent is not saved meanwhile, even when the pause ends mid-send; a failed send saves it', async () => {
    await ensureBuiltIns();
    const ada = await person('Ada Osei', 'https://www.linkedin.com/in/ada-osei');
    await show(ada, { delay: 10 });
    await act(async () => draft.edit({ personal: 'sent already' }));
    // The send drops the draft, as Mark as sent does, and is still running when the pause ends.
    await act(() =>
      draft.sending(async () => {
        await clearDraft(ada.id);
        await new Promise((resolve) => setTimeout(resolve, 80));
      }),
    );
    await act(async () => void window.dispatchEvent(new Event('pagehide')));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 40)));
    expect(await getDraft(ada.id)).toBeUndefined();

    await act(async () => draft.edit({ personal: 'not sent after all' }));
    await act(() => expect(draft.sending(() => Promise.reject(new Error('offline')))).rejects.toThrow('offline'));
    await until(async () => expect((await getDraft(ada.id))?.personal).toBe('not sent after all'));
  });

  it('a failed save is told', async () => {
    await ensureBuiltIns();
    const ada = await person('Ada Osei', 'https://www.linkedin.com/in/ada-osei');
    await show(ada, { delay: 60_000 });
    failures.length = 0;
    await act(async () => draft.edit({ values: { 'not a name': 'x' } }));
    await act(async () => void window.dispatchEvent(new Event('pagehide')));
    await until(() => expect(failures).toHaveLength(1));
    expect(await getDraft(ada.id)).toBeUndefined();
  });
});
