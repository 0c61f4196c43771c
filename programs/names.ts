/**
 * How an organization's name is compared with a program's names. A certain
 * match (the same words once case, accents, punctuation, a leading "The" and
 * "St."/"Saint" are set aside) links a contact; a less certain one (a nickname
 * in quotes or brackets, a name with a word more) is only a suggestion the
 * user confirms. Two hospitals whose distinctive words differ ("St. Luke's"
 * and "St. Mark's") are neither.
 */

/** Words that say what kind of place it is, not which one: they never tell two places apart on their own. */
const GENERIC = new Set([
  'hospital', 'hospitals', 'medical', 'center', 'centre', 'health', 'healthcare', 'system', 'systems', 'university',
  'college', 'school', 'of', 'and', 'at', 'for', 'in', 'medicine', 'clinic', 'clinics', 'inc', 'llc', 'ltd', 'co',
  'corp', 'corporation', 'company', 'group', 'program', 'programme', 'residency', 'fellowship', 'department', 'dept',
  'regional', 'memorial', 'general', 'community', 'institute', 'network', 'campus', 'sciences', 'science',
]);

/** Words spelled several ways that mean the same: folded to one spelling before comparing. */
const SAME_WORD: Record<string, string> = { st: 'saint', ste: 'sainte', mt: 'mount', ctr: 'center', hosp: 'hospital', univ: 'university', med: 'medical', '&': 'and' };

/** Lower case, no accents, "&" as "and", every other mark a space. */
function plain(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    // An apostrophe joins its word ("St. Mary's" → "marys"); every other mark separates words.
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function wordsOf(name: string): string[] {
  const words = plain(name)
    .split(' ')
    .filter(Boolean)
    .map((word) => SAME_WORD[word] ?? word);
  if (words[0] === 'the' && words.length > 1) words.shift();
  return words;
}

/** The key two names share when they certainly name the same place; '' for a name with no letters or digits. */
export function nameKey(name: string): string {
  return wordsOf(name).join(' ');
}

/** A quoted or bracketed nickname inside a name ('Northfield "NGH" General'): left out for a suggestion. */
const NICKNAME = /"[^"]*"|“[^”]*”|\([^)]*\)|\[[^\]]*\]/g;

/** The words that tell one place from another. */
function distinctive(name: string): Set<string> {
  return new Set(wordsOf(name.replace(NICKNAME, ' ')).filter((word) => !GENERIC.has(word)));
}

export type NameMatch = 'certain' | 'possible' | 'none';

/**
 * How surely `a` and `b` name the same place. `possible` when, apart from a
 * nickname and words such as "Hospital" or "Medical Center", one name's
 * distinctive words are all in the other's and at most one more: a guess to
 * confirm, never applied silently.
 */
export function compareNames(a: string, b: string): NameMatch {
  const keyA = nameKey(a);
  if (keyA !== '' && keyA === nameKey(b)) return 'certain';
  const da = distinctive(a);
  const db = distinctive(b);
  if (da.size === 0 || db.size === 0) return 'none';
  const [small, large] = da.size <= db.size ? [da, db] : [db, da];
  for (const word of small) if (!large.has(word)) return 'none';
  return large.size - small.size <= 1 ? 'possible' : 'none';
}

/** The keys a program answers to: its name's and each other name's. */
export function programKeys(program: { name: string; aliases: readonly string[] }): string[] {
  return [...new Set([program.name, ...program.aliases].map(nameKey).filter(Boolean))];
}

/** The best match of an organization name against any of a program's names. */
export function matchProgram(organization: string, program: { name: string; aliases: readonly string[] }): NameMatch {
  let best: NameMatch = 'none';
  for (const name of [program.name, ...program.aliases]) {
    const match = compareNames(organization, name);
    if (match === 'certain') return match;
    if (match === 'possible') best = match;
  }
  return best;
}
