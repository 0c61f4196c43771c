import type { Contact } from '../storage/schemas';

function initials(name: string): string {
  const parts = name.split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase();
}

/** A contact's photo, or their initials. Only http(s) images are ever rendered. */
export function Avatar({ contact, small }: { contact: Pick<Contact, 'fullName' | 'photoUrl'>; small?: boolean }) {
  const className = small ? 'avatar small' : 'avatar';
  if (contact.photoUrl && /^https?:\/\//i.test(contact.photoUrl)) {
    return <img className={className} src={contact.photoUrl} alt="" referrerPolicy="no-referrer" />;
  }
  return (
    <span className={className} aria-hidden="true">
      {initials(contact.fullName)}
    </span>
  );
}
