import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { notifyDataChanged } from '../../messages';
import { distinctValues } from '../../storage/contact-list';
import { deleteContacts, restoreContacts, setStatuses, tagContacts } from '../../storage/contacts';
import { STATUSES, type Status } from '../../storage/schemas';
import { useUndo } from '../undo';
import { i18n } from '#i18n';
import { statusLabel } from '../labels';

interface Props {
  ids: string[];
  onDone(): void;
}

/** Actions on the ticked contacts: tag, change status, delete (with undo). */
export function BulkBar({ ids, onDone }: Props) {
  const tags = useLiveQuery(() => distinctValues('tags'), []) ?? [];
  const [tag, setTag] = useState('');
  const [error, setError] = useState<string>();
  const offerUndo = useUndo();
  const count = ids.length;

  const run = async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
      await notifyDataChanged();
      onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <div className="bulk" role="region" aria-label={i18n.t('contacts.bulkActions')}>
      <strong>{i18n.t('contacts.selected', { count })}</strong>
      <form
        className="row"
        style={{ flex: 2 }}
        onSubmit={(e) => {
          e.preventDefault();
          const value = tag.trim();
          if (value) void run(() => tagContacts(ids, value)).then(() => setTag(''));
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
        onChange={(e) => e.target.value && void run(() => setStatuses(ids, e.target.value as Status))}
      >
        <option value="">{i18n.t('contacts.setStatus')}</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {statusLabel(s)}
          </option>
        ))}
      </select>
      <button
        type="button"
        onClick={() =>
          void run(async () => {
            const entries = await deleteContacts(ids);
            offerUndo({
              message: i18n.t('contacts.deletedN', entries.length, { n: entries.length }),
              undo: () => restoreContacts(entries.map((e) => e.id)).then(notifyDataChanged),
            });
          })
        }
      >{i18n.t('contacts.delete')}</button>
      <button type="button" className="link" onClick={onDone}>{i18n.t('contacts.clearSelection')}</button>
      {error && (
        <p className="error" role="alert" style={{ margin: 0, width: '100%' }}>
          {error}
        </p>
      )}
    </div>
  );
}
