import { useState } from 'react';
import type { Contact } from '../storage/schemas';

function initials(name: string): string {
  const parts = name.split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase();
}

/** A contact's photo (its stored thumbnail, else its link), or their initials. Only raster data: and http(s) images are rendered. */
export function Avatar({
  contact,
  small,
}: {
  contact: Pick<Contact, 'fullName' | 'photoUrl'> & Partial<Pick<Contact, 'photoThumb'>>;
  small?: boolean;
}) {
  const className = small ? 'avatar small' : 'avatar';
  // Signed photo links expire and may be offline: fall back to initials rather than a broken image.
  // (Declared before any early return: React's hooks must run in the same order every render.)
  const [failed, setFailed] = useState<string>();
  // The stored thumbnail first: LinkedIn's photo links expire. Only raster data: links are rendered.
  if (contact.photoThumb && /^data:image\/(?:png|jpeg|webp);base64,/.test(contact.photoThumb)) {
    return <img className={className} src={contact.photoThumb} alt="" />;
  }
  if (contact.photoUrl && /^https?:\/\//i.test(contact.photoUrl) && failed !== contact.photoUrl) {
    const src = contact.photoUrl;
    return <img className={className} src={src} alt="" referrerPolicy="no-referrer" onError={() => setFailed(src)} />;
  }
  return (
    <span className={className} aria-hidden="true">
      {initials(contact.fullName)}
    </span>
  );
}
