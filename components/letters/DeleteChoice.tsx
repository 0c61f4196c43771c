/**
 * Deleting contacts who wrote letters: says so, and asks whether their
 * letters go to the trash with them or stay in the Letters view.
 */
import { i18n } from '../../model/i18n';
import { useEffect, useRef } from 'react';
import type { LettersOnDelete } from '../../storage/contacts';

interface Props {
  letters: number;
  onChoose(choice: LettersOnDelete): void;
  onCancel(): void;
}

export function DeleteChoice({ letters, onChoose, onCancel }: Props) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div role="alertdialog" aria-labelledby="delete-letters-q" className="card stack" style={{ padding: 10, gap: 6 }} onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onCancel())}>
      <p id="delete-letters-q" style={{ margin: 0 }}>
        {i18n.t('letters.delete.question', letters, { n: letters })}
      </p>
      <div className="row" style={{ flexWrap: 'wrap', gap: 6 }}>
        <button ref={first} type="button" className="danger" onClick={() => onChoose('delete')}>
          {i18n.t('letters.delete.withLetters')}
        </button>
        <button type="button" onClick={() => onChoose('keep')}>
          {i18n.t('letters.delete.keepLetters')}
        </button>
        <button type="button" className="link" onClick={onCancel}>
          {i18n.t('letters.delete.cancel')}
        </button>
      </div>
    </div>
  );
}
