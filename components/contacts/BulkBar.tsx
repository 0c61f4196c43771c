import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { distinctValues } from '../../storage/contact-list';
import { countLettersBy, deleteContacts, restoreContacts, setStatuses, tagContacts, type LettersOnDelete } from '../../storage/contacts';
import { restoreContactRecords, setKeepInTouch } from '../../storage/keep-in-touch';
import { DeleteChoice } from '../letters/DeleteChoice';
import { INTERVALS, intervalLabel } from '../letters/KeepInTouchSelect';
import { STATUSES, type Status } from '../../model/schemas';
import { withUndo } from '../../storage/undo';
import { useUndo } from '../undo';
import { afterWrite, useWrite } from '../use-write';
import { i18n } from '../../model/i18n';
import { statusLabel } from '../labels';

interface Props {
  ids: string[];
  onDone(): void;
}

/** Actions on the ticked contacts: tag, change status, delete; each can be undone. */
export function BulkBar({ ids, onDone }: Props) {
  const tags = useLiveQuery(() => distinctValues('tags'), []) ?? [];
  const [tag, setTag] = useState('');
  const { error, run: write } = useWrite();
  const [askLetters, setAskLetters] = useState<number>();
  const offerUndo = useUndo();
  const count = ids.length;

  const run = async (action: () => Promise<unknown>) => {
    if (await write(action)) onDone();
  };

  const undoable = async (message: string, change: () => Promise<unknown>) => {
    const { undo } = await withUndo(ids, change);
    offerUndo({ message, undo: afterWrite(undo) });
  };
  const remove = (letters: LettersOnDelete) =>
    run(async () => {
      setAskLetters(undefined);
      const entries = await deleteContacts(ids, Date.now(), letters);
      offerUndo({
        message: i18n.t('contacts.deletedN', entries.length, { n: entries.length }),
        undo: afterWrite(() => restoreContacts(entries.map((e) => e.id))),
      });
    });

  const keepInTouch = (value: string) =>
    run(async () => {
      const days = value === 'off' ? undefined : Number(value);
      const before = await setKeepInTouch(ids, days);
      offerUndo({
        message: days === undefined ? i18n.t('letters.keep.bulkOffDone', before.length, { n: before.length }) : i18n.t('letters.keep.bulkDone', before.length, { n: before.length }),
        undo: afterWrite(() => restoreContactRecords(before)),
      });
    });

  return (
    <div className="bulk" role="region" aria-label={i18n.t('contacts.bulkActions')}>
      <strong>{i18n.t('contacts.selected', { count })}</strong>
      <form
        className="row"
        style={{ flex: 2 }}
        onSubmit={(e) => {
          e.preventDefault();
          const value = tag.trim();
          if (value) void run(() => undoable(i18n.t('trust.undoTagged', count, { n: count, tag: value }), () => tagContacts(ids, value))).then(() => setTag(''));
        }}
      >
        <input list="bulk-tags" aria-label={i18n.t('contacts.tagToAdd')} placeholder={i18n.t('contacts.addTag')} value={tag} onChange={(e) => setTag(e.target.value)} />
        <datalist id="bulk-tags">
          {tags.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        <button type="submit" disabled={!tag.trim()}>{i18n.t('contacts.tag')}</button>
      </form>
      <select
        aria-label={i18n.t('contacts.setStatus2')}
        value=""
        onChange={(e) => {
          const status = e.target.value as Status | '';
          if (status) void run(() => undoable(i18n.t('trust.undoBulkStatus', count, { n: count, status: statusLabel(status) }), () => setStatuses(ids, status)));
        }}
      >
        <option value="">{i18n.t('contacts.setStatus')}</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {statusLabel(s)}
          </option>
        ))}
      </select>
      <select aria-label={i18n.t('letters.keep.bulkLabel')} value="" onChange={(e) => e.target.value && void keepInTouch(e.target.value)}>
        <option value="">{i18n.t('letters.keep.bulkOff')}</option>
        {INTERVALS.map((days) => (
          <option key={days} value={days}>
            {intervalLabel(days)}
          </option>
        ))}
        <option value="off">{i18n.t('letters.keep.bulkOffOption')}</option>
      </select>
      <button
        type="button"
        onClick={() =>
          void (async () => {
            // Writers of letters: say so, and let the user keep or delete their letters.
            const letters = await countLettersBy(ids);
            if (letters > 0) setAskLetters(letters);
            else await remove('delete');
          })()
        }
      >{i18n.t('contacts.delete')}</button>
      {askLetters !== undefined && (
        <DeleteChoice letters={askLetters} onCancel={() => setAskLetters(undefined)} onChoose={(choice) => void remove(choice)} />
      )}
      <button type="button" className="link" onClick={onDone}>{i18n.t('contacts.clearSelection')}</button>
      {error && (
        <p className="error" role="alert" style={{ margin: 0, width: '100%' }}>
          {error}
        </p>
      )}
    </div>
  );
}
