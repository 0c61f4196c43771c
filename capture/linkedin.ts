/**
 * LinkedIn profile pages: the signed-in layout (top card plus lazily loaded
 * profile cards) and the public, logged-out page (server-rendered, with
 * JSON-LD).
 *
 * LinkedIn's class names are generated and change often, so the extractor
 * leans on what is stable: the top card's <h1>, the section anchors
 * (#about, #experience, #education), links (/overlay/contact-info/), the
 * order of lines inside an entry, and JSON-LD on public pages. Class names
 * are only used as a first guess with a structural fallback. Every field is
 * read on its own: a missing or odd field never costs the others.
 */
import type { CaptureInput } from '../model/schemas';
import { looksLikeName, looksLikePronouns, parseName } from './names';
import {
  MAX_PEOPLE,
  asArray,
  baseUrl,
  clean,
  cleanMultiline,
  dateRange,
  httpLink,
  imageUrl,
  isDateLine,
  isPlaceholderPhoto,
  isScreenReaderOnly,
  opt,
  parseJson,
  prop,
  rawText,
  readText,
  splitRoleAt,
  str,
  textLines,
  yearRange,
} from './text';
import { linkedInPage, profileRef } from '../model/profile-links';

type Education = NonNullable<CaptureInput['education']>[number];
type Experience = NonNullable<CaptureInput['experience']>[number];
type SectionName = 'about' | 'experience' | 'education';

/** Section anchors and the older/public `data-section` names for the same cards. */
const SECTION_SELECTORS: Record<SectionName, string[]> = {
  // `-section` ids and pv-* classes: the pv-profile layouts of 2018-2020.
  about: ['#about', 'section[data-section="summary"]', '.pv-about-section', 'section.summary'],
  experience: ['#experience', 'section[data-section="experience"]', '#experience-section'],
  // The public top card also has a `data-section="educationsDetails"` link: only a <section> counts.
  education: ['#education', 'section[data-section="educationsDetails"]', 'section[data-section="education"]', '#education-section'],
};

/** Headings of the same sections in LinkedIn's main interface languages: a last resort only. */
const SECTION_HEADINGS: Record<SectionName, RegExp> = {
  about: /^(?:about|infos|info|à propos|acerca de|sobre|info|informazioni|over|om|o mnie)$/i,
  experience: /^(?:experience|expérience|experiencia|experiência|berufserfahrung|esperienza|ervaring|erfarenhet|doświadczenie)$/i,
  education: /^(?:education|formation|educación|formação acadêmica|formação|ausbildung|formazione|opleiding|utbildning|wykształcenie)$/i,
};

/** Anchors of cards that LinkedIn renders after Education, in page order. */
const LATER_ANCHORS = [
  'licenses_and_certifications', 'volunteering_experience', 'skills', 'recommendations',
  'publications', 'patents', 'courses', 'projects', 'honors_and_awards', 'test_scores',
  'languages', 'organizations', 'causes', 'interests',
];

const SECTION_ORDER: SectionName[] = ['about', 'experience', 'education'];

interface Context {
  doc: Document;
  url: string;
  base: string;
  main: Element;
  /** Where cards are looked for when `main` lacks them: the body without its side rails. */
  body: Element;
  slug: string | undefined;
}

/**
 * The name in the top cards of 2018-2020, which is not always an <h1>
 * (pv-top-card-section, pv-top-card-v3, pv-top-card).
 */
const OLD_NAME = '.pv-top-card-section__name, .pv-top-card--list > li:first-child, .pv-top-card-v3--list > li:first-child';

/** The profile the page shows, or null when it shows none (or shows another one). */
export function extractLinkedIn(doc: Document, url: string): CaptureInput | null {
  const page = linkedInPage(url);
  if (page.kind === 'sales-lead') return extractSalesLead(doc, url);
  // Sub-pages (/details/experience/…) show one section under its own heading, not the person.
  if (page.kind !== 'profile') return null;
  const ref = profileRef(url);
  if (!ref) return null;
  const main = doc.querySelector('main') ?? doc.body;
  if (!main || !doc.body) return null;
  const ctx: Context = { doc, url, base: baseUrl(doc, url), main, body: doc.body, slug: ref.slug };

  // The page's <main> can be cut short (or hold only part of the profile): the body is next.
  const h1 = topHeading(main) ?? topHeading(doc.body);
  const jsonLd = personFromJsonLd(doc, ref.slug);
  const nameText = h1 ? readText(h1) : (str(prop(jsonLd, 'name')) ?? '');
  // A sign-in wall or an error page at a profile address has a sentence where the name goes.
  if (!looksLikeName(nameText)) return null;
  const name = parseName(nameText);
  if (!name.fullName) return null;

  const topCard = h1 ? (h1.closest('section') ?? h1.parentElement?.parentElement ?? main) : main;
  // After in-page navigation LinkedIn can briefly show the previous profile
  // under the new address: links in the top card name the profile it shows.
  if (topCard !== main && showsOtherProfile(topCard, ref.slug)) return null;

  const capture: CaptureInput = {
    source: 'linkedin',
    fullName: name.fullName,
    credentials: name.credentials,
    profileUrl: ref.canonicalUrl,
  };
  if (name.firstName) capture.firstName = name.firstName;
  if (name.lastName) capture.lastName = name.lastName;
  if (name.honorific) capture.honorific = name.honorific;

  const pronouns = h1 ? findPronouns(topCard, h1) : undefined;
  if (pronouns ?? name.pronouns) capture.pronouns = pronouns ?? name.pronouns;

  const headline = findHeadline(topCard, h1, nameText) ?? str(prop(jsonLd, 'headline'));
  if (headline) capture.headline = headline;

  const location = findLocation(topCard, nameText) ?? jsonLdLocation(jsonLd);
  if (location) capture.location = location;

  const photo = findPhoto(ctx, topCard, nameText) ?? jsonLdPhoto(jsonLd, ctx.base) ?? ogPhoto(ctx);
  if (photo) capture.photoUrl = photo;

  const notLoaded: SectionName[] = [];
  const sections = findSections(ctx);
  const isPublic = jsonLd !== undefined || doc.querySelector('.top-card-layout') !== null;

  const about = sections.about ? readAbout(sections.about) : undefined;
  if (about) capture.about = about;
  else if (jsonLd && str(prop(jsonLd, 'description'))) capture.about = cleanMultiline(str(prop(jsonLd, 'description')));

  const experience = sections.experience ? readExperience(sections.experience) : [];
  if (experience.length) capture.experience = experience;
  const education = sections.education ? readEducation(sections.education) : [];
  if (education.length) capture.education = education;
  else if (jsonLd) {
    const fromLd = jsonLdEducation(jsonLd);
    if (fromLd.length) capture.education = fromLd;
  }

  if (!isPublic) {
    const found: Record<SectionName, boolean> = {
      about: about !== undefined,
      experience: experience.length > 0,
      education: education.length > 0,
    };
    const laterLoaded = LATER_ANCHORS.some((id) => ctx.doc.getElementById(id) !== null);
    SECTION_ORDER.forEach((section, i) => {
      if (found[section]) return;
      const el = sections[section];
      // A card that is there but still a skeleton has not loaded.
      if (el && isPlaceholderCard(el)) {
        notLoaded.push(section);
        return;
      }
      if (el) return; // Present and empty: LinkedIn shows no such card content.
      // Cards load top to bottom: a missing card with a loaded card below it does not exist.
      const laterFound = SECTION_ORDER.slice(i + 1).some((s) => sections[s] !== undefined) || laterLoaded;
      if (!laterFound) notLoaded.push(section);
    });
  }
  if (notLoaded.length) capture.notLoaded = notLoaded;

  // Current title and organization: the first experience entry, else the top card.
  const current = experience[0];
  const rightPanel = currentCompany(topCard, education);
  const fromHeadline = headline ? splitRoleAt(headline.split(/\s[|·•]\s/)[0] ?? '') : {};
  const ldJob = jsonLd ? str(asArray(prop(jsonLd, 'jobTitle'))[0]) : undefined;
  const ldOrg = jsonLd ? str(prop(asArray(prop(jsonLd, 'worksFor'))[0], 'name')) : undefined;
  // A headline is never the job title as a whole ("SAFe certified Scrum Master"): only its
  // "Title at Organization" form names a position, and only when no experience entry does.
  const title = current?.title ?? ldJob ?? fromHeadline.title;
  const organization = current?.organization ?? rightPanel ?? ldOrg ?? fromHeadline.organization;
  if (title) capture.title = title;
  if (organization) capture.organization = organization;

  if (!capture.credentials?.length && jsonLd) {
    const suffix = str(prop(jsonLd, 'honorificSuffix'));
    if (suffix) capture.credentials = parseName(`X Y, ${suffix}`).credentials;
  }
  return capture;
}

/** The profile's name heading: the first visible <h1> of the column (an older top card's name item). */
function topHeading(scope: Element): Element | null {
  for (const h of scope.querySelectorAll('h1')) {
    if (!isScreenReaderOnly(h) && readText(h) && !h.closest(RAILS)) return h;
  }
  for (const el of scope.querySelectorAll(OLD_NAME)) {
    if (!isScreenReaderOnly(el) && readText(el) && !el.closest(RAILS)) return el;
  }
  return null;
}

/** Page furniture around the profile: the site header, side rails, footers and dialogs. */
const RAILS = 'header[role="banner"], body > header, nav, aside, footer, [role="dialog"], [role="complementary"]';

function showsOtherProfile(topCard: Element, slug: string): boolean {
  // Member-id addresses (/in/ACoAA…) do not carry the vanity name, so they cannot be compared.
  if (/^aco/i.test(slug)) return false;
  for (const a of topCard.querySelectorAll('a[href*="/in/"]')) {
    const m = /\/in\/([^/?#]+)\/(?:overlay|detail|recent-activity)/.exec(a.getAttribute('href') ?? '');
    if (!m?.[1]) continue;
    let other = m[1];
    try {
      other = decodeURIComponent(other);
    } catch {
      /* keep as written */
    }
    if (other.normalize('NFC').toLowerCase() !== slug && !/^aco/i.test(other)) return true;
  }
  return false;
}

/** Pronouns: LinkedIn's own pronoun element, else a short "She/Her" of known pronoun words next to the name. */
function findPronouns(topCard: Element, h1: Element): string | undefined {
  const own = topCard.querySelector('[class*="pronoun"], [data-field="pronouns"]');
  const ownText = own ? readText(own).replace(/^\((.*)\)$/, '$1').trim() : '';
  if (ownText && ownText.length <= 40) return ownText;
  // Look in the few levels around the heading, not the whole card.
  let scope: Element | null = h1.parentElement;
  for (let depth = 0; scope && depth < 3; depth++, scope = scope.parentElement) {
    for (const el of scope.querySelectorAll('span, p, div')) {
      if (el.contains(h1) || h1.contains(el) || el.children.length > 2) continue;
      const t = readText(el);
      if (t && looksLikePronouns(t)) return t.replace(/^\((.*)\)$/, '$1').trim();
    }
    if (scope === topCard) break;
  }
  return undefined;
}

/** Lines of the top card that are not headline candidates. */
const CONNECTION_DEGREE = /^(?:·\s*)?(?:1st|2nd|3rd\+?|1er|2e|3e\+?|[123][º°]|\d\.?)$/i;

function findHeadline(topCard: Element, h1: Element | null, nameText: string): string | undefined {
  const byClass = topCard.querySelector(
    '.text-body-medium, .top-card-layout__headline, [data-generated-suggestion-target], .pv-top-card-section__headline, .pv-top-card h2.mt1, .pv-top-card-v3 h2.mt1',
  );
  if (byClass) {
    const t = readText(byClass);
    if (t) return t;
  }
  if (!h1) return undefined;
  // Structure: the first line after the name that is not pronouns or a badge.
  const lines = textLines(topCard, { skipButtons: true });
  const nameLine = clean(nameText);
  const at = lines.indexOf(nameLine);
  for (const line of lines.slice(at + 1)) {
    if (line === nameLine || looksLikePronouns(line) || CONNECTION_DEGREE.test(line) || line.length < 3) continue;
    return line;
  }
  return undefined;
}

/** The location is the text next to the "Contact info" link (found by its address, in any language). */
function findLocation(topCard: Element, nameText: string): string | undefined {
  const contact = topCard.querySelector('a[href*="/overlay/contact-info"]');
  if (contact) {
    let scope: Element | null = contact.parentElement;
    for (let depth = 0; scope && depth < 3 && scope !== topCard; depth++, scope = scope.parentElement) {
      const line = readText(scope, { skip: new Set([contact]) }).replace(/^[\s·•|]+|[\s·•|]+$/g, '');
      if (!line) continue;
      if (line.length <= 150 && !line.includes(clean(nameText))) return line;
      break;
    }
  }
  const byClass =
    topCard.querySelector(
      '.text-body-small.inline.t-black--light, .pv-top-card-section__location, .pv-top-card--list-bullet > li:first-child, .pv-top-card-v3--list-bullet > li:first-child',
    ) ??
    topCard.querySelector('.top-card-layout__first-subline .not-first-middot > span, .top-card__subline-item, .top-card-layout__first-subline span');
  return opt(byClass ? readText(byClass) : undefined);
}

/** The portrait: an image labelled with the person's name, or LinkedIn's profile-picture classes. */
function findPhoto(ctx: Context, topCard: Element, nameText: string): string | undefined {
  const name = clean(nameText);
  const candidates: Element[] = [];
  for (const img of topCard.querySelectorAll('img')) {
    const cls = img.getAttribute('class') ?? '';
    const label = clean(img.getAttribute('alt')) || clean(img.getAttribute('title'));
    if (/profile-picture|profile-image|profile-photo|top-card__profile-image|entity-image/.test(cls) || (name && label === name)) {
      candidates.push(img);
    }
  }
  // Hashed class names: the portrait is the image of LinkedIn's profile-photo kind, or labelled with the name.
  for (const img of topCard.querySelectorAll('img')) {
    const src = img.getAttribute('src') ?? img.getAttribute('data-delayed-url') ?? '';
    const label = clean(img.getAttribute('alt'));
    if (PROFILE_PHOTO.test(src) || (name && label.startsWith(name) && label.length > name.length)) candidates.push(img);
  }
  for (const img of candidates) {
    const link = imageUrl(img, ctx.base);
    if (link) return link;
  }
  return backgroundPhoto(topCard, ctx.base);
}

/** The addresses LinkedIn serves members' portraits at (not their banners, not company logos). */
const PROFILE_PHOTO = /\/profile-(?:displayphoto|framedphoto)|\/profile-displayphoto-shrink|\/shrinknp_|\/mpr\/mpr\//;

/** The older top cards draw the portrait as a CSS background-image of a photo element. */
function backgroundPhoto(topCard: Element, base: string): string | undefined {
  for (const el of topCard.querySelectorAll('[style*="background-image"]')) {
    const cls = el.getAttribute('class') ?? '';
    const m = /background-image\s*:\s*url\(\s*(['"]?)(.*?)\1\s*\)/i.exec(el.getAttribute('style') ?? '');
    const link = httpLink(m?.[2], base);
    if (!link || isPlaceholderPhoto(link)) continue;
    if (/photo|profile-picture|EntityPhoto/i.test(cls) || PROFILE_PHOTO.test(link)) return link;
  }
  return undefined;
}

function ogPhoto(ctx: Context): string | undefined {
  // The head may still describe the previous profile after in-page navigation.
  const ogUrl = ctx.doc.querySelector('meta[property="og:url"]')?.getAttribute('content');
  const canonical = ctx.doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const pageUrl = ogUrl ?? canonical;
  if (!pageUrl || profileRef(pageUrl)?.slug !== ctx.slug) return undefined;
  const content = ctx.doc.querySelector('meta[property="og:image"]')?.getAttribute('content');
  const link = httpLink(content, ctx.base);
  return link && !/static\.licdn\.com|ghost/.test(link) ? link : undefined;
}

/** The current company from the top card's right panel (a link or button per item). */
function currentCompany(topCard: Element, education: Education[]): string | undefined {
  const schools = new Set(education.map((e) => e.school));
  const items = topCard.querySelectorAll(
    '.pv-text-details__right-panel-item, [data-section="currentPositionsDetails"], .pv-top-card-section__company, [data-control-name="position_see_more"], button[aria-label], a[aria-label]',
  );
  for (const item of items) {
    const label = item.getAttribute('aria-label') ?? '';
    // English and French labels say what the item is; other languages fall back to order.
    if (/^(?:education|formation|educación|ausbildung)\b/i.test(label)) continue;
    if (item.matches('[data-section="educationsDetails"]')) continue;
    const isCompany =
      /^(?:current company|entreprise actuelle|empresa actual|aktuelles unternehmen)\b/i.test(label) ||
      item.matches('.pv-text-details__right-panel-item, [data-section="currentPositionsDetails"], .pv-top-card-section__company, [data-control-name="position_see_more"]');
    if (!isCompany) continue;
    const text = readText(item);
    if (text && !schools.has(text) && text.length <= 200) return text;
  }
  return undefined;
}

/** The three cards, found by anchor, then by data-section, then by heading text. */
function findSections(ctx: Context): Partial<Record<SectionName, Element>> {
  const out: Partial<Record<SectionName, Element>> = {};
  for (const name of SECTION_ORDER) {
    let anchor: Element | null = null;
    // Cards outside <main> (or after a <main> cut short) are still the profile's; side rails are not.
    for (const scope of [ctx.main, ctx.body]) {
      for (const selector of SECTION_SELECTORS[name]) {
        anchor = [...scope.querySelectorAll(selector)].find((el) => !el.closest(RAILS)) ?? null;
        if (anchor) break;
      }
      if (anchor) break;
    }
    if (anchor) {
      out[name] = anchor.tagName === 'SECTION' ? anchor : (anchor.closest('section') ?? anchor.parentElement ?? anchor);
    }
  }
  if (SECTION_ORDER.every((n) => out[n])) return out;
  for (const section of ctx.body.querySelectorAll('section')) {
    if (section.closest(RAILS)) continue;
    const heading = section.querySelector('h2');
    if (!heading) continue;
    const text = readText(heading);
    for (const name of SECTION_ORDER) {
      if (!out[name] && SECTION_HEADINGS[name].test(text)) out[name] = section;
    }
  }
  return out;
}

/** A card LinkedIn has put on the page but not filled yet. */
function isPlaceholderCard(section: Element): boolean {
  return (
    section.getAttribute('aria-busy') === 'true' ||
    section.querySelector('[aria-busy="true"], .artdeco-loader, [class*="skeleton"], [class*="ghost-loader"], [class*="placeholder"]') !== null
  );
}

/** The card's heading element, left out when reading the card's body. */
function sectionHeader(section: Element): Element | null {
  return section.querySelector('.pvs-header__container, h2');
}

function readAbout(section: Element): string | undefined {
  const header = sectionHeader(section);
  const skip = new Set<Element>(header ? [header] : []);
  const lines = textLines(section, { skip, skipButtons: true }).filter((l) => !/^…?\s*(?:see more|voir plus|ver más|mehr anzeigen)$/i.test(l));
  const text = cleanMultiline(lines.join('\n'));
  return text || undefined;
}

/** The entries of a card's list: the direct <li> children of its first list. */
function entries(section: Element): Element[] {
  const list = section.querySelector('ul, ol');
  if (!list) return [];
  return [...list.children].filter((c) => c.tagName === 'LI');
}

/** The first lines of an entry (title, organization, dates, place), leaving out nested lists and buttons. */
function entryLines(entry: Element, nested: Element | null): string[] {
  const skip = new Set<Element>(nested ? [nested] : []);
  return textLines(entry, { skip, skipButtons: true, maxLines: 6 });
}

/** The schema keeps at most this many entries; reading more would only cost time on huge pages. */
const MAX_EXPERIENCE = 100;
const MAX_EDUCATION = 50;

/** Drops the employment type after the middle dot: "UCSF Health · Full-time". */
function organizationOf(line: string): string | undefined {
  return opt(line.split(/\s[·•]\s/)[0]);
}

function readExperience(section: Element): Experience[] {
  const out: Experience[] = [];
  for (const entry of entries(section)) {
    if (out.length >= MAX_EXPERIENCE) break;
    const nested = entry.querySelector('ul');
    const nestedItems = nested ? [...nested.querySelectorAll('li')].filter((li) => li.parentElement === nested) : [];
    const lines = entryLines(entry, nested);
    // A single position also nests a list (its description, "Skills: …"): only
    // a header without dates over items with dates is a company's grouped roles.
    const grouped =
      nested !== null &&
      !lines.some(isDateLine) &&
      nestedItems.some((item) => entryLines(item, item.querySelector('ul')).slice(1, 4).some(isDateLine));
    if (nested && grouped) {
      // One company, several positions: the entry names the company, each item a position.
      const organization = organizationOf(lines[0] ?? '');
      for (const item of nestedItems) {
        const sub = entryLines(item, item.querySelector('ul'));
        const position = positionFrom(sub);
        if (!position.title) continue;
        out.push({ ...position, ...(organization ? { organization } : {}) });
      }
      continue;
    }
    const position = positionFrom(lines);
    if (position.title || position.organization) {
      const orgLine = lines[1];
      const organization = pvSecondaryTitle(entry) ?? (orgLine !== undefined && !isDateLine(orgLine) ? organizationOf(orgLine) : undefined);
      out.push({ ...position, ...(organization ? { organization } : {}) });
    }
  }
  return out.slice(0, MAX_EXPERIENCE);
}

/**
 * The 2019-2020 entries write the employment type inside the company's line
 * ("Wexner Medical Center<span class="separator">Full-time</span>"), set
 * apart only by CSS: the company is the line's own text.
 */
function pvSecondaryTitle(entry: Element): string | undefined {
  const el = entry.querySelector('p.pv-entity__secondary-title');
  if (!el?.querySelector('.separator')) return undefined;
  let own = '';
  for (const node of el.childNodes) if (node.nodeType === 3) own += node.textContent ?? '';
  return opt(own);
}

/** Title and dates from an entry's lines: the title first, the dates on the first line with a year. */
function positionFrom(lines: string[]): Experience {
  const out: Experience = {};
  const title = lines[0];
  if (title) out.title = title;
  const dateLine = lines.slice(1, 4).find(isDateLine);
  if (dateLine) Object.assign(out, dateRange(dateLine));
  return out;
}

function readEducation(section: Element): Education[] {
  const out: Education[] = [];
  for (const entry of entries(section)) {
    if (out.length >= MAX_EDUCATION) break;
    const lines = entryLines(entry, entry.querySelector('ul'));
    const school = lines[0];
    if (!school) continue;
    const item: Education = { school };
    const degree = lines[1];
    if (degree && !isDateLine(degree)) item.degree = degreeParts(entry, degree) ?? degree;
    const dates = lines.slice(1, 4).find(isDateLine);
    if (dates) Object.assign(item, yearRange(dates));
    out.push(item);
  }
  return out;
}

/**
 * The public page writes the degree and the field as sibling spans in the
 * subtitle, which read as one run of text ("Doctor of Medicine - MDGeneral
 * Medicine"): they are two facts, joined as a person would write them.
 */
function degreeParts(entry: Element, line: string): string | undefined {
  for (const subtitle of entry.querySelectorAll('h4')) {
    if (readText(subtitle) !== line) continue;
    const parts = [...subtitle.children].map((c) => readText(c)).filter(Boolean);
    if (parts.length < 2 || parts.join('').replace(/\s+/g, '') !== line.replace(/\s+/g, '')) return undefined;
    return parts.join(', ');
  }
  return undefined;
}

// ---------------------------------------------------------------- JSON-LD

/**
 * The Person in the page's JSON-LD, only if it is the profile in the address:
 * after in-page navigation the head can still hold the previous profile's.
 */
function personFromJsonLd(doc: Document, slug: string): Record<string, unknown> | undefined {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const data = parseJson(script.textContent);
    const nodes = [...asArray(data), ...asArray(prop(data, '@graph'))];
    for (const node of nodes) {
      for (const item of [node, ...asArray(prop(node, '@graph'))]) {
        if (!asArray(prop(item, '@type')).includes('Person')) continue;
        const links = [...asArray(prop(item, 'url')), ...asArray(prop(item, 'sameAs'))].map(str).filter((l): l is string => !!l);
        if (links.some((l) => profileRef(l)?.slug === slug)) return item as Record<string, unknown>;
      }
    }
  }
  return undefined;
}

function jsonLdLocation(person: unknown): string | undefined {
  const address = asArray(prop(person, 'address'))[0];
  if (typeof address === 'string') return opt(address);
  return str(prop(address, 'addressLocality'));
}

function jsonLdPhoto(person: unknown, base: string): string | undefined {
  const image = asArray(prop(person, 'image'))[0];
  const link = httpLink(typeof image === 'string' ? image : (str(prop(image, 'contentUrl')) ?? str(prop(image, 'url'))), base);
  return link && !/static\.licdn\.com|ghost/.test(link) ? link : undefined;
}

function jsonLdEducation(person: unknown): Education[] {
  const out: Education[] = [];
  for (const school of asArray(prop(person, 'alumniOf'))) {
    const name = str(prop(school, 'name'));
    if (!name) continue;
    const item: Education = { school: name };
    const member = prop(school, 'member');
    const start = Number(prop(member, 'startDate'));
    const end = Number(prop(member, 'endDate'));
    if (Number.isInteger(start) && start > 1900) item.startYear = start;
    if (Number.isInteger(end) && end > 1900) item.endYear = end;
    out.push(item);
  }
  return out;
}

// ---------------------------------------------------------------- Sales Navigator

/**
 * A Sales Navigator lead page. Its address carries no public profile name, so
 * the person is only captured when the page links to their /in/ profile.
 */
function extractSalesLead(doc: Document, url: string): CaptureInput | null {
  const main = doc.querySelector('main') ?? doc.body;
  if (!main) return null;
  let profileUrl: string | undefined;
  for (const a of main.querySelectorAll('a[href*="linkedin.com/in/"], a[href^="/in/"]')) {
    const ref = profileRef(httpLink(a.getAttribute('href'), url) ?? '');
    if (ref) {
      profileUrl = ref.canonicalUrl;
      break;
    }
  }
  const h1 = main.querySelector('[data-anonymize="person-name"]') ?? topHeading(main);
  const name = parseName(h1 ? readText(h1) : '');
  if (!profileUrl || !name.fullName) return null;
  const capture: CaptureInput = { source: 'linkedin', fullName: name.fullName, credentials: name.credentials, profileUrl };
  if (name.firstName) capture.firstName = name.firstName;
  if (name.lastName) capture.lastName = name.lastName;
  const field = (key: string): string | undefined => opt(rawText(main.querySelector(`[data-anonymize="${key}"]`)));
  const headline = field('headline');
  if (headline) capture.headline = headline;
  const title = field('job-title');
  if (title) capture.title = title;
  const organization = field('company-name');
  if (organization) capture.organization = organization;
  const location = field('location');
  if (location) capture.location = location;
  const photo = imageUrl(main.querySelector('[data-anonymize="headshot-photo"]'), url);
  if (photo) capture.photoUrl = photo;
  return capture;
}

/**
 * People listed on a LinkedIn people-search page: one result per list item,
 * found by its link to an /in/ profile. The name is the link's visible text;
 * the next lines are the headline and the location.
 */
export function findLinkedInPeople(doc: Document, url: string): CaptureInput[] {
  if (linkedInPage(url).kind !== 'search-people') return [];
  const main = doc.querySelector('main') ?? doc.body;
  if (!main) return [];
  const out: CaptureInput[] = [];
  const seen = new Set<string>();
  for (const item of main.querySelectorAll('li')) {
    if (out.length >= MAX_PEOPLE) break;
    // Only innermost result items: an outer list item holding results is a wrapper.
    if (item.querySelector('li')) continue;
    let nameLink: Element | undefined;
    let ref: ReturnType<typeof profileRef> = null;
    for (const a of item.querySelectorAll('a[href*="/in/"]')) {
      const candidate = profileRef(httpLink(a.getAttribute('href'), url) ?? '');
      if (candidate && readText(a)) {
        nameLink = a;
        ref = candidate;
        break;
      }
    }
    if (!nameLink || !ref || seen.has(ref.identity)) continue;
    const name = parseName(readText(nameLink));
    if (!name.fullName || name.fullName.length > 100) continue;
    seen.add(ref.identity);
    const capture: CaptureInput = { source: 'linkedin', fullName: name.fullName, credentials: name.credentials, profileUrl: ref.canonicalUrl };
    if (name.firstName) capture.firstName = name.firstName;
    if (name.lastName) capture.lastName = name.lastName;
    const rest = textLines(item, { skip: new Set([nameLink]), skipButtons: true, maxLines: 8 }).filter(
      (l) => !CONNECTION_DEGREE.test(l.replace(/^[•·]\s*/, '')) && !/^(?:[•·]\s*)?(?:1st|2nd|3rd\+?)\b/i.test(l),
    );
    const [headline, location] = rest;
    if (headline) {
      capture.headline = headline;
      const role = splitRoleAt(headline.split(/\s[|·•]\s/)[0] ?? '');
      if (role.title) capture.title = role.title;
      if (role.organization) capture.organization = role.organization;
    }
    if (location && location.length <= 120) capture.location = location;
    const photo = imageUrl(item.querySelector('img'), url);
    if (photo) capture.photoUrl = photo;
    out.push(capture);
  }
  return out;
}
