/**
 * One letter's fields, edited in place: status (each change logged on the
 * writer's timeline, with Undo), kind, what it is meant for, the ERAS fields,
 * the deadline and the dates of each step, notes. Every field saves on change;
 * the typed ones as the user types, so that closing the panel loses nothing.
 */
import { i18n } from '../../model/i18n';
import { format, parse, startOfDay } from 'date-fns';
import { deleteLetter, restoreLetter, setLetterStatus, undoLetterChange, updateLetter, type LetterPatch } from '../../storage/letters';
import { LETTER_KINDS, LETTER_STATUSES, WAIVERS, type Letter, type LetterStatus } from '../../model/schemas';
import { Select } from '../Select';
import { useUndo } from '../undo';
import { afterWrite, useWrite, writeThenNotify } from '../use-write';
import { TextField } from '../contacts/TextField';
import { kindLabel, letterStatusLabel, waiverLabel } from './labels';

const DAY_INPUT = 'yyyy-MM-dd';
const day = (at: number | undefined) => (at === undefined ? '' : format(at, DAY_INPUT));
const fromDay = (value: string) => (value ? startOfDay(parse(value, DAY_INPUT, new Date())).getTime() : undefined);

export function LetterEditor({ letter, writerName }: { letter: Letter; writerName: string }) {
  const { error, run } = useWrite();
  const offerUndo = useUndo();
  const update = (patch: LetterPatch) => run(() => updateLetter(letter.id, patch));
  // The typed fields save themselves as the user types (./../contacts/TextField): their errors show beside them.
  const save = (patch: LetterPatch) => writeThenNotify(() => updateLetter(letter.id, patch));
  const statusLabels = Object.fromEntries(LETTER_STATUSES.map((s) => [s, letterStatusLabel(s)]));
  const kindLabels = Object.fromEntries(LETTER_KINDS.map((k) => [k, kindLabel(k)]));
  const waiverOptions = ['', ...WAIVERS] as const;

  return (
    <div className="stack" style={{ gap: 8 }} data-testid="letter-editor">
      <div className="row" style={{ flexWrap: 'wrap' }}>
        <Select
          label={i18n.t('letters.field.status')}
          value={letter.status}
          options={LETTER_STATUSES}
          labels={statusLabels}
          style={{ flex: 1 }}
          onChange={(status: LetterStatus) =>
            void run(async () => {
              const { undo } = await setLetterStatus(letter.id, status);
              offerUndo({
                message: i18n.t('letters.editor.statusDone', { name: writerName, status: letterStatusLabel(status) }),
                undo: afterWrite(() => undoLetterChange(undo)),
              });
            })
          }
        />
        <Select label={i18n.t('letters.field.kind')} value={letter.kind} options={LETTER_KINDS} labels={kindLabels} style={{ flex: 1 }} onChange={(kind) => void update({ kind })} />
      </div>
      <TextField
        label={i18n.t('letters.field.meantFor')}
        placeholder={i18n.t('letters.field.meantForHint')}
        value={letter.meantFor.join(', ')}
        delay={null}
        journal={`letter:${letter.id}:meantFor`}
        onSave={(text) => save({ meantFor: text.split(',').map((s) => s.trim()).filter(Boolean) })}
      />
      <div className="row" style={{ flexWrap: 'wrap' }}>
        <label style={{ flex: 1 }}>
          {i18n.t('letters.field.deadline')}
          <input type="date" value={letter.deadline ?? ''} onChange={(e) => void update({ deadline: e.target.value || undefined })} />
        </label>
        <TextField
          label={i18n.t('letters.field.erasLetterId')}
          className="grow"
          value={letter.erasLetterId}
          journal={`letter:${letter.id}:erasLetterId`}
          onSave={(text) => save({ erasLetterId: text || undefined })}
        />
        <label style={{ flex: 1 }}>
          {i18n.t('letters.field.waiver')}
          <select value={letter.waiver ?? ''} onChange={(e) => void update({ waiver: (e.target.value || undefined) as Letter['waiver'] })}>
            {waiverOptions.map((w) => (
              <option key={w} value={w}>
                {w ? waiverLabel(w) : i18n.t('letters.waiver.unknown')}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="row" style={{ flexWrap: 'wrap' }}>
        <label style={{ flex: 1 }}>
          {i18n.t('letters.field.askedOn')}
          <input type="date" value={day(letter.askedAt)} onChange={(e) => void update({ askedAt: fromDay(e.target.value) })} />
        </label>
        <label style={{ flex: 1 }}>
          {i18n.t('letters.field.agreedOn')}
          <input type="date" value={day(letter.agreedAt)} onChange={(e) => void update({ agreedAt: fromDay(e.target.value) })} />
        </label>
        <label style={{ flex: 1 }}>
          {i18n.t('letters.field.submittedOn')}
          <input type="date" value={day(letter.submittedAt)} onChange={(e) => void update({ submittedAt: fromDay(e.target.value) })} />
        </label>
      </div>
      <TextField
        label={i18n.t('letters.field.notes')}
        multiline
        rows={2}
        value={letter.notes}
        journal={`letter:${letter.id}:notes`}
        onSave={(text) => save({ notes: text })}
      />
      <div>
        <button
          type="button"
          className="danger"
          onClick={() =>
            void run(async () => {
              const gone = await deleteLetter(letter.id);
              if (gone) {
                offerUndo({
                  message: i18n.t('letters.editor.deleted', { name: writerName }),
                  undo: afterWrite(() => restoreLetter(gone)),
                });
              }
            })
          }
        >
          {i18n.t('letters.editor.delete')}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
