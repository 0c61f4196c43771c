/**
 * Nothing typed is lost (N1–N2): a contact field saves while it is typed, at once when the page is hidden or closed,
 * and a change made elsewhere while it is being typed is shown, never typed over; writes merge per field.
 */
import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ContactFields } from '../../../components/contacts/ContactFields';
import { TextField } from '../../../components/contacts/TextField';
import { ProfileSettings } from '../../../components/settings/ProfileSettings';
import { getContact, saveCapture, updateContact } from '../../../storage/contacts';
import { getSettings, updateSettings } from '../../../storage/settings';
import type { Contact } from '../../../model/schemas';
import { capture } from '../helpers';
import { fieldIn, type } from '../form-fields';
import { reactHostForEachTest } from '../react-host';
import { eventually } from '../wait';

const screen = reactHostForEachTest();

const field = (label: string) => fieldIn(screen.host, label);

async function settle(ms = 5) {
  await act(async () => new Promise((resolve) => setTimeout(resolve, ms)));
}

async function until(check: () => unknown) {
  await eventually(async () => {
    await settle();
    await check();
  });
}

/** The field as the detail shows it: its value follows the stored contact, as the live query does. */
async function showNotes(contact: Contact) {
  const render = (value: string) =>
    screen.render(createElement(TextField, { label: 'Notes', multiline: true, value, onSave: (notes) => updateContact(contact.id, { notes }) }));
  await render(contact.notes);
  return render;
}

describe('autosave', () => {
  it('writes a note while it is typed, without leaving the field', async () => {
    const { contact } = await saveCapture(capture());
    await showNotes(contact);
    await act(async () => type(field('Notes'), 'Met at the ACP meeting'));
    await until(async () => expect((await getContact(contact.id))?.notes).toBe('Met at the ACP meeting'));
    await until(() => expect(screen.host.textContent).toContain('Saved'));
  });

  it('writes at once when the page is hidden or closed, before the debounce', async () => {
    const { contact } = await saveCapture(capture());
    await showNotes(contact);
    await act(async () => type(field('Notes'), 'typed then closed'));
    await act(async () => void window.dispatchEvent(new Event('pagehide')));
    // Well under the debounce: only the pagehide flush can have written it.
    await settle(20);
    expect((await getContact(contact.id))?.notes).toBe('typed then closed');

    await act(async () => type(field('Notes'), 'typed then hidden'));
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    await act(async () => void document.dispatchEvent(new Event('visibilitychange')));
    delete (document as { visibilityState?: string }).visibilityState;
    await settle(20);
    expect((await getContact(contact.id))?.notes).toBe('typed then hidden');
  });

  it('a change from elsewhere does not replace the text being typed; the user chooses', async () => {
    const { contact } = await saveCapture(capture());
    const render = await showNotes(contact);
    await act(async () => type(field('Notes'), 'mine, still typing'));
    // Another window saves the same field before this one's debounce.
    await updateContact(contact.id, { notes: 'written in the other window' });
    await render('written in the other window');
    expect(field('Notes').value).toBe('mine, still typing');
    expect(screen.host.querySelector('[data-testid="changed-elsewhere"]')?.textContent).toContain('written in the other window');
    // The debounced write waits for the choice.
    await settle(900);
    expect((await getContact(contact.id))?.notes).toBe('written in the other window');

    const keep = [...screen.host.querySelectorAll('button')].find((b) => b.textContent === 'Keep mine')!;
    await act(async () => keep.click());
    await until(async () => expect((await getContact(contact.id))?.notes).toBe('mine, still typing'));
    expect(screen.host.querySelector('[data-testid="changed-elsewhere"]')).toBeNull();
  });

  it('"Use that one" takes the other value and writes nothing', async () => {
    const { contact } = await saveCapture(capture());
    const render = await showNotes(contact);
    await act(async () => type(field('Notes'), 'mine'));
    await updateContact(contact.id, { notes: 'theirs' });
    await render('theirs');
    const take = [...screen.host.querySelectorAll('button')].find((b) => b.textContent === 'Use that one')!;
    await act(async () => take.click());
    expect(field('Notes').value).toBe('theirs');
    await settle(900);
    expect((await getContact(contact.id))?.notes).toBe('theirs');
  });

  it('an unchanged field follows a change from elsewhere', async () => {
    const { contact } = await saveCapture(capture());
    const render = await showNotes(contact);
    await render('changed elsewhere, nothing typed here');
    expect(field('Notes').value).toBe('changed elsewhere, nothing typed here');
    expect(screen.host.querySelector('[data-testid="changed-elsewhere"]')).toBeNull();
  });

  it('writes merge per field: a stale form changing "where we met" keeps a date and tags set elsewhere', async () => {
    const { contact } = await saveCapture(capture());
    await screen.render(createElement(ContactFields, { contact }));
    // Elsewhere: a date met and a tag, after this form was rendered.
    await updateContact(contact.id, { whereMet: { date: '2025-03-01' }, tags: ['neurology'] });
    await act(async () => type(field('Where we met'), 'ACP conference'));
    await act(async () => void window.dispatchEvent(new Event('pagehide')));
    await until(async () => expect((await getContact(contact.id))?.whereMet).toEqual({ event: 'ACP conference', date: '2025-03-01' }));
    expect((await getContact(contact.id))?.tags).toEqual(['neurology']);
  });

  it('a tag typed and not yet added is added when the panel closes', async () => {
    const { contact } = await saveCapture(capture());
    await screen.render(createElement(ContactFields, { contact }));
    const input = screen.host.querySelector<HTMLInputElement>('input[aria-label="Add a tag"]')!;
    await act(async () => type(input, 'cardiology'));
    await act(async () => void window.dispatchEvent(new Event('pagehide')));
    await until(async () => expect((await getContact(contact.id))?.tags).toEqual(['cardiology']));
  });

  it('settings save as typed and on close: an AAMC-style field typed just before closing is kept', async () => {
    await screen.render(createElement(ProfileSettings));
    await until(() => field('Year or class'));
    await act(async () => type(field('Year or class'), 'MS4'));
    await act(async () => void window.dispatchEvent(new Event('pagehide')));
    await until(async () => expect((await getSettings()).myYear).toBe('MS4'));
    // Another setting changed elsewhere is kept: the write is of this field only.
    await updateSettings({ mySchool: 'Penn Med' });
    await act(async () => type(field('Your name'), 'Alex Kim'));
    await act(async () => void window.dispatchEvent(new Event('pagehide')));
    await until(async () => expect(await getSettings()).toMatchObject({ myName: 'Alex Kim', mySchool: 'Penn Med', myYear: 'MS4' }));
  });

  it('N1: a write the closing page did not finish is noted, and taken up the next time the field is shown', async () => {
    localStorage.clear();
    const { contact } = await saveCapture(capture());
    const journal = `contact:${contact.id}:notes`;
    // The page dies mid-write: the write never completes.
    await screen.render(createElement(TextField, { label: 'Notes', journal, value: '', onSave: () => new Promise(() => undefined) }));
    await act(async () => type(field('Notes'), 'typed as the panel closed'));
    await act(async () => void window.dispatchEvent(new Event('pagehide')));
    await act(async () => screen.root.unmount());
    expect(localStorage.getItem(`rapport:autosave:${journal}`)).toContain('typed as the panel closed');

    // The next panel: the stored value is still the one the note replaced, so the note is written.
    const { createRoot } = await import('react-dom/client');
    const root = createRoot(screen.host);
    await act(async () =>
      root.render(createElement(TextField, { label: 'Notes', journal, value: '', onSave: (notes) => updateContact(contact.id, { notes }) })),
    );
    await until(async () => expect((await getContact(contact.id))?.notes).toBe('typed as the panel closed'));
    await until(() => expect(localStorage.getItem(`rapport:autosave:${journal}`)).toBeNull());
    await act(async () => root.unmount());
  });

  it('N1: a note left behind while the value changed elsewhere is shown as a choice, not written', async () => {
    localStorage.clear();
    const journal = 'settings:myName';
    localStorage.setItem(`rapport:autosave:${journal}`, JSON.stringify({ draft: 'Alex Kim', base: '' }));
    const save = vi.fn(async () => undefined);
    await screen.render(createElement(TextField, { label: 'Your name', journal, value: 'Alexandra Kim', onSave: save }));
    expect(field('Your name').value).toBe('Alex Kim');
    expect(screen.host.querySelector('[data-testid="changed-elsewhere"]')?.textContent).toContain('Alexandra Kim');
    await settle(50);
    expect(save).not.toHaveBeenCalled();
  });
});
