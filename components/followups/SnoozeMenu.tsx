/**
 * The "Snooze…" button and its choices (1 day, 3 days, a week, a date),
 * shared by every kind of due item. Escape closes the choices and gives focus
 * back to the button.
 */
import { i18n } from '../../model/i18n';
import { useId, useRef, useState } from 'react';
import { dueAfter, localDay, SNOOZE_CHOICES, type SnoozeChoice } from '../../followups/rules';

interface Props {
  name: string;
  now: number;
  onSnooze(choice: SnoozeChoice | { date: string }): Promise<void>;
}

export function SnoozeMenu({ name, now, onSnooze }: Props) {
  const [snoozing, setSnoozing] = useState(false);
  const [date, setDate] = useState('');
  const toggle = useRef<HTMLButtonElement>(null);
  const snoozeId = useId();
  const tomorrow = localDay(dueAfter(now, 1));
  const snooze = async (choice: SnoozeChoice | { date: string }) => {
    await onSnooze(choice);
    setSnoozing(false);
  };

  return (
    <>
      <button
        ref={toggle}
        type="button"
        aria-label={i18n.t('popup.snooze2', { name })}
        aria-expanded={snoozing}
        aria-controls={snoozeId}
        onClick={() => setSnoozing((open) => !open)}
      >
        {i18n.t('popup.snooze')}
      </button>
      {snoozing && (
        // data-transient: an open menu is not copied into the popup's first paint (components/first-paint/dom-copy.ts).
        <div
          id={snoozeId}
          role="group"
          aria-label={i18n.t('popup.snoozeFor', { name })}
          className="stack"
          style={{ gap: 6, flexBasis: '100%' }}
          data-transient=""
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            // Escape closes just these choices, not whatever holds the list.
            event.stopPropagation();
            setSnoozing(false);
            toggle.current?.focus();
          }}
        >
          <div className="row" style={{ flexWrap: 'wrap', gap: 6 }}>
            {SNOOZE_CHOICES.map((choice) => (
              <button key={choice.id} type="button" onClick={() => void snooze(choice.id)}>
                {choice.label}
              </button>
            ))}
          </div>
          <form
            className="row"
            style={{ alignItems: 'flex-end', gap: 6 }}
            onSubmit={(event) => {
              event.preventDefault();
              void snooze({ date });
            }}
          >
            <label style={{ flex: 1 }}>
              {i18n.t('popup.untilADate')}
              <input type="date" min={tomorrow} value={date} required onChange={(e) => setDate(e.target.value)} />
            </label>
            <button type="submit" disabled={!date}>
              {i18n.t('popup.snoozeUntilThen')}
            </button>
          </form>
        </div>
      )}
    </>
  );
}
