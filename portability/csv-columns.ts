/**
 * The columns of Rapport's contacts CSV, and the header words that the import
 * recognises for each field. The export's own headers are among the synonyms,
 * so that an exported file imports back without any mapping by hand.
 */

import { csvHeader } from '../model/contact-fields';
import { userText, type UserText } from '../model/user-text';
export const IMPORT_TARGETS = [
  'id', 'fullName', 'firstName', 'lastName', 'honorific', 'credentials', 'pronouns', 'headline', 'title',
  'organization', 'specialty', 'subspecialty', 'location', 'email', 'phone', 'profile', 'photoUrl', 'tags',
  'status', 'whereMetEvent', 'whereMetDate', 'connectedOn', 'education', 'notes',
] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

/** Targets that several columns may feed (a LinkedIn and a Doximity column are both profile links). */
export const MULTI_COLUMN_TARGETS = new Set<ImportTarget>(['profile', 'tags']);

/** Each target's name in a CSV: a contact field's own column header (model/contact-fields.ts), or a part of one. */
export const TARGET_LABELS: Record<ImportTarget, string> = {
  id: csvHeader('id'),
  fullName: csvHeader('fullName'),
  firstName: csvHeader('firstName'),
  lastName: csvHeader('lastName'),
  honorific: csvHeader('honorific'),
  credentials: csvHeader('credentials'),
  pronouns: csvHeader('pronouns'),
  headline: csvHeader('headline'),
  title: csvHeader('title'),
  organization: csvHeader('organization'),
  specialty: csvHeader('specialty'),
  subspecialty: csvHeader('subspecialty'),
  location: csvHeader('location'),
  email: csvHeader('email'),
  phone: csvHeader('phone'),
  profile: 'Profile link',
  photoUrl: csvHeader('photoUrl'),
  tags: csvHeader('tags'),
  status: csvHeader('status'),
  whereMetEvent: 'Where met',
  whereMetDate: 'Met on',
  connectedOn: csvHeader('connectedOn'),
  education: csvHeader('education'),
  notes: csvHeader('notes'),
};

const SYNONYMS: Record<ImportTarget, string[]> = {
  id: ['id', 'rapport id', 'record id', 'contact id'],
  fullName: ['full name', 'name', 'fullname', 'contact', 'contact name', 'display name', 'person'],
  firstName: ['first name', 'first', 'given name', 'forename', 'firstname'],
  lastName: ['last name', 'last', 'surname', 'family name', 'lastname'],
  honorific: ['honorific', 'prefix', 'salutation'],
  credentials: ['credentials', 'degrees', 'credential', 'qualifications', 'post-nominals'],
  pronouns: ['pronouns'],
  headline: ['headline', 'tagline', 'bio'],
  title: ['title', 'job title', 'position', 'role', 'occupation'],
  organization: ['organization', 'organisation', 'company', 'employer', 'institution', 'program', 'hospital', 'affiliation'],
  specialty: ['specialty', 'speciality', 'field'],
  subspecialty: ['subspecialty', 'subspeciality'],
  location: ['location', 'city', 'address', 'region'],
  email: ['email', 'email address', 'e-mail', 'e-mail address', 'mail'],
  phone: ['phone', 'phone number', 'mobile', 'telephone', 'tel', 'cell'],
  profile: [
    'profile', 'profile link', 'profile url', 'url', 'link', 'linkedin', 'linkedin url', 'linkedin profile',
    'doximity', 'doximity url', 'web', 'website', 'homepage', 'web page',
  ],
  photoUrl: ['photo', 'photo url', 'picture', 'image', 'avatar'],
  tags: ['tags', 'tag', 'labels', 'groups'],
  status: ['status', 'stage'],
  whereMetEvent: ['where met', 'met at', 'event', 'where we met'],
  whereMetDate: ['met on', 'date met', 'when met'],
  connectedOn: ['connected on', 'connected', 'connection date'],
  education: ['education', 'schools', 'school'],
  notes: ['notes', 'note', 'comments', 'comment'],
};

export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const BY_HEADER = new Map<string, ImportTarget>();
for (const target of IMPORT_TARGETS) {
  for (const word of SYNONYMS[target]) BY_HEADER.set(normalizeHeader(word), target);
}

/** One target per column, or undefined to ignore the column. */
export type ColumnMapping = (ImportTarget | undefined)[];

/**
 * Guesses what each column holds from its header. Each field is taken by the
 * first column that names it, except the ones several columns may feed.
 */
export function guessMapping(header: readonly string[]): ColumnMapping {
  const taken = new Set<ImportTarget>();
  return header.map((h) => {
    const target = BY_HEADER.get(normalizeHeader(h));
    if (!target || (taken.has(target) && !MULTI_COLUMN_TARGETS.has(target))) return undefined;
    taken.add(target);
    return target;
  });
}

/** A mapping is usable when it can tell who each row is. */
export function mappingProblem(mapping: ColumnMapping): UserText | undefined {
  const has = (t: ImportTarget) => mapping.includes(t);
  if (!has('fullName') && !has('firstName') && !has('lastName')) {
    return userText('portability.mapping.noName');
  }
  const seen = new Set<ImportTarget>();
  for (const target of mapping) {
    if (!target) continue;
    if (seen.has(target) && !MULTI_COLUMN_TARGETS.has(target)) {
      // The target, not its label: the page names it in the user's language.
      return userText('portability.mapping.twice', { target });
    }
    seen.add(target);
  }
  return undefined;
}
