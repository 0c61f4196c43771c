import { useMemo } from 'react';
import { byOrganization } from '../../contacts/query';
import { STATUSES, STATUS_LABELS, type Contact } from '../../storage/schemas';

interface Props {
  contacts: Contact[];
  onOpen(id: string): void;
}

/** Everyone the user knows at each organization or program, with where each conversation stands. */
export function OrganizationsView({ contacts, onOpen }: Props) {
  const groups = useMemo(() => byOrganization(contacts), [contacts]);
  if (groups.length === 0) {
    return <p className="muted empty">No contact has an organization yet.</p>;
  }
  return (
    <ul className="org-list detail" aria-label="Organizations">
      {groups.map((group) => {
        const summary = STATUSES.filter((s) => group.counts[s] > 0)
          .map((s) => `${group.counts[s]} ${STATUS_LABELS[s].toLowerCase()}`)
          .join(', ');
        return (
          <li key={group.organization} className="card stack" style={{ gap: 4 }}>
            <h2>{group.organization}</h2>
            <p className="muted" style={{ margin: 0 }}>
              {group.contacts.length} contact{group.contacts.length === 1 ? '' : 's'}: {summary}
            </p>
            <ul className="chips" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {group.contacts.map((contact) => (
                <li key={contact.id}>
                  <button type="button" className="link" onClick={() => onOpen(contact.id)}>
                    {contact.fullName} ({STATUS_LABELS[contact.status]})
                  </button>
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}
