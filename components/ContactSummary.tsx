import type { Contact } from '../model/schemas';
import { Avatar } from './Avatar';

/** Name, credentials, headline and location: what a capture is checked against at a glance. */
export function ContactSummary({ contact }: { contact: Contact }) {
  const role = [contact.title, contact.organization].filter(Boolean).join(' · ');
  return (
    <div className="row" style={{ alignItems: 'flex-start' }}>
      <Avatar contact={contact} />
      <div className="stack" style={{ gap: 2, minWidth: 0 }}>
        <h2 data-testid="contact-name">
          {contact.fullName}
          {contact.credentials.length > 0 && <span className="muted">, {contact.credentials.join(', ')}</span>}
        </h2>
        {contact.headline && <div>{contact.headline}</div>}
        {role && role !== contact.headline && <div className="muted">{role}</div>}
        {contact.location && <div className="muted">{contact.location}</div>}
      </div>
    </div>
  );
}
