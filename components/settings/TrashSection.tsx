import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { notifyDataChanged } from '../../messages';
import { restoreContact } from '../../storage/contacts';
import { TRASH_DAYS, emptyTrash, listTrash, purgeAt } from '../../storage/trash';

const day = (epoch: number) => new Date(epoch).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** Deleted contacts, restorable until they are 30 days old or the trash is emptied. */
export function TrashSection() {
  const entries = useLiveQuery(listTrash, []);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();

  const act = async (action: () => Promise<string>) => {
    setMessage(undefined);
    try {
      setMessage({ text: await action() });
      await notifyDataChanged();
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
    }
  };

  return (
    <section className="stack" aria-labelledby="trash-heading" data-testid="trash-section">
      <h2 id="trash-heading">Trash</h2>
      <p className="muted data-note">Deleted contacts stay here with their history for {TRASH_DAYS} days, then go for good.</p>
      {entries === undefined ? (
        <p className="muted">Loading the trash…</p>
      ) : entries.length === 0 ? (
        <p className="muted">The trash is empty.</p>
      ) : (
        <>
          <ul className="data-list" aria-label="Deleted contacts">
            {entries.map((entry) => (
              <li key={entry.id} className="spread">
                <span className="stack data-item-text">
                  <strong>{entry.contact.fullName}</strong>
                  <span className="muted">
                    {[entry.contact.title, entry.contact.organization].filter(Boolean).join(' · ')}
                    {entry.contact.title || entry.contact.organization ? ' — ' : ''}
                    deleted {day(entry.deletedAt)}, gone after {day(purgeAt(entry.deletedAt))}
                  </span>
                </span>
                <button
                  type="button"
                  aria-label={`Restore ${entry.contact.fullName}`}
                  onClick={() => void act(async () => `Restored ${(await restoreContact(entry.id)).fullName}.`)}
                >
                  Restore
                </button>
              </li>
            ))}
          </ul>
          {confirming ? (
            <div className="row" role="group" aria-label="Confirm emptying the trash">
              <span>
                Delete {entries.length} contact{entries.length === 1 ? '' : 's'} for good?
              </span>
              <button
                type="button"
                className="danger"
                onClick={() =>
                  void act(async () => {
                    const n = await emptyTrash();
                    setConfirming(false);
                    return `Deleted ${n} contact${n === 1 ? '' : 's'} for good.`;
                  })
                }
              >
                Delete for good
              </button>
              <button type="button" onClick={() => setConfirming(false)} autoFocus>
                Cancel
              </button>
            </div>
          ) : (
            <div>
              <button type="button" onClick={() => setConfirming(true)}>
                Empty trash
              </button>
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
