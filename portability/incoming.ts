/**
 * A contact as an import file describes it, validated by the Contact schema
 * before anything is planned or written. Shared by the CSV and the LinkedIn
 * Connections importers.
 */
import { identityForUrl, profileRef } from '../model/profile-links';
import { Contact, httpUrl, type ContactInput } from '../model/schemas';
import { issuesFromZod, type ImportIssue, type SkippedRow } from './issues';
import { userText } from '../model/user-text';

/** The fields an import may fill; id, source and times are decided when the import is planned. */
export type ImportedFields = Omit<ContactInput, 'id' | 'source' | 'createdAt' | 'updatedAt' | 'profiles' | 'identities'>;

export interface IncomingContact {
  /** The row of the file it came from, for the report. */
  row: number;
  /** The validated contact; its id and times are placeholders until planned. */
  draft: Contact;
  /** The fields the row filled, the only ones an update may copy into a saved contact. */
  provided: (keyof Contact)[];
  /** The record id the file carries (a Rapport CSV export does). */
  id?: string;
  /** Source identities of the row's profile links, such as `linkedin:priya-raman-md`. */
  identities: string[];
  /** Lower-cased email, to recognise a saved contact that has no profile link. */
  email?: string;
}

/** What an importer made of a whole file. */
export interface ParsedContacts {
  incoming: IncomingContact[];
  skipped: SkippedRow[];
  issues: ImportIssue[];
  /** Data rows in the file, the header excluded. */
  rows: number;
}

const PLACEHOLDER = { id: 'import-draft', source: 'import' as const, createdAt: 0, updatedAt: 0 };

export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value).every(isEmptyValue);
  return false;
}

/**
 * Validates one row's fields and profile links. Empty values are dropped
 * first: an empty cell means "not known", never "erase".
 */
export function buildIncoming(
  row: number,
  fields: ImportedFields & { id?: string },
  links: { url: string; field: string }[],
  label: (path: string) => string,
): { incoming?: IncomingContact; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const profiles: Contact['profiles'] = {};
  const identities: string[] = [];
  for (const { url, field } of links) {
    if (!httpUrl.safeParse(url).success) {
      issues.push({ row, field, text: userText('validation.httpLink') });
      continue;
    }
    const ref = profileRef(url);
    const identity = identityForUrl(url);
    if (ref) profiles[ref.site] ??= ref.canonicalUrl;
    else profiles.web ??= url;
    if (identity && !identities.includes(identity)) identities.push(identity);
  }
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (!isEmptyValue(value)) clean[key] = value;
  const parsed = Contact.safeParse({ ...clean, ...PLACEHOLDER, id: fields.id || PLACEHOLDER.id, profiles, identities });
  if (!parsed.success) issues.push(...issuesFromZod(parsed.error, row, label));
  if (issues.length > 0 || !parsed.success) return { issues };
  const provided = Object.keys(clean).filter((key) => key !== 'id') as (keyof Contact)[];
  if (Object.keys(profiles).length > 0) provided.push('profiles');
  const email = parsed.data.email?.toLowerCase();
  return {
    incoming: {
      row,
      draft: parsed.data,
      provided,
      identities,
      ...(fields.id ? { id: parsed.data.id } : {}),
      ...(email ? { email } : {}),
    },
    issues,
  };
}
