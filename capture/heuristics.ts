/**
 * Careful heuristics for pages without structured data:
 *
 * - `cardPeople`: directories (residents, faculty, alumni) repeat one card
 *   structure per person — a name, a role, usually a photo. Cards are found
 *   by grouping name-like elements by the shape of the element around them;
 *   a shape that repeats is a listing.
 * - `bioPerson`: a page about one person, whose <h1> is a plausible name and
 *   which shows at least one strong sign of being a profile (credentials, a
 *   portrait labelled with the name, a job title under the name).
 *
 * When in doubt they find no one: a wrong person is worse than none.
 */
import type { CaptureInput } from '../model/schemas';
import { isPlausibleName, parseName } from './names';
import { tablePeople } from './tables';
import {
  MAX_PEOPLE,
  baseUrl,
  clean,
  cleanMultiline,
  emailIn,
  httpLink,
  imageUrl,
  isPlaceholderPhoto,
  isScreenReaderOnly,
  listItems,
  opt,
  ORG_WORDS,
  readText,
  sectionByHeading,
  sectionLines,
  splitPlace,
  splitRoleAt,
  textLines,
  withoutFragment,
  years,
} from './text';

type Education = NonNullable<CaptureInput['education']>[number];

/**
 * What directory sites put where a photo would be, beyond the placeholders every
 * site uses (./text): default images named in other languages, a lazy loader's
 * blank pixel or blurred preview. Kept here so LinkedIn's script stays small.
 */
const DIRECTORY_PLACEHOLDER =
  /default[-_]?headshot|default_images\/|sin[-_]?(?:foto|imagen)|sans[-_]?photo|kein[-_]?bild|\/(?:blank|spacer|pixel|transparent|1x1)\.(?:gif|png)|avatar[-_]?d[eé]faut|\bblur_\d|[-_.]lqip\b/i;

function directoryPhoto(img: Element | null | undefined, base: string): string | undefined {
  return imageUrl(img, base, (url) => isPlaceholderPhoto(url) || DIRECTORY_PLACEHOLDER.test(url));
}

/** Regions that hold site chrome, never the people a page presents. */
const CHROME =
  'nav, footer, aside, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], body > header, .breadcrumb, .breadcrumbs, ' +
  // Older CMS themes lay the same regions out with ids and classes; a table of contents repeats every name.
  '#footer, #sidebar, .sidebar, [id^="sidebar"], .widget, .widget-area, #toc, .toc, .table-of-contents, [id^="footer"], [class^="footer"]';

/** A heading that names a group of people ("Profesorado del Departamento", "Unser Team") is no one's name. */
const GROUP_WORDS =
  /\b(?:department|departamento|d[ée]partement|abteilung|faculty|profesorado|facultad|facult[ée]|staff|team|équipe|equipo|people|personnel|residents|residentes|physicians|doctors|m[ée]dicos|[äa]rzte|directory|directorio|our|nuestro|nuestra|notre|unser|unsere)\b/i;

/** Words of a job title: used to recognise the role line under a name. */
const ROLE_WORDS =
  /\b(?:professor|director|resident|residents|physician|chief|fellow|chair|chairman|chairwoman|instructor|lecturer|nurse|surgeon|manager|coordinator|dean|president|officer|associate|assistant|attending|student|researcher|scientist|engineer|specialist|consultant|head|lead|partner|founder|ceo|cto|cfo|advisor|adviser|faculty|pgy-?\d|intern|clerkship|program|hospitalist|pediatrician|internist|cardiologist|psychiatrist|therapist|pharmacist|dentist|doctor|practitioner|editor|counsel|analyst|administrator|profesor|profesora|catedr[aá]tic[oa]|jef[ea]|adjunt[oa]|m[eé]dic[oa]|praticien|chef|ma[iî]tre|oberarzt|ober[aä]rztin|chefarzt|assistenzarzt|fach[aä]rzt(?:in)?)\b/i;

/**
 * Words of a medical field: a short card line that holds one (and no job word) is the specialty.
 * "Catedrática de Pediatría" is a title: the job word wins.
 */
const SPECIALTY_WORDS =
  /(?:olog(?:y|ie|ía|ia)|iatr(?:y|ie|ía|ics|ia)|surgery|surgical|chirurgi|cirug[ií]a|medicine|m[eé]decine|medicina|medizin|neonat|cardio|kardio|dermat|electrophysiolog|elektrophysiolog|bildgebung|imaging|anesthes|an[aä]sthes|obstetr|gyn[eéaä]c|pediatr|p[aä]diatr|p[eé]diatr|orthop|rheumat|nephrol|epilep|movement disorders|stroke|critical care|emergency|family medicine|internal medicine)/i;

/** Parts of a card that hold buttons, ratings or actions: never a title or a specialty. */
const CARD_CHROME = '[class*="action"], [class*="rating"], [class*="btn"], [class*="button"], [class*="cta"]';

/** Lines that are links or chrome inside a card, not a role. */
const NOT_ROLE =
  /^(?:read more|view (?:full )?(?:profile|bio)|learn more|more|bio|biography|e-?mail|contact|website|profile|details|see more|›|»|→|book(?: an appointment| online| now)?|(?:request|make|schedule) an appointment|schedule(?: online)?|call(?: now)?|directions|get directions|accepting new patients|new patients welcome)$|^[\d.,\s/★☆()]*(?:\(?\d[\d,]*\s+(?:ratings?|reviews?|comments?)\)?)?$|\b\d[\d,]*\s+(?:ratings?|reviews?)\b/i;

const CJK = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;

const LABELLED = /^([^:]{2,40}):\s*(.+)$/;

/**
 * Where card names usually are: headings and elements whose class says "name"
 * (the selector `h2, h3, h4, h5, h6, [class*="name"], [class*="Name"]`,
 * tested in script so that the walk can stop once enough names are found).
 */
const NAME_TAGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);
/** Where else they can be (bold text, links, definition terms, captions): tried when the first finds no cards. */
const MORE_NAME_TAGS = new Set([...NAME_TAGS, 'strong', 'b', 'a', 'dt', 'figcaption']);
// Site builders (Wix, Squarespace) draw bold names with inline styles instead of <strong>.
const BOLD_STYLE = /font-weight: ?(?:bold|700)/;

function isNameElement(el: Element): boolean {
  if (NAME_TAGS.has(el.localName)) return true;
  const cls = el.getAttribute('class');
  return cls !== null && (cls.includes('name') || cls.includes('Name'));
}

function isMoreNameElement(el: Element): boolean {
  if (MORE_NAME_TAGS.has(el.localName) || isNameElement(el)) return true;
  return el.localName === 'span' && BOLD_STYLE.test(el.getAttribute('style') ?? '');
}

/** `isMoreNameElement` as a selector, for one element's insides (pointing). */
const MORE_NAME_SELECTOR =
  'h2, h3, h4, h5, h6, [class*="name"], [class*="Name"], strong, b, a, dt, figcaption, span[style*="font-weight:bold"], span[style*="font-weight: bold"], span[style*="font-weight:700"], span[style*="font-weight: 700"]';

export { MAX_PEOPLE };

// ---------------------------------------------------------------- page-level facts

/** The organization that runs the site: og:site_name, else the last part of the page title. */
export function siteOrganization(doc: Document): string | undefined {
  const siteName = opt(metaContent(doc, 'og:site_name'));
  if (siteName) return siteName;
  const title = clean(doc.getElementsByTagName('title')[0]?.textContent);
  const parts = title.split(/\s+[|–—]\s+|\s+-\s+/).map(clean).filter(Boolean);
  const last = parts[parts.length - 1];
  if (parts.length >= 2 && last && last.length <= 100 && ORG_WORDS.test(last) && !isPlausibleName(last)) return last;
  return undefined;
}

/**
 * A `<meta property>`'s content. Tag collections walk no further than they
 * must, where an attribute selector would test every element of a big page.
 */
function metaContent(doc: Document, property: string): string | null | undefined {
  for (const meta of doc.getElementsByTagName('meta')) {
    if (meta.getAttribute('property') === property) return meta.getAttribute('content');
  }
  return undefined;
}

/** The page's own <h1>: the first one outside site chrome that is not for screen readers only. */
function pageHeading(root: Element): Element | undefined {
  for (const h of root.getElementsByTagName('h1')) {
    if (!isScreenReaderOnly(h) && !h.closest(CHROME)) return h;
  }
  return undefined;
}

/** Education written as lines: "MD, University of Michigan Medical School, 2012". */
export function educationList(scope: Element): Education[] {
  const section = sectionByHeading(scope, /^(?:education|education (?:&|and) training|training|degrees|education\/training)$/i);
  if (!section) return [];
  const out: Education[] = [];
  for (const li of listItems(section)) {
    const line = readText(li);
    const parts = line.split(/\s*[,;·•|]\s*/).map(clean).filter(Boolean);
    const ys = years(line);
    const words = parts.filter((p) => years(p).length === 0 || p.replace(/\d{4}/g, '').trim().length > 4);
    // The school is the last part that names an institution; what comes before it is the degree.
    let schoolAt = -1;
    for (let i = words.length - 1; i >= 0; i--) {
      if (ORG_WORDS.test(words[i] ?? '')) {
        schoolAt = i;
        break;
      }
    }
    const school = words[schoolAt] ?? (words.length === 1 ? words[0] : undefined);
    if (!school) continue;
    const item: Education = { school: school.replace(/\s*\(?\b(?:19|20)\d{2}\)?$/, '') };
    const degree = opt(words.filter((_, i) => i !== schoolAt && i < (schoolAt === -1 ? 0 : schoolAt)).join(', '));
    if (degree) item.degree = degree;
    if (ys.length === 1) item.endYear = ys[0];
    else if (ys.length > 1) {
      item.startYear = ys[0];
      item.endYear = ys[ys.length - 1];
    }
    out.push(item);
  }
  return out;
}

// ---------------------------------------------------------------- directories

interface Card {
  card: Element;
  name: Element;
  order: number;
  /** A card made of sibling elements (a heading and the paragraphs under it), not one element. */
  parts?: Element[];
}

/** Where a card's fields are read: one element, or a run of sibling elements. */
interface Region {
  all(selector: string): Element[];
  lines(options: Parameters<typeof textLines>[1]): string[];
  contains(el: Element): boolean;
}

function regionOf(found: Card): Region {
  const parts = found.parts ?? [found.card];
  const single = !found.parts;
  // A card is asked for its images and links several times: each query runs once.
  const queried = new Map<string, Element[]>();
  return {
    all: (selector) => {
      let matches = queried.get(selector);
      if (!matches) {
        matches = single ? [...found.card.querySelectorAll(selector)] : parts.flatMap((p) => [...(p.matches(selector) ? [p] : []), ...p.querySelectorAll(selector)]);
        queried.set(selector, matches);
      }
      return matches;
    },
    lines: (options) => (single ? textLines(found.card, options) : parts.filter((p) => !options?.skip?.has(p)).flatMap((p) => textLines(p, options))),
    contains: (el) => parts.some((p) => p.contains(el)),
  };
}

/** Cheap tests first: most links and bold texts on a big page are not names. */
function quickNameText(el: Element): string | undefined {
  const raw = el.textContent ?? '';
  if (raw.length < 2 || raw.length > 160) return undefined;
  const text = clean(raw);
  if (text.length < 2 || text.length > 100 || /\d/.test(text)) return undefined;
  // Names have two words or more, except in scripts written without spaces.
  if (!text.includes(' ') && !CJK.test(text)) return undefined;
  return isPlausibleName(text) ? text : undefined;
}

function nameCandidates(root: Element, isCandidate: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  const seen = new Set<Element>();
  // Enough names for MAX_PEOPLE cards and the odd heading between them (reading more only costs time on huge pages).
  const limit = MAX_PEOPLE + 64;
  // One walk in document order that stops at the limit: a selector query would match the whole page first.
  for (let el = root.firstElementChild; el && out.length < limit; el = nextElement(el, root)) {
    if (!isCandidate(el)) continue;
    const text = quickNameText(el);
    if (!text || isScreenReaderOnly(el)) continue;
    // <h3><a>Name</a></h3>: keep the outermost element holding the same name.
    let nested = false;
    for (let p = el.parentElement, depth = 0; p && depth < 3; p = p.parentElement, depth++) {
      if (seen.has(p)) {
        nested = true;
        break;
      }
    }
    if (nested) continue;
    // Only the few names are tested against the chrome regions, not the whole page.
    if (el.closest(CHROME)) continue;
    seen.add(el);
    out.push(el);
  }
  return out;
}

/** The element after `el` in document order inside `root` (its first child, else the next one up). */
function nextElement(el: Element, root: Element): Element | null {
  if (el.firstElementChild) return el.firstElementChild;
  for (let at: Element | null = el; at && at !== root; at = at.parentElement) {
    if (at.nextElementSibling) return at.nextElementSibling;
  }
  return null;
}

function classSignature(el: Element): string {
  const classes = (el.getAttribute('class') ?? '')
    .split(/\s+/)
    // Modifiers (BEM `--featured`, `is-active`) and numbered classes vary between cards of one kind.
    .filter((c) => c && !/\d|--|^(?:is|has)-/.test(c) && !/active|selected|first|last|odd|even|hidden|visible|featured/i.test(c))
    .sort();
  return `${el.tagName}.${classes.join('.')}`;
}

/** The repeated structure: the card's tag and classes, and the path down to the name. */
function signature(card: Element, name: Element): string {
  const path: string[] = [];
  for (let el: Element | null = name; el && el !== card; el = el.parentElement) path.push(el.tagName);
  return `${classSignature(card)}>${path.reverse().join('>')}`;
}

/**
 * The card around a name: the nearest ancestor that holds more than the
 * name (a photo or other text) and no other name.
 */
function cardOf(name: Element, namesIn: Map<Element, number>, root: Element): Element | undefined {
  const nameLength = (name.textContent ?? '').length;
  for (let el = name.parentElement, depth = 0; el && depth < 6; el = el.parentElement, depth++) {
    if ((namesIn.get(el) ?? 0) > 1) return undefined;
    if (el === root) return undefined;
    if (el.querySelector('img') || (el.textContent ?? '').trim().length > nameLength + 3) {
      // The card's photo can sit one level up, beside the block that holds the name and role.
      const parent = el.parentElement;
      if (!el.querySelector('img') && parent && parent !== root && (namesIn.get(parent) ?? 0) === 1 && parent.querySelector('img')) {
        return parent;
      }
      return el;
    }
  }
  return undefined;
}

/** Card parts whose class says what they hold. */
const CLASS_FIELDS: ['specialty' | 'location', RegExp][] = [
  ['specialty', /(?:^|[\s_-])(?:specialt(?:y|ies)|specialit[eéy]|especialidad)(?:$|[\s_-])/i],
  ['location', /(?:^|[\s_-])(?:location|address)(?:$|[\s_-])/i],
];

const CLASS_FIELD_SELECTOR = '[class*="pecialt"], [class*="pecialit"], [class*="ocation"], [class*="ddress"]';

/**
 * The person's own page: the link on their name, else on their photo, else a
 * "View profile" link of the card. The listing's own address (or a fragment
 * of it) is no one's page.
 */
function ownLink(card: Region, nameEl: Element, pageUrl: string, base: string): string | undefined {
  // Tried in turn, each only when the one before gave no link (most cards link their name).
  const candidates = [
    () => nameEl.closest('a[href]'),
    () => nameEl.querySelector('a[href]'),
    () => card.all('img')[0]?.closest('a[href]'),
    () => card.all('a[href]').find((a) => /^(?:view (?:full )?(?:profile|bio)|read more|bio|biography|profile|full profile)$/i.test(readText(a))),
  ];
  const page = pageUrl;
  for (const candidate of candidates) {
    const a = candidate();
    if (!a || !card.contains(a)) continue;
    const link = httpLink(a.getAttribute('href'), base);
    if (!link) continue;
    const own = withoutFragment(link);
    if (own !== page) return own;
  }
  return undefined;
}

/** `pageUrl` is the listing's address without its fragment. */
function cardToCapture(found: Card, pageUrl: string, base: string, organization: string | undefined): CaptureInput | null {
  const { name: nameEl } = found;
  const card = regionOf(found);
  const nameText = readText(nameEl);
  const name = parseName(nameText);
  if (!name.fullName) return null;
  const capture: CaptureInput = {
    source: 'web',
    fullName: name.fullName,
    credentials: name.credentials,
    profileUrl: ownLink(card, nameEl, pageUrl, base) ?? pageUrl,
  };
  if (name.firstName) capture.firstName = name.firstName;
  if (name.lastName) capture.lastName = name.lastName;
  if (name.honorific) capture.honorific = name.honorific;

  // Fields the card's markup names by class (find-a-doctor results): read as such, never as the title.
  const skip = new Set<Element>([nameEl, ...card.all(CARD_CHROME).filter((e) => !e.contains(nameEl))]);
  for (const [field, pattern] of CLASS_FIELDS) {
    const el = card.all(CLASS_FIELD_SELECTOR).find((e) => pattern.test(e.getAttribute('class') ?? '') && !e.contains(nameEl) && readText(e));
    if (!el) continue;
    skip.add(el);
    const text = readText(el);
    if (field === 'location') {
      const place = splitPlace(text);
      capture.location = place.location ?? text;
      if (place.organization) capture.organization = place.organization;
    } else capture[field] = text;
  }

  const education: Education[] = [];
  const lines = card.lines({ skip, skipButtons: true });
  for (const line of lines) {
    const address = capture.email ? undefined : emailIn(line);
    if (address) {
      capture.email = address;
      continue;
    }
    const labelled = LABELLED.exec(line);
    if (labelled) {
      const label = clean(labelled[1]).toLowerCase();
      const value = clean(labelled[2]);
      if (/school|education|undergrad|college|alma mater|university|degree|facultad|universidad|studium|hochschule|faculté|université/.test(label) && !/high school/.test(label)) education.push({ school: value });
      else if (/^(?:title|position|role)$/.test(label)) capture.title ??= value;
      else if (/^(?:specialty|speciality)$/.test(label)) capture.specialty ??= value;
      else if (/^(?:e-?mail|correo|courriel)$/.test(label)) capture.email ??= emailIn(value) ?? value;
      else if (/^(?:phone|tel|telephone)$/.test(label)) capture.phone ??= value;
      else if (/^(?:location|city)$/.test(label)) capture.location ??= value;
      else if (/^(?:organization|organisation|employer|institution|hospital|practice)$/.test(label)) capture.organization ??= value;
      continue;
    }
    if ((capture.title && capture.specialty) || NOT_ROLE.test(line) || line.length > 150 || line.includes('@')) continue;
    // Lines come cleaned (./text): compared as they are.
    if (line === nameText) continue;
    // "Harborview Women's Health · Seattle, WA" is where the person works, not their title.
    const place = splitPlace(line);
    if (place.organization && !ROLE_WORDS.test(place.organization)) {
      if (!capture.organization) {
        capture.organization = place.organization;
        capture.location ??= place.location;
      }
      continue;
    }
    const role = roleLine(line);
    if (!role) continue;
    // "General & Laparoscopic Surgery" above "Medical Director": the field is the specialty, the job the title.
    if (!capture.specialty && role.length <= 80 && SPECIALTY_WORDS.test(role) && !ROLE_WORDS.test(role)) {
      capture.specialty = role;
      continue;
    }
    capture.title ??= role;
  }
  if (education.length) capture.education = education;
  if (capture.title && !capture.organization) {
    const split = splitRoleAt(capture.title);
    if (split.organization) {
      capture.title = split.title;
      capture.organization = split.organization;
    }
  }
  if (!capture.organization && organization) capture.organization = organization;

  const mail = card.all('a[href^="mailto:" i]')[0]?.getAttribute('href');
  if (mail && !capture.email) capture.email = clean(mail.replace(/^mailto:/i, '').split('?')[0]);
  for (const img of card.all('img')) {
    const link = directoryPhoto(img, base);
    if (link) {
      capture.photoUrl = link;
      break;
    }
  }
  return capture;
}

/**
 * A card line as a job title: a short line, or the first sentence of a bio
 * that opens with the role ("Postdoctoral Fellow. PhD in Bioengineering…").
 * Other sentences are no title.
 */
function roleLine(line: string): string | undefined {
  const sentence = /^(.{3,80}?)\.\s+\p{Lu}/u.exec(line);
  if (sentence?.[1] && line.length > 60 && ROLE_WORDS.test(sentence[1]) && !/\b(?:[A-Z]|Dr|Prof|St|Jr|Sr)$/.test(sentence[1])) return sentence[1];
  if (/[.!?]$/.test(line) && line.length > 60) return undefined;
  return line;
}

/** Every person in the page's repeated cards, in page order (at most MAX_PEOPLE). */
export function cardPeople(doc: Document, url: string): CaptureInput[] {
  const root = doc.querySelector('main, [role="main"]') ?? doc.body;
  if (!root) return [];
  // A directory table says what each column holds: read it by its headers.
  const rows = root.getElementsByTagName('table')[0] ? tablePeople(doc, url, root, siteOrganization(doc)) : [];
  if (rows.length >= 2) return rows;
  const headingNames = nameCandidates(root, isNameElement);
  let cards = repeatedCards(root, headingNames);
  // Flat markup (Markdown sites): each person is a heading and the paragraphs up to the next one.
  if (cards.length === 0) cards = headingSections(headingNames);
  if (cards.length === 0) cards = repeatedCards(root, nameCandidates(root, isMoreNameElement));
  const base = baseUrl(doc, url);
  const page = withoutFragment(url);
  const organization = cards.length ? siteOrganization(doc) : undefined;
  const out: CaptureInput[] = [];
  for (const card of cards) {
    if (out.length >= MAX_PEOPLE) break;
    const capture = cardToCapture(card, page, base, organization);
    if (capture) out.push(capture);
  }
  return out;
}

/**
 * People written as sibling headings of one level, each followed by its own
 * paragraphs (a Jekyll or Hugo "People" page): each heading and its body are
 * read as one card made of those sibling elements.
 */
function headingSections(names: Element[]): Card[] {
  const headings = names.filter((n) => /^H[2-4]$/.test(n.tagName));
  const byParent = new Map<string, Element[]>();
  for (const h of headings) {
    const key = h.tagName;
    byParent.set(key, [...(byParent.get(key) ?? []), h]);
  }
  const cards: Card[] = [];
  for (const group of byParent.values()) {
    if (group.length < 2 || new Set(group.map((h) => h.parentElement)).size !== 1) continue;
    const level = Number(group[0]?.tagName.slice(1));
    for (const h of group) {
      const parts: Element[] = [h];
      for (let el = h.nextElementSibling; el; el = el.nextElementSibling) {
        const own = /^H([1-6])$/.exec(el.tagName);
        if (own && Number(own[1]) <= level) break;
        parts.push(el);
      }
      cards.push({ card: h, name: h, order: names.indexOf(h), parts });
    }
  }
  return cards;
}

/** The cards whose structure repeats, in page order. */
function repeatedCards(root: Element, names: Element[]): Card[] {
  if (names.length < 2) return [];
  // How many names each ancestor holds (a card holds exactly one).
  const namesIn = new Map<Element, number>();
  for (const name of names) {
    for (let el = name.parentElement, depth = 0; el && depth < 7; el = el.parentElement, depth++) {
      namesIn.set(el, (namesIn.get(el) ?? 0) + 1);
    }
  }
  const groups = new Map<string, Card[]>();
  names.forEach((name, order) => {
    const card = cardOf(name, namesIn, root);
    if (!card) return;
    const key = signature(card, name);
    const group = groups.get(key) ?? [];
    group.push({ card, name, order });
    groups.set(key, group);
  });
  const cards: Card[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    // A listing of people shows a photo or a role on (most of) its cards.
    const rich = group.filter(
      (c) => c.card.querySelector('img') || (c.card.textContent ?? '').trim().length > (c.name.textContent ?? '').trim().length + 3,
    ).length;
    if (rich * 2 < group.length) continue;
    cards.push(...group);
  }
  return cards.sort((a, b) => a.order - b.order);
}

// ---------------------------------------------------------------- one person

/**
 * A page about one person with no structured data: a plausible name in the
 * <h1> and at least one strong sign that the page is their profile.
 */
/**
 * The job title written on the line under the page's name heading, for
 * structured data that names the person but not their role.
 */
export function roleUnderHeading(doc: Document, fullName: string): string | undefined {
  const root = doc.querySelector('main, [role="main"]') ?? doc.body;
  const h1 = root ? pageHeading(root) : undefined;
  if (!h1 || parseName(readText(h1)).fullName !== fullName) return undefined;
  const scope = h1.closest('article, section, [class*="profile"], [class*="bio"]') ?? root ?? h1;
  const lines = textLines(scope, { skipButtons: true });
  const at = lines.indexOf(readText(h1));
  if (at < 0) return undefined;
  return lines.slice(at + 1, at + 4).find((l) => l.length <= 160 && ROLE_WORDS.test(l) && !/[.!?:]$/.test(l) && !l.includes('@'));
}

/**
 * A page without an <h1> (a Hugo or Wowchemy profile draws the name in an
 * <h2>): the first h2 whose text is what the page's title or og:title opens
 * with, so that the name heading is the page's own subject.
 */
function titledHeading(doc: Document, root: Element): Element | undefined {
  if (root.getElementsByTagName('h1')[0]) return undefined;
  const titles = [clean(metaContent(doc, 'og:title')), clean(doc.title).split(/\s+[|–—]\s+/)[0] ?? ''].filter(Boolean);
  const h2 = root.querySelector('h2');
  const text = h2 ? readText(h2) : '';
  return h2 && text && !h2.closest(CHROME) && titles.includes(text) ? h2 : undefined;
}

export function bioPerson(doc: Document, url: string): CaptureInput | null {
  const root = doc.querySelector('main, [role="main"]') ?? doc.body;
  if (!root) return null;
  const h1 = pageHeading(root) ?? titledHeading(doc, root);
  if (!h1) return null;
  const nameText = readText(h1);
  if (!isPlausibleName(nameText) || GROUP_WORDS.test(nameText)) return null;
  const name = parseName(nameText);
  if (!name.fullName) return null;
  const base = baseUrl(doc, url);

  // The profile's own block: the article or section the heading leads.
  const scope = h1.closest('article, section, [class*="profile"], [class*="bio"]') ?? root;
  const lastName = name.lastName ?? name.fullName;

  // The line right under the name, if it reads as a job title.
  const after = textLines(scope, { skipButtons: true });
  const at = after.indexOf(clean(nameText));
  const roleLine = after.slice(at + 1, at + 4).find((l) => l.length <= 160 && ROLE_WORDS.test(l) && !/[.!?]$/.test(l));

  let portrait: string | undefined;
  for (const img of scope.querySelectorAll('img')) {
    const alt = clean(img.getAttribute('alt'));
    if (alt && (alt.includes(lastName) || alt.includes(name.fullName))) {
      portrait = directoryPhoto(img, base);
      if (portrait) break;
    }
  }
  const ogProfile = metaContent(doc, 'og:type') === 'profile';
  const strongSigns = [name.credentials.length > 0, !!name.honorific, !!portrait, !!roleLine, ogProfile].filter(Boolean).length;
  if (strongSigns === 0) return null;

  const capture: CaptureInput = { source: 'web', fullName: name.fullName, credentials: name.credentials, profileUrl: withoutFragment(url) };
  if (name.firstName) capture.firstName = name.firstName;
  if (name.lastName) capture.lastName = name.lastName;
  if (name.honorific) capture.honorific = name.honorific;
  if (portrait) capture.photoUrl = portrait;
  if (roleLine) {
    const split = splitRoleAt(roleLine);
    capture.title = split.title ?? roleLine;
    if (split.organization) capture.organization = split.organization;
  }
  if (!capture.organization) {
    const orgLine = after.slice(at + 1, at + 5).find((l) => l !== roleLine && l.length <= 120 && ORG_WORDS.test(l) && !/[.!?]$/.test(l) && !l.includes(':'));
    // An article (an alumni spotlight, a news story) is published by the site, not about its staff.
    const isArticle = metaContent(doc, 'og:type') === 'article';
    const organization = orgLine ?? (isArticle ? undefined : siteOrganization(doc));
    if (organization) capture.organization = organization;
  }

  const mail = scope.querySelector('a[href^="mailto:" i]')?.getAttribute('href');
  if (mail) capture.email = clean(mail.replace(/^mailto:/i, '').split('?')[0]);
  const tel = scope.querySelector('a[href^="tel:" i]');
  if (tel) capture.phone = opt(readText(tel)) ?? clean(tel.getAttribute('href')?.replace(/^tel:/i, ''));

  const bio = sectionByHeading(root, /^(?:biography|bio|about\b.*|overview|profile|summary|background)$/i);
  if (bio) {
    const text = cleanMultiline(sectionLines(bio, { skipButtons: true }).join('\n'));
    if (text) capture.about = text;
  }
  const education = educationList(root);
  if (education.length) capture.education = education;
  return capture;
}

/**
 * What a page about no one (as far as `bioPerson` can tell) still shows of a
 * person, for the add-by-hand form to start from: the name in its heading,
 * the site's organization and the one e-mail address beside the name. Only
 * when the heading reads as a person's name, never on an article (whose
 * headline and publisher are no one's name and employer).
 */
export function partialBio(doc: Document): Pick<CaptureInput, 'fullName' | 'organization' | 'email'> | undefined {
  const root = doc.querySelector('main, [role="main"]') ?? doc.body;
  const h1 = root ? (pageHeading(root) ?? titledHeading(doc, root)) : undefined;
  if (!root || !h1 || metaContent(doc, 'og:type') === 'article') return undefined;
  const nameText = readText(h1);
  if (!isPlausibleName(nameText) || GROUP_WORDS.test(nameText)) return undefined;
  const fullName = parseName(nameText).fullName;
  if (!fullName) return undefined;
  const found: Pick<CaptureInput, 'fullName' | 'organization' | 'email'> = { fullName };
  const organization = siteOrganization(doc);
  if (organization) found.organization = organization;
  // One address beside the name is theirs; several (a department's contacts) are no one's in particular.
  const scope = h1.closest('article, section, [class*="profile"], [class*="bio"]') ?? root;
  const addresses = new Set([...scope.querySelectorAll('a[href^="mailto:" i]')].map((a) => clean((a.getAttribute('href') ?? '').replace(/^mailto:/i, '').split('?')[0]).toLowerCase()));
  if (addresses.size === 1) found.email = [...addresses][0];
  return found;
}

// ---------------------------------------------------------------- pointing

/**
 * The person in one element the user pointed at (a card, a table row, a
 * block): its first name-like heading, bold text or link is the name, and
 * the rest is read with the same rules as a directory's cards. Null when the
 * element holds no plausible name.
 */
export function elementPerson(el: Element, doc: Document, url: string): CaptureInput | null {
  // A row of a directory table is read by the table's headers.
  const table = el.tagName === 'TR' ? el.closest('table') : null;
  if (table) {
    const text = readText(el);
    const row = tablePeople(doc, url, table, siteOrganization(doc)).find((r) => text.includes(r.fullName));
    if (row) return row;
  }
  const candidates = [el, ...el.querySelectorAll(MORE_NAME_SELECTOR)];
  const name = candidates.find((c) => !isScreenReaderOnly(c) && quickNameText(c) !== undefined);
  if (!name) return null;
  return cardToCapture({ card: el, name, order: 0 }, withoutFragment(url), baseUrl(doc, url), siteOrganization(doc));
}
