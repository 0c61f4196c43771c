import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { duplicateCandidates, duplicatePairs, keepBoth, mergeContacts } from '../../storage/duplicates';
import type { Contact } from '../../model/schemas';
import { Avatar } from '../Avatar';
import { i18n } from '../../model/i18n';
import { sourceFromLabel } from '../labels';
import { useWrite } from '../use-write';

interface Props {
  onOpen(id: string): void;
}

function Who({ contact, onOpen }: { contact: Contact; onOpen(id: string): void }) {
  const role = [contact.title, contact.organization].filter(Boolean).join(' · ');
  return (
    <div className="row" style={{ alignItems: 'flex-start', minWidth: 0 }}>
      <Avatar contact={contact} small />
      <div className="stack" style={{ gap: 0, minWidth: 0 }}>
        <button type="button" className="link" onClick={() => onOpen(contact.id)} style={{ textAlign: 'left' }}>
          {contact.fullName}
        </button>
        {role && <span className="muted">{role}</span>}
        <span className="muted">{sourceFromLabel(contact.source)}</span>
      </div>
    </div>
  );
}

/**
 * Possible duplicates: the same person saved from two sources. Never merged
 * silently; the user merges them (the older record is kept, the newer one's
 * links, tags, notes and timeline join it) or keeps both.
 */
export function DuplicateReview({ onOpen }: Props) {
  const contacts = useLiveQuery(duplicateCandidates, []);
  const { error, run } = useWrite();
  const [open, setOpen] = useState(false);
  const pairs = contacts ? duplicatePairs(contacts) : [];
  if (pairs.length === 0) return null;

  return (
    <section className="stack" aria-labelledby="duplicates-heading" style={{ padding: '8px 12px', gap: 8 }} data-testid="duplicate-review">
      <div className="banner">
        <span id="duplicates-heading">
          {pairs.length === 1 ? i18n.t('contacts.n1PossibleDuplicateTo') : i18n.t('contacts.possibleDuplicatesToReview', { length: pairs.length })}
        </span>
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? i18n.t('contacts.hide') : i18n.t('contacts.reviewDuplicates')}
        </button>
      </div>
      {open &&
        pairs.map(({ contact, other }) => (
          <div key={`${contact.id}:${other.id}`} className="card stack" role="group" aria-label={i18n.t('contacts.mayBe', { fullName: contact.fullName, fullName2: other.fullName })}>
            <p style={{ margin: 0 }}>{i18n.t('contacts.areTheseTheSame')}</p>
            <Who contact={other} onOpen={onOpen} />
            <Who contact={contact} onOpen={onOpen} />
            <div className="row">
              <button
                type="button"
                className="primary"
                aria-label={i18n.t('contacts.mergeIntoTheEarlier', { fullName: contact.fullName })}
                onClick={() => void run(() => mergeContacts(other.id, contact.id))}
              >{i18n.t('contacts.merge')}</button>
              <button
                type="button"
                aria-label={i18n.t('contacts.keepBothRecordsOf', { fullName: contact.fullName })}
                onClick={() => void run(() => keepBoth(contact.id, other.id))}
              >{i18n.t('contacts.keepBoth')}</button>
            </div>
          </div>
        ))}
      {error && (
        <p className="error" role="alert" style={{ margin: 0 }}>
          {error}
        </p>
      )}
    </section>
  );
}
