/**
 * The start of a capture from structured data (schema.org or microformats):
 * both give a display name and, sometimes, given and family names, an
 * honorific prefix and suffixes. Kept in one place so the two readers agree.
 */
import type { CaptureInput } from '../model/schemas';
import { parseName } from './names';
import { withoutFragment } from './text';

export interface StructuredName {
  name?: string;
  given?: string;
  family?: string;
  honorificPrefix?: string;
  /** Honorific suffixes as written ("MD", "MD, PhD"); credentials are read from them. */
  suffixes?: readonly string[];
}

/** A web capture with the person's name parts filled in, or null when there is no name. */
export function captureFromStructuredName(parts: StructuredName, pageUrl: string): CaptureInput | null {
  const { given, family } = parts;
  const name = parseName(parts.name ?? [given, family].filter(Boolean).join(' '));
  if (!name.fullName) return null;
  const capture: CaptureInput = {
    source: 'web',
    fullName: name.fullName,
    credentials: [...name.credentials],
    profileUrl: withoutFragment(pageUrl),
  };
  // Explicit given and family names win over a split of the display name, but only as a pair.
  const firstName = (given && family ? given : undefined) ?? name.firstName;
  const lastName = (given && family ? family : undefined) ?? name.lastName;
  if (firstName) capture.firstName = firstName;
  if (lastName) capture.lastName = lastName;
  const honorific = parts.honorificPrefix ?? name.honorific;
  if (honorific) capture.honorific = honorific;
  for (const suffix of parts.suffixes ?? []) {
    for (const credential of parseName(`X Y, ${suffix}`).credentials) {
      if (!capture.credentials?.includes(credential)) capture.credentials?.push(credential);
    }
  }
  return capture;
}
