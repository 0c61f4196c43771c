/**
 * Tolerant matching of school names: "Perelman School of Medicine at the
 * University of Pennsylvania", "Penn Med" and "UPenn" are one school, while
 * "Penn State" and "University of Pennsylvania" are not. Profiles spell a
 * school however their owner likes, so exact comparison would miss most
 * shared schools.
 */

/**
 * Names a school is known by that plain word overlap cannot connect
 * (abbreviations, eponyms). Phrases are matched on whole words after
 * normalization; longer phrases win, so "penn state" is never read as "penn".
 */
const ALIASES: Record<string, readonly string[]> = {
  upenn: ['penn', 'upenn', 'u penn', 'penn med', 'penn medicine', 'perelman', 'university of pennsylvania'],
  pennstate: ['penn state', 'pennsylvania state university', 'psu'],
  ucsf: ['ucsf', 'university of california san francisco'],
  ucla: ['ucla', 'university of california los angeles', 'geffen'],
  ucsd: ['ucsd', 'uc san diego', 'university of california san diego'],
  jhu: ['jhu', 'jhmi', 'johns hopkins', 'hopkins'],
  washu: ['washu', 'wustl', 'washington university in st louis', 'washington university in saint louis', 'washington university school of medicine'],
  uw: ['uw medicine', 'university of washington'],
  nyu: ['nyu', 'new york university', 'grossman'],
  mssm: ['mssm', 'icahn', 'mount sinai'],
  harvard: ['hms', 'harvard'],
  columbia: ['columbia', 'vagelos', 'columbia p s', 'columbia vp s'],
  cornell: ['weill cornell', 'cornell', 'wcm'],
  pitt: ['pitt', 'upmc', 'university of pittsburgh'],
  umich: ['umich', 'university of michigan', 'michigan medicine'],
  msu: ['michigan state university', 'msu'],
  unc: ['unc', 'unc chapel hill', 'university of north carolina'],
  utsw: ['utsw', 'ut southwestern', 'university of texas southwestern'],
  uthscsa: ['uthscsa', 'ut health san antonio', 'long school of medicine', 'university of texas health science center at san antonio'],
  baylor: ['bcm', 'baylor college of medicine'],
  mayo: ['mayo', 'alix'],
  northwestern: ['northwestern', 'feinberg', 'nu feinberg'],
  uchicago: ['uchicago', 'pritzker', 'university of chicago'],
  usc: ['usc', 'keck', 'university of southern california'],
  bu: ['bu', 'busm', 'chobanian', 'boston university'],
  dartmouth: ['dartmouth', 'geisel'],
  brown: ['brown', 'alpert'],
  stanford: ['stanford'],
  yale: ['yale'],
  duke: ['duke'],
  emory: ['emory'],
  vanderbilt: ['vanderbilt', 'vumc'],
  tufts: ['tufts'],
  une: ['une', 'university of new england', 'unecom'],
};

/** Words that say what kind of school it is, not which one. */
const GENERIC = new Set([
  'the', 'of', 'at', 'and', 'in', 'for', 'de', 'la',
  'school', 'college', 'university', 'univ', 'institute', 'faculty', 'center', 'centre', 'campus',
  'medicine', 'medical', 'med', 'osteopathic', 'health', 'sciences', 'science', 'som', 'md', 'do',
  'graduate', 'program', 'hospital', 'academy',
]);

/** Lower case, accents and punctuation removed, "&" read as "and", "St." as "st". */
export function normalizeSchool(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const PHRASES = Object.entries(ALIASES)
  .flatMap(([id, phrases]) => phrases.map((phrase) => ({ id, phrase: normalizeSchool(phrase) })))
  .sort((a, b) => b.phrase.length - a.phrase.length);

interface SchoolKey {
  aliases: Set<string>;
  tokens: Set<string>;
}

function keyOf(name: string): SchoolKey {
  let rest = ` ${normalizeSchool(name)} `;
  const aliases = new Set<string>();
  for (const { id, phrase } of PHRASES) {
    const needle = ` ${phrase} `;
    if (rest.includes(needle)) {
      aliases.add(id);
      rest = rest.split(needle).join(' ');
    }
  }
  const tokens = new Set(rest.split(' ').filter((t) => t.length > 1 && !GENERIC.has(t)));
  return { aliases, tokens };
}

/** Whether two spellings name the same school. */
export function sameSchool(a: string, b: string): boolean {
  if (!normalizeSchool(a) || !normalizeSchool(b)) return false;
  const x = keyOf(a);
  const y = keyOf(b);
  if (x.aliases.size > 0 && y.aliases.size > 0) {
    // Both are known schools: they match only if they are the same known school.
    return [...x.aliases].some((id) => y.aliases.has(id));
  }
  if (x.tokens.size === 0 || y.tokens.size === 0) return false;
  const shared = [...x.tokens].filter((t) => y.tokens.has(t)).length;
  const union = x.tokens.size + y.tokens.size - shared;
  const smaller = Math.min(x.tokens.size, y.tokens.size);
  // Half the distinctive words in common, or every one of at least two: "University of
  // California" alone must not match every UC campus.
  return shared / union >= 0.5 || (shared === smaller && smaller >= 2);
}

/** The first of `schools` that is the same school as `mine`, if any. */
export function findSharedSchool(mine: string, schools: readonly string[]): string | undefined {
  if (!mine.trim()) return undefined;
  return schools.find((school) => sameSchool(mine, school));
}
