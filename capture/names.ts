/**
 * Person names as pages write them: "Dr. María José de la Cruz",
 * "Jean-Luc van der Berg Jr., MD, PhD", "Raman, Priya", "王小明".
 *
 * Honorifics and credentials are taken off the name and kept separately;
 * generational suffixes stay with the name (they are part of it) but never
 * become the last name. Hyphens, apostrophes, particles, accents and
 * non-Latin scripts are kept exactly; invisible characters are removed.
 */
import { clean } from './text';

export interface ParsedName {
  /** The name without honorific or credentials, suffix included. */
  fullName: string;
  firstName?: string;
  lastName?: string;
  honorific?: string;
  suffix?: string;
  credentials: string[];
  /** Pronouns written into the name, e.g. "Priya Raman (she/her)". */
  pronouns?: string;
}

/**
 * Credentials in their usual spelling, keyed by the upper-case letters alone
 * so that "M.D.", "md" and "MD" all read as "MD".
 */
const CREDENTIALS: ReadonlyMap<string, string> = new Map(
  [
    'MD', 'DO', 'PhD', 'MPH', 'MBA', 'MS', 'MSc', 'MA', 'BS', 'BSc', 'BA', 'RN', 'BSN', 'MSN',
    'NP', 'APRN', 'FNP', 'FNP-BC', 'FNP-C', 'DNP', 'CRNA', 'CNM', 'PA', 'PA-C', 'PharmD', 'DDS',
    'DMD', 'DPM', 'OD', 'DC', 'PT', 'DPT', 'OT', 'OTD', 'OTR/L', 'MBBS', 'MBChB', 'MBBCh', 'BMBS',
    'JD', 'EdD', 'MEd', 'MHA', 'MHS', 'MHSc', 'MPP', 'MSW', 'LCSW', 'ScD', 'DrPH', 'DPhil', 'MPhil',
    'MMSc', 'MSCI', 'MSCR', 'MAS', 'MBE', 'MHPE', 'MSEd', 'FACS', 'FACP', 'FAAP', 'FACC', 'FACEP',
    'FAAFP', 'FACOG', 'FAHA', 'FCCP', 'FASN', 'FHM', 'SFHM', 'FAAN', 'FACHE', 'FRCPC', 'FRCSC',
    'FRCP', 'FRCS', 'MRCP', 'MRCS', 'FAcadMEd', 'CPA', 'CFA', 'PMP', 'PE', 'LPN', 'LVN', 'CNA',
    'EMT', 'EMT-P', 'RD', 'RDN', 'CCC-SLP', 'AuD', 'PsyD', 'LMFT', 'LPC', 'BCBA', 'CHES', 'CPH',
    'MSPH', 'MScPH', 'DVM', 'VMD', 'RPh', 'BPharm', 'MPAS', 'MMS', 'DMSc', 'DHSc', 'DSc', 'MArch',
    'MFA', 'MEng', 'BEng', 'LLM', 'LLB',
  ].map((c) => [credentialKey(c), c] as const),
);

/** Credentials that are also ordinary words or names ("Do", "Pa", "Ma"): only their capitalised spelling counts. */
const CASE_SENSITIVE = new Set(['DO', 'PA', 'MA', 'MS', 'OD', 'DC', 'PT', 'OT', 'PE', 'RD', 'BA', 'JD', 'NP', 'RN', 'MD']);

function credentialKey(token: string): string {
  return token.replace(/\./g, '').toUpperCase();
}

/** The usual spelling of a credential token, or undefined when the token is not one. */
export function credentialOf(token: string, strict = false): string | undefined {
  const t = token.replace(/[;:]+$/, '');
  if (!t) return undefined;
  const key = credentialKey(t);
  const known = CREDENTIALS.get(key);
  if (known) {
    // "Do" is a Vietnamese surname and "Ma" a Chinese one; "DO" and "MA" are degrees.
    if (CASE_SENSITIVE.has(key) && t.replace(/\./g, '') !== key) return undefined;
    return known;
  }
  if (strict) return undefined;
  // Unknown but shaped like one after a comma: "CCRP", "FASCO", "RN-BC", "M.S.Ed.".
  if (/^[A-Z][A-Za-z]{0,2}(?:[.\-/]?[A-Z][A-Za-z]{0,3}){1,4}\.?$/.test(t) && (t.match(/[A-Z]/g)?.length ?? 0) >= 2) {
    return t.replace(/\.$/, '').replace(/^((?:[A-Z]\.)+)$/, (m) => m.replace(/\./g, ''));
  }
  return undefined;
}

/** Splits "MD/PhD" or "MD PhD" into credentials; undefined when any piece is not one. */
function credentialsIn(part: string, strict: boolean): string[] | undefined {
  const tokens = part.split(/[\s/&]+|\band\b/).filter(Boolean);
  if (tokens.length === 0) return undefined;
  const whole = credentialOf(part.replace(/\s+/g, ''), true);
  if (whole && !/\s/.test(part)) return [whole];
  const out: string[] = [];
  for (const token of tokens) {
    // "MD-PhD" is two degrees; "PA-C" and "FNP-BC" are one credential.
    const pieces = token.includes('-') && !CREDENTIALS.has(credentialKey(token)) ? token.split('-') : [token];
    const known = pieces.length > 1 && pieces.every((p) => credentialOf(p, true)) ? pieces : [token];
    for (const piece of known) {
      const c = credentialOf(piece, strict);
      if (!c) return undefined;
      out.push(c);
    }
  }
  return out;
}

const HONORIFIC = /^(?:dr|doctor|prof|professor|mr|mrs|ms|mx|miss|sir|dame|rev|fr|hon|dra|pr|herr|frau|sr|sra|srta)\.?$/i;

/** Qualifiers written after "Dr." in German-speaking countries; always abbreviated with a dot. */
const DEGREE_QUALIFIER = /^(?:med|dent|vet|rer|nat|pol|phil|oec|soc|jur|univ|habil|sc|techn|hum|biol|h\.c|mult)\.$/i;

const SUFFIX = /^(?:jr|sr|jnr|snr|ii|iii|iv|v|vi|2nd|3rd|4th|esq)\.?$/i;

/** Particles that begin a family name ("van der Berg", "de la Cruz", "bin Salman"). */
const PARTICLES = new Set([
  'van', 'von', 'der', 'den', 'de', 'del', 'della', 'dei', 'degli', 'di', 'da', 'das', 'dos',
  'do', 'du', 'la', 'le', 'lo', 'ter', 'ten', 'te', 'op', 'vom', 'zu', 'zum', 'zur', 'bin',
  'ibn', 'bint', 'al', 'el', 'ben', 'st', 'st.', 'y', "d'", 'ní', 'nic', 'ó', 'uí', 'mac', 'بن', 'ابن', 'بنت', 'آل', 'בן',
]);

/** Capitalised spellings that are still particles when they sit inside a name. */
const CAPITALISED_PARTICLES = new Set(['van', 'von', 'de', 'del', 'della', 'di', 'da', 'du', 'der', 'den', 'dos', 'das', 'ter', 'ten', 'bin', 'ibn', 'al', 'ní', 'nic', 'ó', 'uí']);

/** Given names made of two words in Arabic naming ("Abdul Rahman", "Abu Bakr"). */
const COMPOUND_GIVEN = /^(?:abd|abdul|abdel|abdal|abu|abou|عبد|أبو)$/i;

/** Two-character Chinese family names; any other Chinese name starts with a one-character family name. */
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒',
  '夏侯', '轩辕', '令狐', '独孤', '南宫', '西门', '歐陽', '諸葛', '東方', '長孫', '司徒',
]);

const HAN_OR_HANGUL = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Pronouns shown as one word in some languages ("Elle", "Iel", "Ella"). */
const SINGLE_PRONOUNS = new Set(['she', 'he', 'they', 'elle', 'il', 'iel', 'ella', 'él', 'elle', 'sie', 'er', 'ela', 'ele', 'xe', 'ze', 'lei', 'lui', 'hij', 'zij', 'hen', 'hon', 'han']);
/**
 * Pronoun words, as members write them in LinkedIn's pronoun field and in
 * names ("she/her", "he/him/his", "they/them", "ze/hir", "elle/iel",
 * "él/ella", "sie/ihr"). Only these count: any other short "X / Y" text near
 * a name is a menu item ("Report / Block") or a tagline, never pronouns.
 */
const PRONOUN_WORDS = new Set([
  'she', 'her', 'hers', 'herself', 'he', 'him', 'his', 'himself', 'they', 'them', 'their', 'theirs', 'themself', 'themselves',
  'xe', 'xem', 'xyr', 'xir', 'ze', 'zie', 'hir', 'zir', 'zem', 'ey', 'em', 'eir', 'fae', 'faer', 'any', 'all', 'pronouns',
  'elle', 'il', 'iel', 'lui', 'ella', 'él', 'ellos', 'ellas', 'elles', 'elli', 'sie', 'ihr', 'ihm', 'er', 'ihn', 'ela', 'ele', 'dela', 'dele', 'delu', 'elu',
  'lei', 'hij', 'zij', 'hem', 'haar', 'hen', 'hon', 'han', 'hun', 'hendes', 'hans',
]);
const PRONOUNS = /^\(?\s*((?:[\p{L}]+\s*\/\s*){1,3}[\p{L}]+)\s*\)?$/u;
const PICTOGRAPHS = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F]/gu;

/**
 * Alumni pages write the class year after the name: "Jane Doe ’09",
 * "Tomás Reyes, MD ’11", "John Smith '98 MD". It is not part of the name.
 */
const CLASS_YEAR = /(?:^|\s|,)\s*['’‘](?:\d{2}|\d{4})(?=$|[\s,])/g;

function withoutClassYear(value: string): string {
  return value.includes("'") || value.includes('’') || value.includes('‘') ? value.replace(CLASS_YEAR, ' ').replace(/\s+/g, ' ').replace(/\s+,/g, ',').trim() : value;
}

/** Looks like pronouns: "She/Her", "he/him/his", "they/them", "elle/elle" — words of the known set only. */
export function looksLikePronouns(value: string): boolean {
  const v = clean(value).replace(/^\((.*)\)$/, '$1').trim();
  if (SINGLE_PRONOUNS.has(v.toLowerCase())) return true;
  if (v.length > 30 || !PRONOUNS.test(v)) return false;
  return v.split('/').every((part) => PRONOUN_WORDS.has(part.trim().toLowerCase()));
}

/**
 * Words of page furniture that never occur in a person's name: sign-in walls,
 * error pages and menus ("Welcome to your professional community", "Sign in
 * with email", "Profile not found", "Report / Block").
 */
const UI_WORDS =
  /\b(?:sign|log|login|logout|welcome|join|community|professional|profile|profiles|page|error|found|available|exist|exists|request|requests|denied|wrong|oops|sorry|loading|try|again|email|password|report|block|member|members|linkedin|doximity|account|continue|network|search|results|unavailable|restricted|limit|access|cookies?|privacy|menu|home|help)\b/i;

/**
 * Does this text read as a person's name, as a profile's heading shows it?
 * Looser than `isPlausibleName` (members write one-word names, lower case,
 * emoji, other scripts), but never a sentence, a UI phrase, or text ending in
 * a period that is not an initial, a suffix or a credential.
 */
export function looksLikeName(raw: string): boolean {
  const parsed = parseName(raw);
  const name = parsed.fullName;
  if (!name || name.length > 80) return false;
  if (/[!?]|https?:|www\./i.test(name)) return false;
  const tokens = name.split(' ').filter(Boolean);
  if (tokens.length > 6) return false;
  const last = tokens[tokens.length - 1] ?? '';
  // "Robert Lee Jr." and "J. R. Smith" end in a dot; a sentence does too.
  if (/\.$/.test(name) && !SUFFIX.test(last) && !/^\p{L}\.$/u.test(last)) return false;
  if (UI_WORDS.test(name)) return false;
  // A sentence has lower-case words beyond the particles of a family name.
  const lowerWords = tokens.filter((t) => /^\p{Ll}+$/u.test(t) && !PARTICLES.has(t));
  if (tokens.length >= 3 && lowerWords.length >= 2) return false;
  return true;
}

function nameTokensForSplit(tokens: string[]): string[] {
  // Nicknames in quotes or parentheses are part of the full name only.
  return tokens.filter((t) => !/^["“”'‘’(].*["“”'‘’)]$/.test(t) || t.length < 3);
}

function splitFirstLast(tokens: string[]): { firstName?: string; lastName?: string } {
  const words = nameTokensForSplit(tokens);
  if (words.length === 0) return {};
  const joined = words.join(' ');
  if (HAN_OR_HANGUL.test(joined)) return splitEastAsian(words);
  if (words.length === 1) return { firstName: words[0] };
  // Family name starts at the first particle after the given name.
  let start = -1;
  for (let i = 1; i < words.length - 1; i++) {
    const w = words[i] ?? '';
    const lower = w.toLowerCase();
    if ((w === lower && PARTICLES.has(lower)) || CAPITALISED_PARTICLES.has(lower)) {
      start = i;
      break;
    }
  }
  if (start === -1) {
    start = words.length - 1;
    // Given names such as "Abdul Rahman" are two words.
    if (COMPOUND_GIVEN.test(words[0] ?? '') && words.length >= 3) {
      return { firstName: words.slice(0, 2).join(' '), lastName: words.slice(2).join(' ') };
    }
    return { firstName: words[0], lastName: words[start] };
  }
  // "Ahmed bin Rashid Al-Mansouri": bin Rashid is the father's name; the family name follows it.
  if (PATRONYMIC.has((words[start] ?? '').toLowerCase()) && start + 2 < words.length) {
    let family = words.length - 1;
    for (let i = start + 2; i < words.length - 1; i++) {
      if (CAPITALISED_PARTICLES.has((words[i] ?? '').toLowerCase()) || PARTICLES.has(words[i] ?? '')) {
        family = i;
        break;
      }
    }
    return { firstName: words.slice(0, start).join(' '), lastName: words.slice(family).join(' ') };
  }
  return { firstName: words.slice(0, start).join(' '), lastName: words.slice(start).join(' ') };
}

/** Particles that introduce a father's name rather than a family name. */
const PATRONYMIC = new Set(['bin', 'ibn', 'bint', 'ben', 'بن', 'ابن', 'بنت', 'בן']);

/** Chinese, Japanese and Korean names put the family name first. */
function splitEastAsian(words: string[]): { firstName?: string; lastName?: string } {
  if (words.length >= 2) return { lastName: words[0], firstName: words.slice(1).join(' ') };
  const name = words[0] ?? '';
  const chars = [...name];
  // Japanese names written without a space cannot be split reliably.
  if (KANA.test(name) || chars.length < 2 || chars.length > 4) return {};
  const two = chars.slice(0, 2).join('');
  const familyLength = COMPOUND_SURNAMES.has(two) && chars.length > 2 ? 2 : 1;
  return { lastName: chars.slice(0, familyLength).join(''), firstName: chars.slice(familyLength).join('') };
}

function isNameLikePart(part: string): boolean {
  const tokens = part.split(' ').filter(Boolean);
  return tokens.length >= 1 && tokens.length <= 4 && tokens.every((t) => /^[\p{Lu}\p{Lo}]/u.test(t) || PARTICLES.has(t));
}

/**
 * Parses a displayed name. Returns a `fullName` of '' when nothing name-like
 * is left (the caller then has no person).
 */
export function parseName(raw: string): ParsedName {
  const visible = clean(raw);
  const words = visible.replace(PICTOGRAPHS, '').replace(/\s+/g, ' ').trim();
  // Emoji decorating a name are dropped; a name made only of emoji is the name the person chose.
  if (!words && visible) return { fullName: visible, credentials: [] };
  let s = withoutClassYear(words);
  // Members decorate the name field: "Dr. John Smith | Cardiology", "Jane Doe · Surgeon".
  // A name never holds a bar, a spaced middle dot or a spaced dash; what follows one is a tagline.
  const tagline = /\s+[|·•–—]\s+|\s*\|\s*/.exec(s);
  if (tagline && tagline.index > 0) s = s.slice(0, tagline.index).trim();
  const credentials: string[] = [];
  let pronouns: string | undefined;
  let honorific: string | undefined;
  let suffix: string | undefined;

  // Pronouns in parentheses: "Priya Raman (She/Her)".
  s = s.replace(/\s*\(([^()]{1,30})\)/g, (whole, inner: string) => {
    if (looksLikePronouns(inner)) {
      pronouns ??= clean(inner);
      return '';
    }
    // Credentials in parentheses: "Sam Lee (MD)".
    const creds = credentialsIn(clean(inner), true);
    if (creds) {
      credentials.push(...creds);
      return '';
    }
    return whole;
  });

  // Credentials and suffixes follow commas: "Jean-Luc van der Berg Jr., MD, PhD".
  const parts = s.split(/\s*,\s*/);
  let nameParts: string[] = [parts[0] ?? ''];
  for (let i = 1; i < parts.length; i++) {
    const part = (parts[i] ?? '').trim();
    if (!part) continue;
    if (SUFFIX.test(part)) {
      suffix ??= part;
      continue;
    }
    const creds = credentialsIn(part, false);
    if (creds) {
      credentials.push(...creds);
      continue;
    }
    // "Raman, Priya" — a family name, then given names.
    if (i === 1 && isNameLikePart(part) && !/\s/.test(parts[0] ?? ' ') && parts.slice(2).every((p) => SUFFIX.test(p.trim()) || credentialsIn(p.trim(), false))) {
      nameParts = [part, parts[0] ?? ''];
      continue;
    }
    nameParts.push(part);
  }

  let tokens = nameParts.join(' ').split(' ').filter(Boolean);

  // Honorifics before the name ("Dr.", "Prof. Dr.").
  const honorifics: string[] = [];
  // German-language doctorates qualify the title: "Dr. med.", "Prof. Dr. rer. nat.", "Dr. med. univ.".
  while (tokens.length > 1 && (HONORIFIC.test(tokens[0] ?? '') || (honorifics.length > 0 && DEGREE_QUALIFIER.test(tokens[0] ?? '')))) {
    honorifics.push(tokens.shift() ?? '');
  }
  if (honorifics.length) honorific = honorifics.join(' ');

  // Credentials written after the name without commas: "Priya Raman MD PhD".
  while (tokens.length > 1) {
    const last = tokens[tokens.length - 1] ?? '';
    const c = credentialsIn(last, true);
    if (!c) break;
    credentials.unshift(...c);
    tokens = tokens.slice(0, -1);
  }
  // A generational suffix at the end stays with the name.
  if (tokens.length > 1 && SUFFIX.test(tokens[tokens.length - 1] ?? '')) {
    suffix ??= tokens[tokens.length - 1];
    tokens = tokens.slice(0, -1);
  }

  const fullName = [...tokens, ...(suffix ? [suffix] : [])].join(' ');
  const uniqueCredentials = [...new Set(credentials)];
  const result: ParsedName = { fullName, credentials: uniqueCredentials, ...splitFirstLast(tokens) };
  if (honorific) result.honorific = honorific;
  if (suffix) result.suffix = suffix;
  if (pronouns) result.pronouns = pronouns;
  return result;
}

/** Words that appear in headings but never in a person's name. */
const NOT_NAME_WORDS = new Set(
  [
    'about', 'our', 'the', 'meet', 'welcome', 'team', 'staff', 'faculty', 'residents', 'resident',
    'fellows', 'alumni', 'news', 'contact', 'program', 'programs', 'department', 'directory',
    'home', 'calendar', 'dates', 'key', 'for', 'and', 'of', 'in', 'to', 'with', 'spotlight',
    'research', 'education', 'overview', 'people', 'profile', 'profiles', 'leadership', 'office',
    'page', 'search', 'results', 'events', 'match', 'applicants', 'applications', 'apply', 'how',
    'what', 'why', 'who', 'where', 'when', 'your', 'my', 'us', 'more', 'view', 'all', 'current',
    'medicine', 'surgery', 'hospital', 'university', 'college', 'school', 'center', 'health',
    'clinic', 'services', 'service', 'group', 'class', 'year', 'message', 'chair', 'curriculum',
    'schedule', 'is', 'are', 'a', 'an', 'on', 'at', 'by', 'from', 'new', 'updates', 'blog',
  ],
);

/**
 * Could this text be a person's name (as opposed to a heading such as
 * "Meet Our Residents")? Used by the heuristics only.
 */
export function isPlausibleName(raw: string): boolean {
  const text = withoutClassYear(clean(raw));
  if (!text || text.length > 120) return false;
  if (/[0-9@|:;!?#$%^*=<>{}[\]\\_]/.test(text)) return false;
  const parsed = parseName(text);
  const tokens = parsed.fullName.split(' ').filter(Boolean);
  // East Asian names are short: two to four characters, at most two words.
  if (HAN_OR_HANGUL.test(parsed.fullName)) return tokens.length <= 2 && tokens.every((t) => [...t].length <= 5) && [...parsed.fullName.replace(/\s/g, '')].length >= 2 && [...parsed.fullName].length <= 9;
  if (tokens.length < 2 || tokens.length > 6) return false;
  let capitalised = 0;
  for (const token of tokens) {
    const lower = token.toLowerCase().replace(/[.,]/g, '');
    if (NOT_NAME_WORDS.has(lower) && !PARTICLES.has(lower)) return false;
    if (/^[\p{Lu}\p{Lt}]/u.test(token) || /^\p{Lo}/u.test(token)) capitalised++;
    else if (!PARTICLES.has(lower) && !/^["“'‘(]/.test(token)) return false;
  }
  return capitalised >= 2;
}
