/**
 * Nothing typed is lost in the letters' fields either (N1): a letter's notes, ERAS letter ID and what it is meant for,
 * and the nudge days in Settings, are written when the panel closes without a blur; a list typed with commas is
 * written when it is finished, never halfway; a wrong list of days is refused with a message and writes nothing.
 */
import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { LetterEditor } from '../../../components/letters/LetterEditor';
import { LetterSettings } from '../../../components/settings/LetterSettings';
import { UndoProvider } from '../../../components/undo';
import { AUTOSAVE_DELAY } from '../../../components/use-autosave';
import { addContact } from '../../../storage/contacts';
import { addLetter, getLetter } from '../../../storage/letters';
import { getSettings } from '../../../storage/settings';
import { fieldIn, type } from '../form-fields';
import { reactHostForEachTest } from '../react-host';
import { until } from '../wait';

const screen = reactHostForEachTest();

const field = (label: string) => fieldIn(screen.host, label);

const settle = (ms: number) => act(async () => new Promise((resolve) => setTimeout(resolve, ms)));
const closePanel = () => act(async () => void window.dispatchEvent(new Event('pagehide')));

async function showLetter() {
  const ana = await addContact({ fullName: 'Ana Ruiz' });
  const letter = await addLetter({ writerId: ana.id, meantFor: [] }, 'asked');
  await screen.render(createElement(UndoProvider, null, createElement(LetterEditor, { letter, writerName: 'Ana Ruiz' })));
  return letter;
}

describe('letter fields', () => {
  it('a letter’s notes, ERAS letter ID and programs typed and not left are written when the panel closes', async () => {
    const letter = await showLetter();
    await act(async () => {
      type(field('Letter notes'), 'Asked after rounds; she prefers e-mail.');
      type(field('ERAS Letter ID (ERAS only)'), 'AB12345678');
      type(field('Specialties or programs it is for'), 'Neurology, Internal Medicine');
    });
    await closePanel();
    await until(async () =>
      expect(await getLetter(letter.id)).toMatchObject({
        notes: 'Asked after rounds; she prefers e-mail.',
        erasLetterId: 'AB12345678',
        meantFor: ['Neurology', 'Internal Medicine'],
      }),
    );
  });

  it('the notes save while typed; a list typed with commas waits until it is finished', async () => {
    const letter = await showLetter();
    await act(async () => {
      type(field('Letter notes'), 'Draft sent');
      type(field('Specialties or programs it is for'), 'Neuro');
    });
    await until(async () => expect((await getLetter(letter.id))?.notes).toBe('Draft sent'));
    await settle(AUTOSAVE_DELAY + 100);
    expect((await getLetter(letter.id))?.meantFor).toEqual([]);
    // Leaving the field (React's onBlur listens to focusout) finishes the list.
    await act(async () => void field('Specialties or programs it is for').dispatchEvent(new FocusEvent('focusout', { bubbles: true })));
    await until(async () => expect((await getLetter(letter.id))?.meantFor).toEqual(['Neuro']));
  });
});

describe('nudge days in Settings', () => {
  it('are written when the panel closes; a wrong list is refused with a message and writes nothing', async () => {
    const before = (await getSettings()).letterNudgeDays;
    await screen.render(createElement(LetterSettings));
    await until(() => field('Nudge before the deadline (days, separated by commas)'));
    const days = field('Nudge before the deadline (days, separated by commas)');
    await act(async () => type(days, '0, twelve'));
    await closePanel();
    await until(() => expect(screen.host.textContent).toContain('whole'));
    expect((await getSettings()).letterNudgeDays).toEqual(before);

    await act(async () => type(days, '2, 10'));
    await closePanel();
    await until(async () => expect((await getSettings()).letterNudgeDays).toEqual([10, 2]));
  });
});
