/** R2: names made of fillers and invisible characters are stripped and refused with a reason; emoji-only names are kept. */
import { describe, expect, it } from 'vitest';
import { parseName } from '../../../capture/names';
import { nameProblem } from '../../../contacts/name-check';
import { saveCapture } from '../../../storage/contacts';
import { Contact } from '../../../model/schemas';
import { capture } from '../helpers';

const FILLERS = ['\u3164', '\u115F', '\u1160', '\uFFA0', '\u180E', '\u00AD', '\u061C', '\u{E0000}', '\u{E0041}', '\u{E007F}'];

describe('names', () => {
  it('R2: each filler or invisible character is stripped, from capture and from the store alike', () => {
    for (const ch of FILLERS) {
      expect(parseName(`${ch}${ch}`).fullName).toBe('');
      expect(parseName(`Pri${ch}ya Ra${ch}man`).fullName).toBe('Priya Raman');
      const stored = Contact.safeParse({ id: 'x', source: 'manual', fullName: `Wen${ch} Li`, createdAt: 0, updatedAt: 0 });
      expect(stored.success && stored.data.fullName).toBe('Wen Li');
      expect(Contact.safeParse({ id: 'x', source: 'manual', fullName: `${ch} ${ch}`, createdAt: 0, updatedAt: 0 }).success).toBe(false);
    }
  });

  it('R2: a name that is empty once stripped is refused with a reason', () => {
    expect(nameProblem('')).toBe('A name is required.');
    expect(nameProblem('\u3164\u3164')).toBe('This name is made only of invisible or blank characters. Type a name that can be seen.');
    expect(nameProblem('\u{E0041}\u115F')).toMatch(/invisible/);
    expect(nameProblem('Priya')).toBeUndefined();
  });

  it('R2: a name made only of emoji is a name, and can be saved', async () => {
    expect(parseName('🦊🌙').fullName).toBe('🦊🌙');
    expect(nameProblem('🦊🌙')).toBeUndefined();
    // Emoji next to words are decoration, as before.
    expect(parseName('Priya Raman 🩺').fullName).toBe('Priya Raman');
    const { contact } = await saveCapture(capture({ fullName: '🦊🌙', firstName: undefined, lastName: undefined }));
    expect(contact.fullName).toBe('🦊🌙');
  });
});
