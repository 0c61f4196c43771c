/** A contact's letters (read with the rest of its detail: storage/contact-detail.ts), in their detail: each to edit in place, and "Add a letter" for a new one from this writer. */
import { i18n } from '../../model/i18n';
import { addLetter } from '../../storage/letters';
import type { Contact, Letter } from '../../model/schemas';
import { kindLabel, letterStatusLabel } from './labels';
import { LetterEditor } from './LetterEditor';
import { useWrite } from '../use-write';

export function ContactLetters({ contact, letters }: { contact: Contact; letters: readonly Letter[] }) {
  const { error, run } = useWrite();
  const add = () => run(() => addLetter({ writerId: contact.id, meantFor: [] }));
  return (
    <section className="stack" aria-labelledby="letters-heading" data-testid="contact-letters">
      <h3 id="letters-heading">{i18n.t('letters.contact.heading')}</h3>
      {letters.map((letter) => (
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
