/**
 * Doximity profiles: public /pub/ pages (schema.org Physician microdata) and
 * signed-in profile pages (no microdata). Sections are found by their
 * headings and itemprops rather than by class names where possible; Doximity
 * serves its pages in English only, so English headings are a fair anchor.
 */
import type { CaptureInput } from '../model/schemas';
import { parseName } from './names';
import {
  baseUrl,
  clean,
  cleanMultiline,
  fieldLines,
  httpLink,
  imageUrl,
  isDateLine,
  listItems,
  opt,
  readText,
  sectionByHeading,
  sectionLines,
  splitTitleOrganization,
  textLines,
  withoutFragment,
  yearRange,
  years,
} from './text';
import { profileRef } from '../model/profile-links';

type Education = NonNullable<CaptureInput['education']>[number];

/** The canonical profile link: from the address, else from a canonical link naming a profile. */
function profileUrlOf(doc: Document, url: string): string | undefined {
  const ref = profileRef(url);
  if (ref) return ref.canonicalUrl;
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const fromCanonical = canonical ? profileRef(httpLink(canonical, url) ?? '') : null;
  return fromCanonical?.canonicalUrl;
}

export function extractDoximity(doc: Document, url: string): CaptureInput | null {
  const main = doc.querySelector('main') ?? doc.body;
  if (!main) return null;
  const physician = main.matches('[itemtype*="schema.org/Physician"], [itemtype*="schema.org/Person"]')
    ? main
    : main.querySelector('[itemtype*="schema.org/Physician"], [itemtype*="schema.org/Person"]');
  const profileUrl = profileUrlOf(doc, url) ?? (physician ? withoutFragment(url) : undefined);
  // Only profile pages are about one person; news, search and colleague lists are not.
  if (!profileUrl) return null;
  const scope = physician ?? main;
  const base = baseUrl(doc, url);

  const heading = scope.querySelector('h1') ?? main.querySelector('h1') ?? scope.querySelector('[itemprop="name"]');
  const nameText = heading ? readText(heading) : '';
  const name = parseName(nameText);
  if (!name.fullName) return null;

  const capture: CaptureInput = { source: 'doximity', fullName: name.fullName, credentials: name.credentials, profileUrl };
  // Doximity marks up the parts of the name; they beat any guess.
  const first = opt(readText(heading?.querySelector('.user-name-first')));
  const last = opt(readText(heading?.querySelector('.user-name-last')));
  const firstName = first ?? name.firstName;
  const lastName = last ?? name.lastName;
  if (firstName) capture.firstName = firstName;
  if (lastName) capture.lastName = lastName;
  if (name.honorific) capture.honorific = name.honorific;
  const credentialText = opt(readText(heading?.querySelector('.user-name-credentials')));
  if (credentialText && !capture.credentials?.length) capture.credentials = parseName(`X Y, ${credentialText}`).credentials;

  const head = heading?.closest('section, header') ?? scope;

  // Specialty · Subspecialty
  const specialtyEl = scope.querySelector('[itemprop="medicalSpecialty"]');
  const subtitle = head.querySelector('.profile-head-subtitle, .profile-specialty, [data-field="specialty"]');
  // Without known markup, the short lines under the name say the same things in a fixed shape.
  const lines = heading ? headLines(heading) : {};
  const subtitleParts = (subtitle ? readText(subtitle) : (lines.specialty ?? '')).split(/\s[·•|]\s/).map(clean).filter(Boolean);
  const specialty = opt(specialtyEl ? readText(specialtyEl) : subtitleParts[0]);
  if (specialty) capture.specialty = specialty;
  const subspecialtyEl = head.querySelector('.profile-head-subspecialty, .profile-subspecialty, [data-field="subspecialty"]');
  const subspecialty = opt(subspecialtyEl ? readText(subspecialtyEl) : subtitleParts[1]);
  if (subspecialty && subspecialty !== specialty) capture.subspecialty = subspecialty;

  const locationEl = scope.querySelector('[itemprop="address"]') ?? head.querySelector('.profile-head-location, .profile-location, [data-field="location"]');
  const location = opt(locationEl ? readText(locationEl) : lines.location);
  if (location) capture.location = location;

  const affiliations = readAffiliations(scope);
  if (affiliations.length) capture.affiliations = affiliations;

  const titleEl = scope.querySelector('[itemprop="jobTitle"]') ?? head.querySelector('.profile-head-title, .profile-title, [data-field="title"]');
  const titleText = titleEl ? readText(titleEl) : lines.role;
  if (titleText) {
    const split = splitTitleOrganization(titleText, affiliations);
    if (split.title) capture.title = split.title;
    if (split.organization) capture.organization = split.organization;
  }
  const worksFor = scope.querySelector('[itemprop="worksFor"] [itemprop="name"], [itemprop="worksFor"]');
  if (!capture.organization && worksFor) capture.organization = opt(readText(worksFor));

  const about = readAbout(scope);
  if (about) capture.about = about;

  const education = readEducation(scope);
  if (education.length) capture.education = education;

  const photo = findPhoto(doc, scope, nameText, base, profileUrl);
  if (photo) capture.photoUrl = photo;
  return capture;
}

/** "Baltimore, MD", "St. Louis, MO 63110": Doximity lists US physicians. */
const US_PLACE = /^[\p{L}][\p{L} .'-]{1,40}, [A-Z]{2}(?: \d{5})?$/u;
/** A role line: "Associate Program Director at Johns Hopkins Bayview Medical Center". */
const ROLE_AT = /\s(?:at|@)\s/;

/**
 * The lines that follow the name in its block (not links or buttons, which
 * are actions): the first is the specialty, a "City, ST" line the location,
 * a "… at …" line the role.
 */
function headLines(heading: Element): { specialty?: string; role?: string; location?: string } {
  const out: { specialty?: string; role?: string; location?: string } = {};
  let seen = 0;
  for (let el = heading.nextElementSibling; el && seen < 6; el = el.nextElementSibling, seen++) {
    if (/^H[1-3]$/.test(el.tagName)) break;
    if (el.matches('a, button') || el.querySelector('a, button, img')) continue;
    const text = readText(el);
    if (!text || text.length > 200) continue;
    if (!out.location && US_PLACE.test(text)) out.location = text;
    else if (!out.role && ROLE_AT.test(text)) out.role = text;
    else if (!out.specialty && !out.role && !out.location && text.length <= 120) out.specialty = text;
  }
  return out;
}

function readAbout(scope: Element): string | undefined {
  const description = scope.querySelector('[itemprop="description"]');
  if (description) return cleanMultiline(textLines(description).join('\n')) || undefined;
  const section = sectionByHeading(scope, /^(?:summary|about|about me|bio|biography|professional summary)$/i);
  if (!section) return undefined;
  return cleanMultiline(sectionLines(section, { skipButtons: true }).join('\n')) || undefined;
}

function readAffiliations(scope: Element): string[] {
  const out: string[] = [];
  const items = scope.querySelectorAll('[itemprop="hospitalAffiliation"]');
  if (items.length) {
    for (const item of items) {
      const name = item.querySelector('[itemprop="name"]');
      const text = opt(name ? readText(name) : textLines(item)[0]);
      if (text && !out.includes(text)) out.push(text);
    }
    return out;
  }
  const section = sectionByHeading(scope, /^hospital affiliations?$|^affiliations?$|^hospitals?$/i);
  if (!section) return out;
  for (const li of listItems(section)) {
    // The hospital's name comes first, its city after ("University Health · San Antonio, TX").
    const first = li.querySelector('[class*="name"], a, strong') ?? li;
    const text = opt((textLines(first)[0] ?? '').split(/\s[·•]\s/)[0]);
    if (text && !out.includes(text)) out.push(text);
  }
  return out;
}

/** Headings of the cards that hold education and training (signed-in pages split them several ways). */
const TRAINING_HEADING = /^(?:education(?:\s*(?:&|and)\s*training)?|training|medical school|residency|residencies|internship|fellowship|fellowships|post-?graduate training)$/i;
/** Headings that name the kind of training their entries are ("Residency" over "Children's Hospital · Pediatrics"). */
const TRAINING_KIND = /^(?:medical school|residency|residencies|internship|fellowship|fellowships)$/i;

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * "Medical School" · "Residency, Pediatrics" · "Class of 2010" / "2010 - 2013",
 * from every education and training card in page order: one card, or
 * separate Education, Residency and Fellowship cards, or one card grouped
 * under sub-headings without list markup.
 */
function readEducation(scope: Element): Education[] {
  const out: Education[] = [];
  const read = new Set<Element>();
  for (const h of scope.querySelectorAll('h2, h3, h4')) {
    const text = readText(h);
    if (!TRAINING_HEADING.test(text)) continue;
    const section = sectionByHeading(scope, new RegExp(`^${escapeRegExp(text)}$`));
    if (!section || section.heading !== h) continue;
    const kind = TRAINING_KIND.test(text) ? singular(text) : undefined;
    let items = listItems(section);
    if (items.length === 0) {
      // Grouped under sub-headings: those are read as their own sections.
      if (section.parts.some((p) => [...p.querySelectorAll('h3, h4, h5')].some((sub) => TRAINING_HEADING.test(readText(sub))))) continue;
      items = section.parts.filter((p) => years(readText(p)).length > 0 || p.querySelector('[class*="institution"], [class*="school"]'));
    }
    for (const li of items) {
      if (read.has(li)) continue;
      read.add(li);
      const item = educationEntry(li, kind);
      if (item) out.push(item);
    }
  }
  return out;
}

function singular(kind: string): string {
  const k = clean(kind);
  return k.replace(/ies$/i, 'y').replace(/ships$/i, 'ship');
}

function educationEntry(li: Element, kind: string | undefined): Education | undefined {
  const nameEl = li.querySelector('.education-item-name, [class*="school"], [class*="institution"]');
  const typeEl = li.querySelector('.education-item-type, [class*="type"], [class*="degree"]');
  const yearsEl = li.querySelector('.education-item-years, [class*="years"], [class*="date"], time');
  const lines = fieldLines(li);
  if (!nameEl && lines.length === 1) {
    const one = oneLineEducation(lines[0] ?? '');
    if (one) return one;
  }
  const school = opt(nameEl ? readText(nameEl) : lines[0]);
  if (!school) return undefined;
  const item: Education = { school };
  const dateLine = yearsEl ? readText(yearsEl) : undefined;
  const detailEl = li.querySelector('.education-item-detail, [class*="detail"], [class*="program"], [class*="specialty"]');
  const detail = detailEl && detailEl !== nameEl && detailEl !== typeEl ? opt(readText(detailEl)) : undefined;
  const typed = opt(typeEl ? readText(typeEl) : lines.slice(1).find((l) => !isDateLine(l) && l !== dateLine && l !== detail));
  // A type and a program in separate blocks ("Residency" / "Obstetrics & Gynecology") make one degree.
  const program = typed && detail && !typed.toLowerCase().includes(detail.toLowerCase()) ? `${typed}, ${detail}` : (typed ?? detail);
  // Under a "Residency" heading the entry names its program: "Residency, Pediatrics".
  const degree = kind && program && !program.toLowerCase().includes(kind.toLowerCase()) && !/^medical school$/i.test(kind) ? `${kind}, ${program}` : (program ?? kind);
  if (degree) item.degree = degree;
  const dates = dateLine ?? lines.slice(1).find(isDateLine);
  if (dates) Object.assign(item, yearRange(dates));
  return item;
}

/** "Residency, Internal Medicine - Johns Hopkins Hospital, 2015 - 2018" or "Medical School - X, Class of 2009". */
function oneLineEducation(line: string): Education | undefined {
  const m = /^(.{3,120}?)\s+[-–—]\s+(.+)$/.exec(line);
  if (!m?.[1] || !m[2]) return undefined;
  const degree = clean(m[1]);
  let rest = clean(m[2]);
  // The years close the line: ", 2015 - 2018", ", Class of 2009", " (2009)".
  const tail = /(?:,\s*|\s+\(?)(?:class of\s+)?((?:19|20)\d{2}(?:\s*[-–—]\s*(?:(?:19|20)\d{2}|present))?)\)?$/i.exec(rest);
  const dates = tail?.[1];
  if (tail) rest = clean(rest.slice(0, tail.index));
  // The degree part holds no year; a year there means the line has another shape.
  if (!rest || /\d{4}/.test(degree) || /\d{4}/.test(rest)) return undefined;
  const item: Education = { school: rest, degree };
  if (dates) Object.assign(item, yearRange(dates));
  return item;
}

function findPhoto(doc: Document, scope: Element, nameText: string, base: string, profileUrl: string): string | undefined {
  const name = clean(nameText);
  const imgs = [
    ...scope.querySelectorAll('img[itemprop="image"], .profile-photo, .profile-head-photo img, [class*="avatar"] img, img[class*="avatar"]'),
  ];
  for (const img of scope.querySelectorAll('img')) {
    const alt = clean(img.getAttribute('alt'));
    if (alt && name && alt.includes(name)) imgs.push(img);
  }
  for (const img of imgs) {
    const link = imageUrl(img.tagName === 'IMG' ? img : img.querySelector('img'), base);
    if (link) return link;
  }
  // og:image only when the head describes this profile.
  const ogUrl = doc.querySelector('meta[property="og:url"]')?.getAttribute('content');
  if (ogUrl && profileRef(ogUrl)?.canonicalUrl === profileUrl) {
    const link = httpLink(doc.querySelector('meta[property="og:image"]')?.getAttribute('content'), base);
    if (link && !/default|placeholder|silhouette|avatar/i.test(link)) return link;
  }
  return undefined;
}
