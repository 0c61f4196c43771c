/**
 * Microformats: h-card (microformats2) and the classic hCard (`vcard`).
 *
 * Only top-level cards are people on the page: a card nested in another is
 * its organization or an author credit. A card that names only an
 * organization (`fn org` on one element) is no person.
 */
import type { CaptureInput } from '../model/schemas';
import { captureFromStructuredName } from './structured-person';
import { MAX_PEOPLE, baseUrl, cleanMultiline, httpLink, imageUrl, opt, readText, textLines } from './text';

const ROOT = '.h-card, .vcard';

function hasClass(el: Element, ...names: string[]): boolean {
  return names.some((n) => el.classList.contains(n));
}

/** Property elements of `root`, leaving out those of nested cards. */
function props(root: Element, classes: string[]): Element[] {
  const selector = classes.map((c) => `.${c}`).join(', ');
  const out: Element[] = [];
  if (root.matches(selector)) out.push(root);
  for (const el of root.querySelectorAll(selector)) {
    const owner = el.parentElement?.closest(ROOT);
    // A nested card is itself a property value of ours (e.g. `p-org h-card`), but its insides are not.
    if (owner === root) out.push(el);
  }
  return out;
}

function propText(root: Element, classes: string[]): string | undefined {
  const el = props(root, classes)[0];
  if (!el) return undefined;
  // A nested card's value is its name.
  if (el !== root && el.matches(ROOT)) {
    const name = el.querySelector('.p-name, .fn, .organization-name');
    return opt(readText(name ?? el));
  }
  // The value-class pattern: only the `.value` parts count.
  const values = [...el.querySelectorAll('.value')].filter((v) => v.parentElement?.closest(ROOT) === root);
  if (values.length) return opt(values.map((v) => readText(v)).join(' '));
  if (el.tagName === 'ABBR' && el.getAttribute('title')) return opt(el.getAttribute('title'));
  return opt(readText(el));
}

function linkValue(el: Element | undefined, scheme: string): string | undefined {
  if (!el) return undefined;
  const href = el.getAttribute('href');
  if (href && href.toLowerCase().startsWith(`${scheme}:`)) return opt(decodeSafe(href.slice(scheme.length + 1).split('?')[0] ?? ''));
  // The value-class pattern: "<span class=type>Work</span>: <span class=value>+31 …</span>".
  const values = [...el.querySelectorAll('.value')];
  if (values.length) return opt(values.map((v) => readText(v)).join(' '));
  return opt(readText(el));
}

function decodeSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function location(root: Element): string | undefined {
  const adr = props(root, ['p-adr', 'adr', 'h-adr'])[0] ?? root;
  const scope = (classes: string[]): string | undefined => {
    const el = adr === root ? props(root, classes)[0] : adr.querySelector(classes.map((c) => `.${c}`).join(', '));
    return opt(el ? readText(el) : undefined);
  };
  const locality = scope(['p-locality', 'locality']);
  const region = scope(['p-region', 'region']);
  const country = scope(['p-country-name', 'country-name']);
  const parts = [locality, region ?? country].filter(Boolean);
  if (parts.length) return parts.join(', ');
  return adr !== root ? opt(readText(adr)) : undefined;
}

function cardToCapture(root: Element, pageUrl: string, base: string): CaptureInput | null {
  const nameEl = props(root, ['p-name', 'fn'])[0];
  // An organization's card: the name and the organization are the same element.
  if (nameEl && hasClass(nameEl, 'org', 'p-org')) return null;
  const suffix = propText(root, ['p-honorific-suffix', 'honorific-suffix']);
  const capture = captureFromStructuredName(
    {
      name: nameEl ? readText(nameEl) : undefined,
      given: propText(root, ['p-given-name', 'given-name']),
      family: propText(root, ['p-family-name', 'family-name']),
      honorificPrefix: propText(root, ['p-honorific-prefix', 'honorific-prefix']),
      suffixes: suffix ? [suffix] : [],
    },
    pageUrl,
  );
  if (!capture) return null;

  const title = propText(root, ['p-job-title', 'title']) ?? propText(root, ['p-role', 'role']);
  if (title) capture.title = title;
  const organization = propText(root, ['p-org', 'org', 'organization-name']);
  if (organization && organization !== capture.fullName) capture.organization = organization;
  const where = location(root);
  if (where) capture.location = where;
  const email = linkValue(props(root, ['u-email', 'email'])[0], 'mailto');
  if (email) capture.email = email;
  const phone = linkValue(props(root, ['p-tel', 'tel'])[0], 'tel');
  if (phone) capture.phone = phone;
  const note = props(root, ['p-note', 'note'])[0];
  if (note) {
    const about = cleanMultiline(textLines(note).join('\n'));
    if (about) capture.about = about;
  }
  for (const el of props(root, ['u-photo', 'photo'])) {
    const link = el.tagName === 'IMG' ? imageUrl(el, base) : httpLink(el.getAttribute('href') ?? el.getAttribute('data'), base);
    if (link) {
      capture.photoUrl = link;
      break;
    }
  }
  return capture;
}

/** The people marked up as top-level h-cards / vcards, in page order. */
export function hCards(doc: Document, url: string): CaptureInput[] {
  const out: CaptureInput[] = [];
  // Most pages have no card: two class lookups say so faster than the selector's walk of every element.
  if (!doc.getElementsByClassName('h-card')[0] && !doc.getElementsByClassName('vcard')[0]) return out;
  const base = baseUrl(doc, url);
  for (const root of doc.querySelectorAll(ROOT)) {
    if (out.length >= MAX_PEOPLE) break;
    if (root.parentElement?.closest(ROOT)) continue;
    // Author credits of a post are not people the page presents.
    if (hasClass(root, 'p-author', 'author', 'u-author') || root.closest('.p-author, .author')) continue;
    const capture = cardToCapture(root, url, base);
    if (capture) out.push(capture);
  }
  return out;
}
