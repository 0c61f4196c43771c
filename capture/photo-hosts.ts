/**
 * The only image servers an extension page may load a photo from: LinkedIn's and Doximity's, as the README promises
 * and the manifest's host permissions list. Any other photo link a page or a CSV gives is kept as a link and shown as
 * initials, so that no host learns when the user looks at a contact (a tracking pixel).
 */
export const PHOTO_HOSTS = ['media.licdn.com', 'doximity-res.cloudinary.com'] as const;

export function isAllowedPhotoUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && (PHOTO_HOSTS as readonly string[]).includes(parsed.hostname.toLowerCase());
  } catch {
    return false;
  }
}
