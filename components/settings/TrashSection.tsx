import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { restoreContact } from '../../storage/contacts';
import { TRASH_DAYS, emptyTrash, listTrash, purgeAt } from '../../storage/trash';
import { i18n } from '../../model/i18n';
import { formatDate } from '../format';
import { useWriteStatus } from '../use-write';

const day = (epoch: number) => formatDate(epoch);

/** Deleted contacts, restorable until they are 30 days old or the trash is emptied. */
export function TrashSection() {
  const entries = useLiveQuery(listTrash, []);
  const [confirming, setConfirming] = useState(false);
  const { status: message, run: act } = useWriteStatus();

  return (
    <section className="stack" aria-labelledby="trash-heading" data-testid="trash-section">
      <h2 id="trash-heading">{i18n.t('settings.trash')}</h2>
      <p className="muted data-note">{i18n.t('settings.deletedContactsStayHere', { TRASH_DAYS })}</p>
      {entries === undefined ? (
        <p className="muted">{i18n.t('settings.loadingTheTrash')}</p>
      ) : entries.length === 0 ? (
        <p className="muted">{i18n.t('settings.theTrashIsEmpty')}</p>
      ) : (
        <>
          <ul className="data-list" aria-label={i18n.t('settings.deletedContacts')}>
            {entries.map((entry) => (
              <li key={entry.id} className="spread">
                <span className="stack data-item-text">
                  <strong>{entry.contact.fullName}</strong>
                  <span className="muted">
                    {[entry.contact.title, entry.contact.organization].filter(Boolean).join(' · ')}
                    {entry.contact.title || entry.contact.organization ? ' — ' : ''}{i18n.t('settings.deletedGoneAfter', { deleted: day(entry.deletedAt), gone: day(purgeAt(entry.deletedAt)) })}
                  </span>
                </span>
                <button
                  type="button"
                  aria-label={i18n.t('settings.restore2', { fullName: entry.contact.fullName })}
                  onClick={() => void act(async () => i18n.t('settings.restored', { name: (await restoreContact(entry.id)).fullName }))}
                >{i18n.t('settings.restore')}</button>
              </li>
            ))}
          </ul>
          {confirming ? (
            <div className="row" role="group" aria-label={i18n.t('settings.confirmEmptyingTheTrash')}>
              <span>{i18n.t('settings.deleteForGoodQuestion', entries.length, { n: entries.length })}</span>
              <button
                type="button"
                className="danger"
                onClick={() =>
                  void act(async () => {
                    const n = await emptyTrash();
                    setConfirming(false);
                    return i18n.t('settings.deletedForGood', n, { n });
                  })
                }
              >{i18n.t('settings.deleteForGood')}</button>
              <button type="button" onClick={() => setConfirming(false)} autoFocus>{i18n.t('settings.cancel')}</button>
            </div>
          ) : (
            <div>
              <button type="button" onClick={() => setConfirming(true)}>{i18n.t('settings.emptyTrash')}</button>
            </div>
          )}
        </>
      )}
      {message && (
        <p className={message.error ? 'error' : 'ok'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
