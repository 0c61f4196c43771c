/**
 * Reading text and links out of a page, shared by every extractor.
 *
 * Everything here only reads: no function modifies the document, and text is
 * always taken from `textContent`-style node data (never `innerHTML`, never
 * `innerText`, which forces layout and is slow on big pages).
 */

/**
 * At most this many people are returned from one page (the first ones, in
 * page order): a chooser cannot usefully show more, and reading thousands of
 * cards would make a capture on a huge directory slow.
 */
export const MAX_PEOPLE = 250;

/**
 * Zero-width, bidi control and other invisible characters pages use to spoof text, and the Hangul and Mongolian
 * fillers, the Arabic letter mark and the tag characters that draw nothing and make a name look blank.
 */
const INVISIBLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u3164\uFEFF\uFFA0\u{E0000}-\u{E007F}]/gu;

/** Invisible characters removed, runs of white space folded to one space, trimmed. */
export function clean(value: string | null | undefined): string {
  if (!value) return '';
  return value.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Like `clean` but keeps line breaks (for multi-paragraph text such as an "about"). */
export function cleanMultiline(value: string | null | undefined): string {
  if (!value) return '';
  return value
    .replace(INVISIBLE, '')
    .split(/\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** Returns the cleaned string, or undefined when nothing is left. */
export function opt(value: string | null | undefined): string | undefined {
  const c = clean(value);
  return c ? c : undefined;
}

/** Elements whose content is never read as page text. */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'svg', 'IFRAME', 'OBJECT', 'SELECT']);

/** Elements that start a new line of text. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
  'BUTTON', 'IMG',
]);

/**
 * Class names sites use for text only screen readers hear. LinkedIn repeats
 * every visible text in a `visually-hidden` span next to an `aria-hidden`
 * one; reading both would double it, so the screen-reader copy is skipped.
 */
const SR_ONLY = /(?:^|\s)(?:visually-hidden|sr-only|screen-reader-text|screenreader-only|a11y-text|element-invisible|u-hidden|hidden-visually)(?:\s|$)/;

export function isScreenReaderOnly(el: Element): boolean {
  const cls = el.getAttribute('class');
  return cls !== null && SR_ONLY.test(cls);
}

export interface LinesOptions {
  /** Elements (with their subtrees) to leave out. */
  skip?: ReadonlySet<Element>;
  /** Also leave out <button> contents ("see more", "Show all 5 experiences"). */
  skipButtons?: boolean;
  /** Stop after this many lines (an entry's facts come first; long descriptions after). */
  maxLines?: number;
}

/**
 * The visible text of `root` as lines, in document order: block elements and
 * LinkedIn's `aria-hidden` text spans (which CSS shows as blocks) each start a
 * new line. Screen-reader-only copies, scripts and styles are skipped.
 * Iterative, so a deeply nested hostile page cannot overflow the stack.
 */
export function textLines(root: Element, options: LinesOptions = {}): string[] {
  const lines: string[] = [];
  const max = options.maxLines ?? Infinity;
  let buffer = '';
  const flush = (): void => {
    if (!buffer) return;
    const c = clean(buffer);
    if (c) lines.push(c);
    buffer = '';
  };
  // Depth-first with firstChild/nextSibling/parentNode: no recursion (a deeply
  // nested page cannot overflow the stack) and no child lists to allocate.
  let node: Node | null = root.firstChild;
  while (node && lines.length < max) {
    let enter = false;
    if (node.nodeType === 3 /* TEXT_NODE */) {
      buffer += node.nodeValue ?? '';
    } else if (node.nodeType === 1 /* ELEMENT_NODE */) {
      const el = node as Element;
      const kind = elementKind(el, options);
      if (kind !== SKIP) {
        if (kind === BLOCK) flush();
        enter = el.firstChild !== null;
      }
    }
    if (enter) {
      node = node.firstChild;
      continue;
    }
    // Next sibling, or climb out of the elements just finished (ending their lines).
    while (node && node !== root) {
      const next: Node | null = node.nextSibling;
      if (next) {
        node = next;
        break;
      }
      node = node.parentNode;
      if (node && node !== root && elementKind(node as Element, options) === BLOCK) flush();
    }
    if (node === root) break;
  }
  if (lines.length < max) flush();
  return lines.length > max ? lines.slice(0, max) : lines;
}

const SKIP = 0;
const INLINE = 1;
const BLOCK = 2;

/** How the text walker treats an element: skipped, inline, or a block that starts a line. */
function elementKind(el: Element, options: LinesOptions): number {
  const tag = el.tagName;
  if (SKIP_TAGS.has(tag)) return SKIP;
  if (options.skipButtons && tag === 'BUTTON') return SKIP;
  if (options.skip?.has(el)) return SKIP;
  // Attribute reads are the costly part on big pages: most elements carry none.
  if (el.hasAttributes()) {
    if (el.hasAttribute('hidden') || isScreenReaderOnly(el)) return SKIP;
    if (el.getAttribute('aria-hidden') === 'true') return BLOCK;
  }
  return BLOCK_TAGS.has(tag) ? BLOCK : INLINE;
}

/**
 * Lines of a small record (a list entry): its text lines, or, when styling
 * alone makes its inline children separate lines (<strong>School</strong>
 * <span>Degree</span>), one line per child element.
 */
export function fieldLines(el: Element, options: LinesOptions = {}): string[] {
  const lines = textLines(el, options);
  if (lines.length !== 1 || el.children.length < 2) return lines;
  const parts: string[] = [];
  for (const child of el.children) {
    if (options.skip?.has(child)) continue;
    const text = readText(child, options);
    if (text) parts.push(text);
  }
  // Only when the children account for all the text (no loose text between them).
  return parts.join(' ').replace(/\s+/g, '') === (lines[0] ?? '').replace(/\s+/g, '') ? parts : lines;
}

/** The visible text of an element on one line. */
export function readText(el: Element | null | undefined, options?: LinesOptions): string {
  if (!el) return '';
  return textLines(el, options).join(' ').replace(/\s+/g, ' ').trim();
}

/** `el.textContent` cleaned: for small leaf elements where hidden copies cannot occur. */
export function rawText(el: Element | null | undefined): string {
  return el ? clean(el.textContent) : '';
}

/** A page's address without its fragment. */
export function withoutFragment(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url;
  }
}

/**
 * Resolves `value` against the page and returns it only if it is an http(s)
 * link: `javascript:`, `data:`, `blob:` and the rest are never returned.
 */
export function httpLink(value: string | null | undefined, base: string): string | undefined {
  const v = clean(value);
  if (!v) return undefined;
  try {
    const u = new URL(v, base);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    return u.href;
  } catch {
    return undefined;
  }
}

/** The base links on the page resolve against (`<base href>` if the page sets one). */
export function baseUrl(doc: Document, url: string): string {
  const href = doc.querySelector('base[href]')?.getAttribute('href');
  if (href) {
    const resolved = httpLink(href, url);
    if (resolved) return resolved;
  }
  return url;
}

/** Placeholder portraits: silhouettes, default avatars and inline images are no photo. */
const PLACEHOLDER_PHOTO =
  /ghost|placeholder|platzhalter|silhouette|silueta|silhouet|default[-_]?(?:avatar|profile|photo|user|image)|no[-_]?(?:photo|image|avatar)|blank[-_]?(?:avatar|profile)|anonymous|avatar[-_]?default|\/static\.licdn\.com\/|\/sc\/h\//i;

export function isPlaceholderPhoto(url: string): boolean {
  return PLACEHOLDER_PHOTO.test(url);
}

/** A portrait link from an <img>, skipping lazy-loading placeholders and ghost images. */
export function imageUrl(img: Element | null | undefined, base: string, isPlaceholder: (url: string) => boolean = isPlaceholderPhoto): string | undefined {
  if (!img) return undefined;
  const cls = img.getAttribute('class') ?? '';
  if (/ghost/i.test(cls)) return undefined;
  // Lazy-loading sites keep the real address in a data- attribute and a blank in src.
  for (const attr of ['src', 'data-delayed-url', 'data-src', 'data-lazy-src', 'data-original']) {
    const link = httpLink(img.getAttribute(attr), base);
    if (link && !isPlaceholder(link)) return link;
  }
  const srcset = img.getAttribute('srcset') ?? img.getAttribute('data-srcset');
  if (srcset) {
    // Candidates are separated by a comma and white space: image CDNs put bare commas inside their URLs ("w_240,h_240").
    const first = srcset.trim().split(/,\s+/)[0]?.split(/\s+/)[0];
    const link = httpLink(first, base);
    if (link && !isPlaceholder(link)) return link;
  }
  return undefined;
}

/** All four-digit years (1900-2099) in a text, in order. */
export function years(value: string): number[] {
  const out: number[] = [];
  for (const m of value.matchAll(/(?<!\d)(19\d{2}|20\d{2})(?!\d)/g)) out.push(Number(m[1]));
  return out;
}

/**
 * A duration written after the dates with no separator in the text (the
 * public LinkedIn page draws its middle dot with CSS): "Present 2 years 7 months".
 */
const DURATION_UNIT = String.raw`(?:years?|yrs?|months?|mos?|J\.|Jahre?|Mon\.|Monate?|años?|meses|mes|ans?|mois|anni|mesi|jaar|maanden|mnd\.)`;
const TRAILING_DURATION = new RegExp(
  String.raw`\s+(?:less than a year|\d+\s*${DURATION_UNIT}(?:\s+\d+\s*${DURATION_UNIT})?)$`,
  'i',
);

/** Start and end of a date range such as "Jun 2023 - Present · 1 yr 6 mos". */
export function dateRange(value: string): { start?: string; end?: string } {
  // The part after a middle dot is a duration ("1 yr 6 mos"), not a date.
  const dates = clean(value.split(/\s[·•]\s/)[0]).replace(TRAILING_DURATION, '');
  if (!dates) return {};
  const parts = dates.split(/\s+(?:[-–—]|to|à|bis)\s+/i);
  const start = opt(parts[0]);
  const end = opt(parts.slice(1).join(' '));
  return { ...(start ? { start } : {}), ...(end ? { end } : {}) };
}

/** Start and end years of an education entry: a single year is a graduation year. */
export function yearRange(value: string): { startYear?: number; endYear?: number } {
  const ys = years(value);
  if (ys.length === 0) return {};
  if (ys.length === 1) return { endYear: ys[0] };
  return { startYear: ys[0], endYear: ys[ys.length - 1] };
}

/** Looks like a date line: a year, short, and not much else. */
export function isDateLine(value: string): boolean {
  return value.length <= 80 && years(value).length > 0;
}

/** Reads JSON without throwing; page JSON is untrusted. */
export function parseJson(value: string | null | undefined): unknown {
  if (!value) return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

/** Own-property read that never walks the prototype chain (`__proto__`, `constructor`). */
export function prop(obj: unknown, key: string): unknown {
  if (typeof obj !== 'object' || obj === null) return undefined;
  return Object.prototype.hasOwnProperty.call(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

/** A JSON value as a string if it is a string (or a number), else undefined. */
export function str(value: unknown): string | undefined {
  if (typeof value === 'string') return opt(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Title and organization out of "Resident at UCSF Health" (in a few languages). */
export function splitRoleAt(value: string): { title?: string; organization?: string } {
  const m = /^(.+?)\s+(?:at|chez|en|bei|presso|bij)\s+(.+)$/i.exec(value) ?? /^(.+?)\s*@\s*(.+)$/.exec(value);
  if (!m) return {};
  const title = opt(m[1]);
  const organization = opt(m[2]);
  if (!title || !organization) return {};
  return { title, organization };
}

/** Words that mark a phrase as the name of an institution. */
export const ORG_WORDS =
  /\b(?:Health|Hospital|Hospitals|University|Universit[éyà]|College|Clinic|Clinics|Center|Centre|Medical|Medicine|Institute|School|Group|Partners|Foundation|Associates|Physicians|System|Systems|Healthcare|Health Care|Inc\.?|LLC|Ltd\.?|Corp\.?|Company|Department|Sciences|Children's|Mayo|Kaiser|VA)\b/i;

/** A titled part of a page: its heading and the elements that make up its body. */
export interface Section {
  heading: Element;
  /** The body: the <section> the heading leads, or the heading's following siblings up to the next heading. */
  parts: Element[];
}

const HEADING_LEVEL: Record<string, number> = { H1: 1, H2: 2, H3: 3, H4: 4, H5: 5, H6: 6 };

/** The first section of `root` whose heading (h2-h4) matches. */
export function sectionByHeading(root: Element, heading: RegExp): Section | undefined {
  for (const h of root.querySelectorAll('h2, h3, h4')) {
    if (!heading.test(readText(h))) continue;
    const section = h.closest('section, article, [role="region"]');
    if (section && section !== root && root.contains(section) && section.querySelector('h2, h3, h4') === h) {
      return { heading: h, parts: [section] };
    }
    // Flat markup: the body runs from the heading to the next heading of the same or a higher level.
    const level = HEADING_LEVEL[h.tagName] ?? 6;
    const parts: Element[] = [];
    let anchor: Element = h;
    // A heading wrapped alone in a header/div: continue from the wrapper.
    while (!anchor.nextElementSibling && anchor.parentElement && anchor.parentElement !== root && anchor.parentElement.children.length === 1) {
      anchor = anchor.parentElement;
    }
    for (let el = anchor.nextElementSibling; el; el = el.nextElementSibling) {
      const own = HEADING_LEVEL[el.tagName];
      if (own !== undefined && own <= level) break;
      const inner = el.querySelector('h1, h2, h3, h4');
      if (inner && (HEADING_LEVEL[inner.tagName] ?? 6) <= level) break;
      parts.push(el);
    }
    return { heading: h, parts };
  }
  return undefined;
}

/** The text lines of a section's body, without its heading. */
export function sectionLines(section: Section, options: LinesOptions = {}): string[] {
  const skip = new Set<Element>([section.heading, ...(options.skip ?? [])]);
  return section.parts.flatMap((part) => textLines(part, { ...options, skip }));
}

/** Direct <li> entries of the first list in a section (or element). */
export function listItems(root: Section | Element): Element[] {
  const parts = 'parts' in root ? root.parts : [root];
  for (const part of parts) {
    const list = part.matches('ul, ol') ? part : part.querySelector('ul, ol');
    if (list) return [...list.children].filter((c) => c.tagName === 'LI');
  }
  return [];
}

/** Splits "Associate Program Director, Pediatrics Residency, UT Health San Antonio" into title and organization. */
export function splitTitleOrganization(value: string, knownOrganizations: readonly string[] = []): { title?: string; organization?: string } {
  const v = clean(value);
  if (!v) return {};
  const at = splitRoleAt(v);
  if (at.title) return at;
  for (const separator of [' | ', ' — ', ' – ', ' - ', ', ']) {
    const i = v.lastIndexOf(separator);
    if (i <= 0) continue;
    const title = clean(v.slice(0, i));
    const organization = clean(v.slice(i + separator.length));
    if (title && organization && (ORG_WORDS.test(organization) || knownOrganizations.includes(organization))) {
      return { title, organization };
    }
  }
  return { title: v };
}

/**
 * An e-mail address written to foil robots: "name [at] host [dot] edu",
 * "name (at) host.org", "k.bauer(at)klinikum.de", "name AT host DOT edu".
 * Also a plain address. Undefined when the text holds none.
 */
/** A word in brackets or parentheses: "[at]", "(dot)", "[arroba]", "(punto)". */
const bracketed = (word: string): string => String.raw`[[({]\s*${word}\s*[\])}]`;
const AT = String.raw`\s*(?:${bracketed('(?:at|arroba)')}|\s+at\s+|\s+AT\s+)\s*`;
const DOT = String.raw`(?:\s*${bracketed('(?:dot|punto|point|punkt)')}\s*|\s+dot\s+|\s+DOT\s+|\.)`;
const WRITTEN_ADDRESS = new RegExp(String.raw`([\w.+-]+)${AT}([\w-]+(?:${DOT}[\w-]+)+)`, 'i');
const DOTS = new RegExp(DOT, 'gi');
const PLAIN_ADDRESS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;

export function emailIn(value: string): string | undefined {
  const text = clean(value);
  const plain = PLAIN_ADDRESS.exec(text);
  if (plain) return plain[0];
  // Cheap test first: most lines hold no "at" at all.
  if (!/\b(?:at|arroba)\b/i.test(text)) return undefined;
  const m = WRITTEN_ADDRESS.exec(text);
  if (!m?.[1] || !m[2]) return undefined;
  // "at" between two words of a sentence is not an address: a written-out address has a dot-part host.
  if (/\s+at\s+/i.test(m[0]) && !/\[|\(|\{/.test(m[0]) && !/\b(?:dot)\b/i.test(m[0])) return undefined;
  const host = m[2].replace(DOTS, '.');
  const address = `${m[1]}@${host}`;
  return /^[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$/i.test(address) ? address : undefined;
}

/** "Harborview Women's Health · Seattle, WA": an organization and its place, split. */
export function splitPlace(value: string): { organization?: string; location?: string } {
  const m = /^(.{2,120}?)\s+[·•|–—-]\s+([\p{L}][\p{L} .'-]{1,40}, (?:[A-Z]{2}|[\p{L} ]{3,30}))$/u.exec(clean(value));
  if (!m?.[1] || !m[2]) return {};
  return { organization: clean(m[1]), location: clean(m[2]) };
}
