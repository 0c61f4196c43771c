/**
 * The single source of truth for every record Rapport stores or passes between
 * contexts. TypeScript types are inferred from these schemas; nothing else
 * declares the shape of a contact, an interaction, a template or the settings.
 * The model's ground floor: every context imports it, it imports nothing of the
 * product (content scripts import its types only, never zod).
 */
import { z } from 'zod';

/** Longest text we accept in any one field: page text is untrusted and unbounded. */
const MAX_TEXT = 20_000;

/**
 * Zero-width, bidi control and other invisible characters that pages use to spoof text, and the fillers (Hangul
 * U+3164, U+115F, U+1160, U+FFA0; Mongolian U+180E), soft hyphen, Arabic letter mark and tag characters that draw
 * nothing: a name made of them would look blank (capture/text.ts strips the same).
 */
const INVISIBLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u3164\uFEFF\uFFA0\u{E0000}-\u{E007F}]/gu;

/** Plain text: invisible characters removed, surrounding white space trimmed. */
export const text = (max = MAX_TEXT) =>
  z
    .string()
    .transform((s) => s.replace(INVISIBLE, '').trim())
    .pipe(z.string().max(max));

/** A single line of text: inner white space folded to one space. */
export const line = (max = 1_000) =>
  z
    .string()
    .transform((s) => s.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim())
    .pipe(z.string().max(max));

/**
 * An http(s) link. zod's own url checks accept `javascript:` and `data:`
 * (colinhacks/zod#2353), so the scheme is checked explicitly.
 */
export const httpUrl = z
  .string()
  .trim()
  .max(4_096)
  .refine((value) => {
    try {
      const { protocol } = new URL(value);
      return protocol === 'https:' || protocol === 'http:';
    } catch {
      return false;
    }
  }, 'validation.httpLink');

export const epochMs = z.number().int().nonnegative().max(8.64e15);

export const SOURCES = ['linkedin', 'doximity', 'web', 'manual', 'import'] as const;
export const Source = z.enum(SOURCES);
export type Source = z.infer<typeof Source>;

export const STATUSES = [
  'not_contacted',
  'awaiting_reply',
  'replied',
  'meeting',
  'closed',
  'no_response',
] as const;
export const Status = z.enum(STATUSES);
export type Status = z.infer<typeof Status>;

export const STATUS_LABELS: Record<Status, string> = {
  not_contacted: 'Not contacted',
  awaiting_reply: 'Awaiting reply',
  replied: 'Replied',
  meeting: 'Meeting',
  closed: 'Closed',
  no_response: 'No response',
};

const year = z.number().int().min(1900).max(2100);

export const Education = z.object({
  school: line(300).pipe(z.string().min(1)),
  degree: line(300).optional(),
  startYear: year.optional(),
  endYear: year.optional(),
});
export type Education = z.infer<typeof Education>;

export const Experience = z.object({
  title: line(300).optional(),
  organization: line(300).optional(),
  start: line(60).optional(),
  end: line(60).optional(),
});
export type Experience = z.infer<typeof Experience>;

/**
 * What an extractor read from a page about one person. Every field but the
 * name, the source and the link is optional: a page that does not show a
 * field leaves it out rather than guessing.
 */
export const Capture = z.object({
  source: Source,
  fullName: line(300).pipe(z.string().min(1, 'validation.nameRequired')),
  firstName: line(150).optional(),
  lastName: line(150).optional(),
  honorific: line(40).optional(),
  credentials: z.array(line(40)).max(20).default([]),
  pronouns: line(60).optional(),
  headline: line(600).optional(),
  title: line(300).optional(),
  organization: line(300).optional(),
  specialty: line(200).optional(),
  subspecialty: line(200).optional(),
  location: line(300).optional(),
  about: text(10_000).optional(),
  education: z.array(Education).max(50).default([]),
  experience: z.array(Experience).max(100).default([]),
  affiliations: z.array(line(300)).max(50).default([]),
  photoUrl: httpUrl.optional(),
  email: z.email().max(320).optional(),
  phone: line(60).optional(),
  profileUrl: httpUrl,
  /** Sections the page had not loaded yet (LinkedIn lazy-loads below the fold). */
  notLoaded: z.array(z.enum(['about', 'experience', 'education'])).default([]),
});
export type Capture = z.infer<typeof Capture>;
export type CaptureInput = z.input<typeof Capture>;

/** Fields that capture fills and the user may edit; a user's edit is never overwritten by a later capture. */
export const CAPTURED_FIELDS = [
  'fullName',
  'firstName',
  'lastName',
  'honorific',
  'credentials',
  'pronouns',
  'headline',
  'title',
  'organization',
  'specialty',
  'subspecialty',
  'location',
  'about',
  'education',
  'experience',
  'affiliations',
  'photoUrl',
  'email',
  'phone',
] as const;
export type CapturedField = (typeof CAPTURED_FIELDS)[number];

/** An http(s) link whose host passes `isHost`: a lookalike such as linkedin.com.evil.io is refused. */
const siteUrl = (site: string, isHost: (hostname: string) => boolean) =>
  httpUrl.refine((value) => {
    // zod runs every refinement even after one failed, so the link may not parse here.
    try {
      return isHost(new URL(value).hostname.toLowerCase());
    } catch {
      return false;
    }
  }, site === 'linkedin.com' ? 'validation.linkedinLink' : 'validation.doximityLink');

/** The captured fields' values as a page showed them (see Contact.pageChanges). */
export type PageValues = Partial<Pick<Capture, CapturedField>>;
// Defaults removed: an absent field means "no change to show", never an empty list.
export const PageValues = z.object(
  Object.fromEntries(
    CAPTURED_FIELDS.map((field) => {
      const schema = Capture.shape[field] as z.ZodType;
      return [field, (schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema).optional()];
    }),
  ),
) as unknown as z.ZodType<PageValues, PageValues>;

/** Longest thumbnail kept: a 96 px JPEG is about 4 KB, so this leaves room without letting a record grow unbounded. */
export const MAX_THUMB_CHARS = 60_000;

/**
 * A photo thumbnail as a data: URL. Only base64 PNG, JPEG or WebP: `httpUrl`
 * refuses data: links on purpose, and no other data: type (SVG, HTML) may reach an `<img>` or a link.
 */
export const photoThumb = z
  .string()
  .max(MAX_THUMB_CHARS)
  .regex(/^data:image\/(?:png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/, 'validation.photoData');

export const Profiles = z.object({
  linkedin: siteUrl('linkedin.com', (host) => host === 'linkedin.com' || host.endsWith('.linkedin.com')).optional(),
  doximity: siteUrl('doximity.com', (host) => host === 'doximity.com' || host.endsWith('.doximity.com')).optional(),
  web: httpUrl.optional(),
});

/** A keep-in-touch interval in days: a week to two years. */
export const keepInTouchDays = z.number().int().min(7).max(730);

export const Contact = Capture.omit({ profileUrl: true, notLoaded: true }).extend({
  id: z.string().min(1).max(64),
  /** Where the person was first saved from. */
  source: Source,
  /** Canonical links by site. */
  profiles: Profiles.default({}),
  /** Source identities such as `linkedin:priya-raman-md`, used to find a contact again. */
  identities: z.array(z.string().min(1).max(600)).max(20).default([]),
  tags: z.array(line(60).pipe(z.string().min(1))).max(100).default([]),
  notes: text(50_000).default(''),
  status: Status.default('not_contacted'),
  whereMet: z
    .object({ event: line(300).optional(), date: line(20).optional() })
    .optional(),
  /** The day the user connected with this person on LinkedIn (YYYY-MM-DD), from LinkedIn's Connections export. */
  connectedOn: z.iso.date().optional(),
  /** Captured fields the user changed by hand. */
  userEdited: z.array(z.enum(CAPTURED_FIELDS)).default([]),
  /**
   * What the page showed at the last capture for fields the user edited by
   * hand, when it differs from the user's value: offered with "Apply", never applied silently.
   */
  pageChanges: PageValues.optional(),
  /** A small copy of the photo (LinkedIn's photo links are signed and expire). */
  photoThumb: photoThumb.optional(),
  /** Contacts this one may be the same person as (another source): awaiting the user's merge or "keep both". */
  possibleDuplicateOf: z.array(z.string().min(1).max(64)).max(20).optional(),
  createdAt: epochMs,
  updatedAt: epochMs,
  capturedAt: epochMs.optional(),
  lastContactedAt: epochMs.optional(),
  /** When the next follow-up falls due; absent when none is pending. */
  nextFollowUpAt: epochMs.optional(),
  /** Follow-ups sent since the first message of the current outreach. */
  followUpsSent: z.number().int().min(0).max(1_000).default(0),
  /** When anything was last logged on the timeline: the keep-in-touch clock restarts there. */
  lastInteractionAt: epochMs.optional(),
  /** Keep in touch every this many days (this contact's own interval; a tag's interval applies otherwise). */
  keepInTouchDays: keepInTouchDays.optional(),
  /** "Not now": the keep-in-touch clock restarted here without anything logged. */
  keepInTouchFrom: epochMs.optional(),
  /** A due keep-in-touch put off until then. */
  keepInTouchSnoozedUntil: epochMs.optional(),
  /**
   * When keeping in touch next falls due; derived by storage from the fields
   * above, the tag intervals in Settings and the status (followups/due.ts), for the badge's index.
   */
  keepInTouchAt: epochMs.optional(),
  /** The Overview's funnel (overview/outreach.ts): when the user first wrote, first logged a reply, first met or talked. */
  reachedAt: epochMs.optional(),
  repliedAt: epochMs.optional(),
  conversationAt: epochMs.optional(),
});
export type Contact = z.infer<typeof Contact>;
export type ContactInput = z.input<typeof Contact>;

export const INTERACTION_KINDS = [
  'message_sent',
  'follow_up_sent',
  'reply_received',
  'meeting',
  'call',
  'met_in_person',
  'letter_requested',
  'letter_agreed',
  'letter_submitted',
  'letter_thanked',
  'letter_declined',
  'letter_withdrawn',
  'letter_planned',
  'letter_check_in',
  'note',
] as const;
export const InteractionKind = z.enum(INTERACTION_KINDS);
export type InteractionKind = z.infer<typeof InteractionKind>;

export const INTERACTION_LABELS: Record<InteractionKind, string> = {
  message_sent: 'Message sent',
  follow_up_sent: 'Follow-up sent',
  reply_received: 'Reply received',
  meeting: 'Meeting',
  call: 'Call',
  met_in_person: 'Met in person',
  letter_requested: 'Letter of recommendation asked',
  letter_agreed: 'Letter agreed',
  letter_submitted: 'Letter submitted',
  letter_thanked: 'Thanked for the letter',
  letter_declined: 'Letter declined',
  letter_withdrawn: 'Letter withdrawn',
  letter_planned: 'Letter planned',
  letter_check_in: 'Letter check-in sent',
  note: 'Note',
};

export const CHANNELS = ['linkedin', 'doximity', 'email', 'in_person', 'phone', 'other'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const CHANNEL_LABELS: Record<Channel, string> = {
  linkedin: 'LinkedIn',
  doximity: 'Doximity',
  email: 'Email',
  in_person: 'In person',
  phone: 'Phone',
  other: 'Other',
};

export const Interaction = z.object({
  id: z.string().min(1).max(64),
  contactId: z.string().min(1).max(64),
  kind: InteractionKind,
  channel: Channel.default('other'),
  at: epochMs,
  text: text(50_000).optional(),
  templateId: z.string().max(64).optional(),
  /** Where a message sent from a draft went (a connection note, a message, an e-mail); absent on older entries. */
  format: z.lazy(() => MessageFormat).optional(),
  /** For a logged reply: the message it answers (the last one sent before it), so that reply rates count per template. */
  answers: z
    .object({
      sentAt: epochMs,
      templateId: z.string().max(64).optional(),
      channel: z.lazy(() => Channel),
      format: z.lazy(() => MessageFormat),
    })
    .optional(),
  /** The letter this entry is about, for a letter's changes of status. */
  letterId: z.string().min(1).max(64).optional(),
});
export type Interaction = z.infer<typeof Interaction>;
export type InteractionInput = z.input<typeof Interaction>;

/**
 * Where exactly a message goes: finer than the channel, because each place
 * has its own length limits (a LinkedIn connection note vs. an InMail).
 */
export const MESSAGE_FORMATS = [
  'linkedin_connection',
  'linkedin_message',
  'linkedin_inmail',
  'doximity',
  'email',
  'other',
] as const;
export const MessageFormat = z.enum(MESSAGE_FORMATS);
export type MessageFormat = z.infer<typeof MessageFormat>;

export const Template = z.object({
  id: z.string().min(1).max(64),
  name: line(120).pipe(z.string().min(1)),
  purpose: line(300).default(''),
  channel: Channel.default('other'),
  /** Where the message is meant to go; absent means the channel's usual place. */
  format: MessageFormat.optional(),
  subject: line(500).optional(),
  body: text(20_000),
  builtIn: z.boolean().default(false),
  updatedAt: epochMs,
});
export type Template = z.infer<typeof Template>;

/** Character limits the user set in place of the defaults (drafting/limits.ts holds the defaults). */
const limit = z.number().int().min(1).max(100_000);
export const ChannelLimits = z
  .object({
    connectionNote: limit,
    connectionNotePremium: limit,
    inmailSubject: limit,
    inmailBody: limit,
    linkedinMessage: limit,
    emailSubject: limit,
  })
  .partial();
export type ChannelLimits = z.infer<typeof ChannelLimits>;

export const Settings = z.object({
  myName: line(200).default(''),
  mySchool: line(300).default(''),
  myYear: line(20).default(''),
  mySpecialty: line(200).default(''),
  signature: text(2_000).default(''),
  /** Days between a message and its follow-up. */
  followUpDays: z.number().int().min(1).max(365).default(7),
  /** Follow-ups sent before a contact is offered "no response". */
  maxFollowUps: z.number().int().min(0).max(20).default(2),
  /** Opt-in: one browser notification a day when follow-ups are due. */
  dailySummary: z.boolean().default(false),
  /** The applicant's AAMC ID, quoted in letter of recommendation requests. */
  myAamcId: line(20).default(''),
  /** LinkedIn Premium allows a longer connection note. */
  linkedinPremium: z.boolean().default(false),
  /** The user's own character limits, for when LinkedIn or mail clients change theirs. */
  channelLimits: ChannelLimits.default({}),
  /** Days before a letter's deadline at which a pending letter is nudged (followups/due.ts). */
  letterNudgeDays: z.array(z.number().int().min(1).max(120)).max(5).default([14, 3]),
  /** Keep-in-touch intervals in days for every contact with a tag, by tag. */
  keepInTouchByTag: z
    .record(line(60).pipe(z.string().min(1)), keepInTouchDays)
    .refine((v) => Object.keys(v).length <= 200, 'validation.tooManyTags')
    .default({}),
});
export type Settings = z.infer<typeof Settings>;
export const DEFAULT_SETTINGS: Settings = Settings.parse({});

/** A message being written to one contact, autosaved so that it survives a closed panel. */
export const Draft = z.object({
  contactId: z.string().min(1).max(64),
  templateId: z.string().max(64).optional(),
  format: MessageFormat.default('other'),
  subject: z.string().max(2_000).default(''),
  body: z.string().max(20_000).default(''),
  /** The user's personal sentence, put where the template marks it. */
  personal: z.string().max(2_000).default(''),
  /** Values typed in the draft for variables the contact or settings lack. */
  values: z
    .record(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,40}$/), z.string().max(2_000))
    .refine((v) => Object.keys(v).length <= 60, 'validation.tooManyValues')
    .default({}),
  updatedAt: epochMs,
});
export type Draft = z.infer<typeof Draft>;
export type DraftInput = z.input<typeof Draft>;

/**
 * A letter of recommendation (or any reference) through its life: planned,
 * asked, agreed, submitted, thanked; declined and withdrawn end it. Words are
 * general where they can be (a job reference works the same way); the
 * ERAS-specific fields say so.
 */
export const LETTER_STATUSES = ['planned', 'asked', 'agreed', 'submitted', 'thanked', 'declined', 'withdrawn'] as const;
export const LetterStatus = z.enum(LETTER_STATUSES);
export type LetterStatus = z.infer<typeof LetterStatus>;

export const LETTER_KINDS = ['specialty', 'chair', 'slor', 'research', 'other'] as const;
export const LetterKind = z.enum(LETTER_KINDS);
export type LetterKind = z.infer<typeof LetterKind>;

/** Whether the applicant waived the right to see the letter (ERAS asks; FERPA). */
export const WAIVERS = ['waived', 'not_waived'] as const;
export const Waiver = z.enum(WAIVERS);
export type Waiver = z.infer<typeof Waiver>;

export const Letter = z.object({
  id: z.string().min(1).max(64),
  /** The contact who writes it; one writer may write several letters. */
  writerId: z.string().min(1).max(64),
  status: LetterStatus.default('planned'),
  kind: LetterKind.default('specialty'),
  /** The specialties or programs it is meant for, as the user names them. */
  meantFor: z.array(line(200).pipe(z.string().min(1))).max(50).default([]),
  /** ERAS: the Letter ID from the applicant's Letter Request Form. */
  erasLetterId: line(40).optional(),
  /** ERAS: the waiver choice on the Letter Request Form. */
  waiver: Waiver.optional(),
  /** The day it is needed by (YYYY-MM-DD, the user's local day). */
  deadline: z.iso.date().optional(),
  askedAt: epochMs.optional(),
  agreedAt: epochMs.optional(),
  submittedAt: epochMs.optional(),
  thankedAt: epochMs.optional(),
  notes: text(20_000).default(''),
  /** When the user last dealt with a reminder ("Not now", a check-in sent): earlier nudges stay quiet. */
  remindedAt: epochMs.optional(),
  /** A due reminder put off until then. */
  snoozedUntil: epochMs.optional(),
  /** When its next reminder falls due; derived by storage from the fields above (followups/due.ts), for the badge's index. */
  dueAt: epochMs.optional(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type Letter = z.infer<typeof Letter>;
export type LetterInput = z.input<typeof Letter>;

/** Statuses after which a letter needs nothing more. */
export const LETTER_ENDS: readonly LetterStatus[] = ['thanked', 'declined', 'withdrawn'];

/**
 * What kind of place a program record is. General words: a job seeker's
 * companies work the same way as an applicant's residency programs.
 */
export const PROGRAM_KINDS = ['residency', 'fellowship', 'hospital', 'school', 'company', 'other'] as const;
export const ProgramKind = z.enum(PROGRAM_KINDS);
export type ProgramKind = z.infer<typeof ProgramKind>;

/** The applicant's own stage with a program, in the order a season usually goes (programs/stages.ts holds the rules). */
export const PROGRAM_STAGES = [
  'researching',
  'will_apply',
  'applied',
  'interview_invited',
  'interview_scheduled',
  'interviewed',
  'ranked',
  'not_applying',
  'withdrawn',
] as const;
export const ProgramStage = z.enum(PROGRAM_STAGES);
export type ProgramStage = z.infer<typeof ProgramStage>;

/** One interview day: a local calendar date, with a local start time when known. */
export const Interview = z.object({
  date: z.iso.date(),
  /** 24-hour local time, HH:MM; absent means an all-day entry. */
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.time').optional(),
  /** Minutes; the calendar entry lasts this long (default one hour when a time is set). */
  durationMinutes: z.number().int().min(5).max(24 * 60).optional(),
  /** When the thank-you notes for this interview were marked done or dismissed (followups/interview-thanks.ts). */
  thanksHandledAt: epochMs.optional(),
});
export type Interview = z.infer<typeof Interview>;

/** An organization or program the applicant follows, with the people they know there linked to it. */
export const Program = z.object({
  id: z.string().min(1).max(64),
  name: line(300).pipe(z.string().min(1, 'validation.nameRequired')),
  /** Other names it goes by ("NGH", "Northfield General"): saved contacts whose organization is one of them link here. */
  aliases: z.array(line(300).pipe(z.string().min(1))).max(100).default([]),
  kind: ProgramKind.default('other'),
  specialty: line(200).optional(),
  /** The hospital or university a program belongs to, as text (it may or may not be a program record itself). */
  parent: line(300).optional(),
  city: line(200).optional(),
  /** State, province or country. */
  region: line(200).optional(),
  website: httpUrl.optional(),
  stage: ProgramStage.default('researching'),
  interviews: z.array(Interview).max(20).default([]),
  /** Position on the applicant's rank list, 1 = first choice. */
  rank: z.number().int().min(1).max(1_000).optional(),
  notes: text(50_000).default(''),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type Program = z.infer<typeof Program>;
export type ProgramInput = z.input<typeof Program>;

/**
 * A contact belongs to a program. `by: 'name'` when their organization matched
 * one of the program's names, `'user'` when linked by hand; a contact may
 * belong to several programs.
 */
export const ProgramLink = z.object({
  contactId: z.string().min(1).max(64),
  programId: z.string().min(1).max(64),
  by: z.enum(['name', 'user']),
  at: epochMs,
});
export type ProgramLink = z.infer<typeof ProgramLink>;
/** A link row as stored: the link and copies of its contact's facts (storage/link-facts.ts keeps them). */
export type ProgramLinkRow = ProgramLink & { contactStatus?: Status; contactLastContactedAt?: number };

/** The user said this contact is not at this program: name matching never links them again. */
export const ProgramUnlink = z.object({
  contactId: z.string().min(1).max(64),
  programId: z.string().min(1).max(64),
  at: epochMs,
});
export type ProgramUnlink = z.infer<typeof ProgramUnlink>;

/** A deleted contact and its timeline, kept so the delete can be undone. */
export interface TrashEntry {
  id: string;
  deletedAt: number;
  contact: Contact;
  interactions: Interaction[];
  /** The letters deleted with the contact (absent in entries made before letters existed). */
  letters?: Letter[];
  /** The programs the contact belonged to, put back on restore (schema version 4). */
  links?: ProgramLink[];
}

const count = z.number().int().nonnegative();

/**
 * The contacts' summary row (storage/contact-summary.ts, schema version 10):
 * how many contacts there are and how many at each status, kept by every
 * write in its own transaction. `stale` marks a row a write found wrong (a
 * count that would fall below zero); the next read recounts it.
 */
export const ContactSummary = z.object({
  key: z.literal('contacts'),
  total: count,
  counts: z.object(Object.fromEntries(STATUSES.map((status) => [status, count])) as Record<Status, typeof count>),
  stale: z.boolean().optional(),
});
export type ContactSummary = z.infer<typeof ContactSummary>;

/**
 * One of the Overview's tallies (schema version 11, storage/overview-tallies.ts): how many index keys of one
 * kind fall on one local day (the funnel, the weekly activity) or on one template, channel or format (what works).
 * The row keyed `meta` says in which time zone and format the days were counted, and `stale` when a write found a count wrong.
 */
export const OverviewTally = z.object({
  key: z.string().min(1),
  n: count,
  zone: z.string().optional(),
  /** The meta row's: the format the tallies were counted in (storage/overview-tallies.ts TALLY_FORMAT); none is 1. */
  format: z.number().int().positive().optional(),
  stale: z.boolean().optional(),
});
export type OverviewTally = z.infer<typeof OverviewTally>;
