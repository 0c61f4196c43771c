/**
 * The one table of a contact's fields and their names: every field of `Contact` (./schemas.ts), with the header of
 * its column in a contacts CSV. The name shown on screen is the locale key `labels.field.<field>` (in
 * locales/*.yml), which the contact form and the page-changes list read through components/labels.ts's
 * `fieldLabel`. The CSV headers (the export's columns and the import's names for them) stay English, because they
 * are a file format that portability/csv-columns.ts reads back without any mapping by hand.
 */
import type { Contact } from './schemas';

export type ContactField = keyof Contact;

interface FieldEntry {
  /** The header of the field's own column in a contacts CSV; absent when it has none (internal, or split into several). */
  readonly csv?: string;
}

/** Every field: a field added to `Contact` without an entry here does not compile. */
export const CONTACT_FIELDS = {
  source: { csv: 'Source' },
  fullName: { csv: 'Full name' },
  firstName: { csv: 'First name' },
  lastName: { csv: 'Last name' },
  honorific: { csv: 'Honorific' },
  credentials: { csv: 'Credentials' },
  pronouns: { csv: 'Pronouns' },
  headline: { csv: 'Headline' },
  title: { csv: 'Title' },
  organization: { csv: 'Organization' },
  specialty: { csv: 'Specialty' },
  subspecialty: { csv: 'Subspecialty' },
  location: { csv: 'Location' },
  about: {},
  education: { csv: 'Education' },
  experience: {},
  affiliations: {},
  photoUrl: { csv: 'Photo' },
  email: { csv: 'Email' },
  phone: { csv: 'Phone' },
  id: { csv: 'Rapport ID' },
  // One column per site (LinkedIn, Doximity, Website).
  profiles: {},
  identities: {},
  tags: { csv: 'Tags' },
  notes: { csv: 'Notes' },
  status: { csv: 'Status' },
  // Two columns: where and when.
  whereMet: {},
  connectedOn: { csv: 'Connected on' },
  userEdited: {},
  pageChanges: {},
  photoThumb: {},
  possibleDuplicateOf: {},
  createdAt: { csv: 'Created' },
  updatedAt: {},
  capturedAt: {},
  lastContactedAt: { csv: 'Last contacted' },
  nextFollowUpAt: { csv: 'Next follow-up' },
  followUpsSent: {},
  lastInteractionAt: {},
  keepInTouchDays: {},
  keepInTouchFrom: {},
  keepInTouchSnoozedUntil: {},
  keepInTouchAt: {},
  reachedAt: {},
  repliedAt: {},
  conversationAt: {},
} as const satisfies { readonly [F in ContactField]-?: FieldEntry };

export const CONTACT_FIELD_NAMES = Object.keys(CONTACT_FIELDS) as ContactField[];

/** The fields with a CSV column of their own. */
export type CsvField = { [F in ContactField]: (typeof CONTACT_FIELDS)[F] extends { csv: string } ? F : never }[ContactField];

/** The CSV header of a field that has a column of its own. */
export function csvHeader(field: CsvField): string {
  return CONTACT_FIELDS[field].csv;
}
