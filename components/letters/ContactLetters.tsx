/** A contact's letters, in their detail: each to edit in place, and "Add a letter" for a new one from this writer. */
import { i18n } from '#i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { notifyDataChanged } from '../../messages';
import { addLetter, lettersBy } from '../../storage/letters';
import type { Contact } from '../../model/schemas';
import { kindLabel, letterStatusLabel } from './labels';
import { LetterEditor } from './LetterEditor';

export function ContactLetters({ contact }: { contact: Contact }) {
  const letters = useLiveQuery(() => lettersBy(contact.id), [contact.id]);
  const [error, setError] = useState<string>();
  const add = async () => {
    setError(undefined);
    try {
      await addLetter({ writerId: contact.id, meantFor: [] });
      await notifyDataChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="stack" aria-labelledby="letters-heading" data-testid="contact-letters">
      <h3 id="letters-heading">{i18n.t('letters.contact.heading')}</h3>
      {letters?.map((letter) => (
        <details key={letter.id} className="card" style={{ padding: 8 }}>
          <summary>
            {kindLabel(letter.kind)} · {letterStatusLabel(letter.status)}
            {letter.meantFor.length > 0 && ` · ${letter.meantFor.join(', ')}`}
          </summary>
          <LetterEditor letter={letter} writerName={contact.fullName} />
        </details>
      ))}
      <div>
        <button type="button" onClick={() => void add()}>
          {i18n.t('letters.contact.add')}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
