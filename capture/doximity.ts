/**
 * Doximity profiles: public /pub/ pages (schema.org Physician microdata) and
 * signed-in profile pages (no microdata). Sections are found by their
 * headings and itemprops rather than by class names where possible; Doximity
 * serves its pages in English only, so English headings are a fair anchor.
 */
import type { CaptureInput } from '../storage/schemas';
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
} from './text';
import { profileRef } from './urls';

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
  const subtitleParts = subtitle ? readText(subtitle).split(/\s[·•|]\s/).map(clean).filter(Boolean) : [];
  const specialty = opt(specialtyEl ? readText(specialtyEl) : subtitleParts[0]);
  if (specialty) capture.specialty = specialty;
  const subspecialtyEl = head.querySelector('.profile-head-subspecialty, .profile-subspecialty, [data-field="subspecialty"]');
  const subspecialty = opt(subspecialtyEl ? readText(subspecialtyEl) : subtitleParts[1]);
  if (subspecialty && subspecialty !== specialty) capture.subspecialty = subspecialty;

  const locationEl = scope.querySelector('[itemprop="address"]') ?? head.querySelector('.profile-head-location, .profile-location, [data-field="location"]');
  const location = opt(locationEl ? readText(locationEl) : undefined);
  if (location) capture.location = location;

  const affiliations = readAffiliations(scope);
  if (affiliations.length) capture.affiliations = affiliations;

  const titleEl = scope.querySelector('[itemprop="jobTitle"]') ?? head.querySelector('.profile-head-title, .profile-title, [data-field="title"]');
  if (titleEl) {
    const split = splitTitleOrganization(readText(titleEl), affiliations);
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

/** "Medical School" · "Residency, Pediatrics" · "Class of 2010" / "2010 - 2013". */
function readEducation(scope: Element): Education[] {
  const section = sectionByHeading(scope, /^(?:education(?:\s*(?:&|and)\s*training)?|training|education and training)$/i);
  if (!section) return [];
  const out: Education[] = [];
  for (const li of listItems(section)) {
    const nameEl = li.querySelector('.education-item-name, [class*="school"], [class*="institution"]');
    const typeEl = li.querySelector('.education-item-type, [class*="type"], [class*="degree"]');
    const yearsEl = li.querySelector('.education-item-years, [class*="years"], [class*="date"], time');
    const lines = fieldLines(li);
    const school = opt(nameEl ? readText(nameEl) : lines[0]);
    if (!school) continue;
    const item: Education = { school };
    const degree = opt(typeEl ? readText(typeEl) : lines.slice(1).find((l) => !isDateLine(l)));
    if (degree) item.degree = degree;
    const dates = yearsEl ? readText(yearsEl) : lines.slice(1).find(isDateLine);
    if (dates) Object.assign(item, yearRange(dates));
    out.push(item);
  }
  return out;
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
