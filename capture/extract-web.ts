/**
 * The generic extractor for any page that is not LinkedIn or Doximity:
 * schema.org (JSON-LD, microdata), then microformats, then heuristics. Same
 * API as ./extract; no zod at run time. The script injected into an arbitrary
 * page can bundle this alone (smaller than ./extract).
 */
import type { CaptureInput } from '../model/schemas';
import type { PageProblem } from './page-problem';
import { signInForm, statedProblem } from './site-problem';
import { bioPerson, cardPeople, educationList, partialBio, roleUnderHeading } from './heuristics';
import { hCards } from './microformats';
import { schemaOrgPeople } from './schema-org';

/** An http(s) address: the only pages the web reader reads, and the only links a draft keeps. */
export function isHttp(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** The one person the page is about, or null (no person, or a page listing several). */
export function extractRaw(doc: Document, url: string): CaptureInput | null {
  return isHttp(url) && !statedProblem(doc) ? webPerson(doc, url) : null;
}

/** Everyone a listing page shows (in page order), else the page's one person, else none. */
export function findPeopleRaw(doc: Document, url: string): CaptureInput[] {
  // A 404 or sign-in page's widgets name other people, never the one at this address.
  if (!isHttp(url) || statedProblem(doc)) return [];
  const listed = webListing(doc, url);
  if (listed.length > 1) return listed;
  const one = webPerson(doc, url);
  return one ? [one] : [];
}

/** The fields a page about no one still shows, for the add-by-hand form (./draft). */
type Found = ReturnType<typeof partialBio>;

/**
 * What the injected script answers: the page's person, else everyone it
 * lists, else why there is no one or what it found of someone.
 */
export function readRaw(doc: Document, url: string): CaptureInput | { people: CaptureInput[]; problem?: PageProblem; partial?: Found } {
  const person = extractRaw(doc, url);
  if (person) return person;
  const people = findPeopleRaw(doc, url);
  if (people.length || !isHttp(url)) return { people };
  const problem = statedProblem(doc) ?? (signInForm(doc) ? 'sign-in' : undefined);
  if (problem) return { people, problem };
  const partial = partialBio(doc);
  return partial ? { people, partial } : { people };
}

/**
 * Structured data first (schema.org, then microformats), heuristics last.
 * A source that finds several people makes the page a listing: no single person.
 */
function webPerson(doc: Document, url: string): CaptureInput | null {
  const schema = schemaOrgPeople(doc, url);
  if (schema.subject) return withPageRole(doc, withPageEducation(doc, schema.subject));
  if (schema.people.length > 1) return null;
  if (schema.people.length === 1) return withPageRole(doc, withPageEducation(doc, schema.people[0] ?? null));
  const cards = hCards(doc, url);
  if (cards.length > 1) return null;
  if (cards.length === 1) return withPageEducation(doc, cards[0] ?? null);
  // A name in the page heading with a profile's signs beats related-people cards lower down.
  const bio = bioPerson(doc, url);
  if (bio) return bio;
  return null;
}

/** Structured data often leaves out the job title that the page shows under the name. */
function withPageRole(doc: Document, capture: CaptureInput | null): CaptureInput | null {
  if (!capture || capture.title) return capture;
  const title = roleUnderHeading(doc, capture.fullName);
  return title ? { ...capture, title } : capture;
}

/** Structured data rarely carries education; a profile page often lists it under a heading. */
function withPageEducation(doc: Document, capture: CaptureInput | null): CaptureInput | null {
  if (!capture || capture.education?.length) return capture;
  const main = doc.querySelector('main') ?? doc.body;
  const education = main ? educationList(main) : [];
  return education.length ? { ...capture, education } : capture;
}

function webListing(doc: Document, url: string): CaptureInput[] {
  const schema = schemaOrgPeople(doc, url);
  if (schema.subject || schema.people.length === 1) return [];
  if (schema.people.length > 1) return schema.people;
  const cards = hCards(doc, url);
  if (cards.length > 1) return cards;
  if (cards.length === 1 || bioPerson(doc, url)) return [];
  return cardPeople(doc, url);
}
