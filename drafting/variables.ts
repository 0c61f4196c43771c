/**
 * The variables a template may use, and their values for one contact. A
 * value is a plain string; an empty string means "unknown", which the
 * renderer shows as missing rather than leaving a hole in the message.
 */
import { i18n, type PlainKey } from '../model/i18n';
import type { Contact, Letter, Settings } from '../model/schemas';
import { findSharedSchool } from './shared-school';

export type VariableSource = 'contact' | 'me' | 'derived' | 'draft';

export interface VariableDef {
  name: string;
  label: string;
  source: VariableSource;
  /** What the value is, shown in autocompletion and the fill-in form. */
  hint: string;
  /** How the draft asks for a value when none is known. */
  input?: 'text' | 'multiline' | 'date' | 'choice';
  choices?: readonly string[];
}

export const WAIVER_CHOICES = [
  'I have waived my right to see the letter.',
  'I have not waived my right to see the letter.',
] as const;

/** A variable whose label and hint are read from the locale files (`drafting.variable.*`) each time they are shown. */
function variable(name: string, source: VariableSource, more: Pick<VariableDef, 'input' | 'choices'> = {}): VariableDef {
  type Key = PlainKey;
  return {
    name,
    source,
    ...more,
    get label() {
      return i18n.t(`drafting.variable.${name}.label` as Key);
    },
    get hint() {
      return i18n.t(`drafting.variable.${name}.hint` as Key);
    },
  };
}

export const VARIABLES: readonly VariableDef[] = [
  variable('firstName', 'contact'),
  variable('lastName', 'contact'),
  variable('fullName', 'contact'),
  variable('salutation', 'derived'),
  variable('credentials', 'contact'),
  variable('title', 'contact'),
  variable('organization', 'contact'),
  variable('specialty', 'contact'),
  variable('location', 'contact'),
  variable('school', 'contact'),
  variable('whereMet', 'contact'),
  variable('myName', 'me'),
  variable('mySchool', 'me'),
  variable('myYear', 'me'),
  variable('mySpecialty', 'me'),
  variable('myAamcId', 'me', { input: 'text' }),
  variable('signature', 'me', { input: 'multiline' }),
  variable('sharedSchool', 'derived'),
  variable('erasLetterId', 'draft'),
  variable('waiverChoice', 'draft', { input: 'choice', choices: WAIVER_CHOICES }),
  variable('letterDeadline', 'draft', { input: 'date' }),
];

const BY_NAME = new Map(VARIABLES.map((v) => [v.name, v]));

export function variableDef(name: string): VariableDef | undefined {
  return BY_NAME.get(name);
}

export function isKnownVariable(name: string): boolean {
  return BY_NAME.has(name);
}

export type VariableValues = Record<string, string>;

/** Credentials that make someone "Dr." in a greeting. */
const DOCTORAL = /^(MD|DO|PhD|MBBS|MBChB|DPM|DDS|DMD|PharmD|PsyD|DNP|EdD|DrPH|ScD)$/i;

function words(name: string): string[] {
  return name.split(/\s+/).filter(Boolean);
}

/** The school where they studied medicine, else the first they list. */
function mainSchool(contact: Pick<Contact, 'education'>): string {
  const medical = contact.education.find((e) => /\b(M\.?D|D\.?O|MBBS|medic|osteopath)/i.test(e.degree ?? ''));
  return (medical ?? contact.education[0])?.school ?? '';
}

/** A date typed as yyyy-mm-dd, written out in the user's language ("September 1, 2026"). */
export function formatDay(iso: string, locale?: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!match) return iso.trim();
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

function composedSignature(settings: Pick<Settings, 'signature' | 'myName' | 'myYear' | 'mySchool'>): string {
  if (settings.signature.trim()) return settings.signature.trim();
  if (!settings.myName.trim()) return '';
  const role = [settings.myYear, settings.mySchool].map((s) => s.trim()).filter(Boolean).join(', ');
  return role ? `${settings.myName.trim()}\n${role}` : settings.myName.trim();
}

type ContactFields = Pick<
  Contact,
  | 'fullName'
  | 'firstName'
  | 'lastName'
  | 'honorific'
  | 'credentials'
  | 'title'
  | 'organization'
  | 'specialty'
  | 'location'
  | 'education'
  | 'whereMet'
>;
type SettingsFields = Pick<Settings, 'myName' | 'mySchool' | 'myYear' | 'mySpecialty' | 'myAamcId' | 'signature'>;

/**
 * Every variable's value for `contact` as seen by the user described in
 * `settings`. `typed` holds what the user typed in the draft; it fills
 * variables nothing else knows and wins over a known value, because the user
 * typed it on purpose.
 */
/** What a letter record knows for a letter's templates: its ERAS Letter ID, waiver and deadline. */
export function letterValues(letter: Pick<Letter, 'erasLetterId' | 'waiver' | 'deadline'> | undefined): VariableValues {
  return {
    erasLetterId: letter?.erasLetterId ?? '',
    waiverChoice: letter?.waiver === 'waived' ? WAIVER_CHOICES[0] : letter?.waiver === 'not_waived' ? WAIVER_CHOICES[1] : '',
    letterDeadline: letter?.deadline ? formatDay(letter.deadline) : '',
  };
}

/** The draft's typed letter fill-ins as a letter record's fields, for "Mark as sent" to store on the letter. */
export function letterFieldsFromDraft(typed: VariableValues): Pick<Letter, 'erasLetterId' | 'waiver' | 'deadline'> {
  const waiver = typed.waiverChoice === WAIVER_CHOICES[0] ? 'waived' : typed.waiverChoice === WAIVER_CHOICES[1] ? 'not_waived' : undefined;
  const deadline = /^\d{4}-\d{2}-\d{2}$/.test(typed.letterDeadline ?? '') ? typed.letterDeadline : undefined;
  return {
    ...(typed.erasLetterId?.trim() ? { erasLetterId: typed.erasLetterId.trim() } : {}),
    ...(waiver ? { waiver } : {}),
    ...(deadline ? { deadline } : {}),
  };
}

export function variableValues(
  contact: ContactFields,
  settings: SettingsFields,
  typed: VariableValues = {},
  letter?: Pick<Letter, 'erasLetterId' | 'waiver' | 'deadline'>,
): VariableValues {
  const names = words(contact.fullName);
  const firstName = contact.firstName?.trim() || names[0] || '';
  const lastName = contact.lastName?.trim() || (names.length > 1 ? (names[names.length - 1] ?? '') : '');
  const doctor =
    /^dr\.?$/i.test(contact.honorific?.trim() ?? '') || contact.credentials.some((c) => DOCTORAL.test(c.replace(/\./g, '')));
  const salutation = contact.honorific?.trim() && lastName
    ? `${contact.honorific.trim()} ${lastName}`
    : doctor && lastName
      ? `Dr. ${lastName}`
      : firstName;
  const schools = contact.education.map((e) => e.school);
  const shared = findSharedSchool(settings.mySchool, schools);

  const values: VariableValues = {
    firstName,
    lastName,
    fullName: contact.fullName.trim(),
    salutation,
    credentials: contact.credentials.join(', '),
    title: contact.title?.trim() ?? '',
    organization: contact.organization?.trim() ?? '',
    specialty: contact.specialty?.trim() ?? '',
    location: contact.location?.trim() ?? '',
    school: mainSchool(contact),
    whereMet: contact.whereMet?.event?.trim() ?? '',
    myName: settings.myName.trim(),
    // The user's own spelling: it is their sentence about their school.
    mySchool: settings.mySchool.trim(),
    myYear: settings.myYear.trim(),
    mySpecialty: settings.mySpecialty.trim(),
    myAamcId: settings.myAamcId.trim(),
    signature: composedSignature(settings),
    sharedSchool: shared ? settings.mySchool.trim() : '',
    ...letterValues(letter),
  };
  for (const [name, value] of Object.entries(typed)) {
    if (!isKnownVariable(name) || !value.trim()) continue;
    values[name] = variableDef(name)?.input === 'date' ? formatDay(value) : value.trim();
  }
  return values;
}
