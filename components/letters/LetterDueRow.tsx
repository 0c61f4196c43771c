/**
 * A letter reminder in the due list: a check-in before the deadline, an
 * overdue letter, or a thank-you owed. Draft check-in (or thank-you), Mark
 * submitted (or thanked), Snooze and Not now; every one can be undone.
 */
import { i18n } from '../../model/i18n';
import { format } from 'date-fns';
import { daysLeft, type DueItem } from '../../followups/due';
import { dismissLetterReminder, setLetterStatus, snoozeLetter, undoLetterChange, type LetterUndo } from '../../storage/letters';
import type { Contact, Letter } from '../../model/schemas';
import type { DueAct } from '../followups/due-act';
import { DueRow } from '../followups/DueRow';
import { SnoozeMenu } from '../followups/SnoozeMenu';
import { letterKindLabel, writerName } from './labels';

interface Props {
  item: Extract<DueItem, { kind: 'letter' }>;
  letter: Letter;
  writer?: Contact;
  now: number;
  onDraft(): void;
  onAct: DueAct;
}

function reasonText(item: Props['item'], letter: Letter, now: number): string {
  const left = daysLeft(letter.deadline, now);
  switch (item.reason) {
    case 'nudge':
      return left === 0 ? i18n.t('letters.row.dueTodayDeadline') : i18n.t('letters.row.dueIn', left ?? 0, { n: left ?? 0 });
    case 'overdue':
      return i18n.t('letters.row.overdue', -(left ?? 0), { n: -(left ?? 0) });
    case 'check_in':
      return i18n.t('letters.row.checkIn');
    case 'thank_you':
      return i18n.t('letters.row.thankYou', { date: format(letter.submittedAt ?? now, 'MMM d') });
  }
}

export function LetterDueRow({ item, letter, writer, now, onDraft, onAct }: Props) {
  const name = writerName(writer);
  const thanks = item.reason === 'thank_you';
  const run = (action: () => Promise<LetterUndo | { undo: LetterUndo }>, done: string) =>
    onAct(async () => {
      const result = await action();
      const undo = 'undo' in result ? result.undo : result;
      return () => undoLetterChange(undo);
    }, done);

  return (
    <DueRow
      kind="letter"
      name={name}
      detail={letterKindLabel(letter)}
      when={reasonText(item, letter, now)}
      late={item.reason === 'overdue'}
      context={letter.meantFor.length > 0 ? i18n.t('letters.row.meantFor', { list: letter.meantFor.join(', ') }) : undefined}
    >
      {writer && (
        <button
          type="button"
          className="primary"
          aria-label={thanks ? i18n.t('letters.row.draftThanksLabel', { name }) : i18n.t('letters.row.draftCheckInLabel', { name })}
          onClick={onDraft}
        >
          {thanks ? i18n.t('letters.row.draftThanks') : i18n.t('letters.row.draftCheckIn')}
        </button>
      )}
      <button
        type="button"
        aria-label={thanks ? i18n.t('letters.row.markThankedLabel', { name }) : i18n.t('letters.row.markSubmittedLabel', { name })}
        onClick={() =>
          void run(
            () => setLetterStatus(letter.id, thanks ? 'thanked' : 'submitted'),
            thanks ? i18n.t('letters.row.thankedDone', { name }) : i18n.t('letters.row.submittedDone', { name }),
          )
        }
      >
        {thanks ? i18n.t('letters.row.markThanked') : i18n.t('letters.row.markSubmitted')}
      </button>
      <SnoozeMenu name={name} now={now} onSnooze={(choice) => run(() => snoozeLetter(letter.id, choice), i18n.t('letters.row.snoozed', { name }))} />
      <button
        type="button"
        aria-label={i18n.t('letters.row.notNowLabel', { name })}
        onClick={() => void run(() => dismissLetterReminder(letter.id), i18n.t('letters.row.notNowDone', { name }))}
      >
        {i18n.t('letters.row.notNow')}
      </button>
    </DueRow>
  );
}
