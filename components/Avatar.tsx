import { useState } from 'react';
import { isAllowedPhotoUrl } from '../capture/photo-hosts';
import { initials } from '../contacts/initials';
import type { Contact } from '../model/schemas';

/**
 * A contact's photo (its stored thumbnail, else its link), or their initials. Only raster data: images, and links to
 * LinkedIn's and Doximity's image servers (capture/photo-hosts.ts), are loaded: any other host would learn when the
 * user looks at this contact.
 */
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
  if (contact.photoUrl && isAllowedPhotoUrl(contact.photoUrl) && failed !== contact.photoUrl) {
    const src = contact.photoUrl;
    return <img className={className} src={src} alt="" referrerPolicy="no-referrer" onError={() => setFailed(src)} />;
  }
  return (
    <span className={className} aria-hidden="true">
      {initials(contact.fullName)}
    </span>
  );
}
