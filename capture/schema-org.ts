/**
 * schema.org Person and Physician, in JSON-LD and in microdata.
 *
 * A page's JSON-LD often names several people: the article's author, a
 * reviewer, the person the page is about. Only top-level Person nodes (and
 * the entries of an ItemList) count as people on the page; authors, editors
 * and other credits never do. When the page says which person it is about
 * (ProfilePage.mainEntity, an Article's `about`), that person is the subject.
 *
 * Page data is read through own-property and Map lookups only: keys such as
 * `__proto__` in page JSON stay inert values.
 */
import type { CaptureInput } from '../model/schemas';
import { captureFromStructuredName } from './structured-person';
import { MAX_PEOPLE, asArray, baseUrl, clean, cleanMultiline, httpLink, opt, parseJson, prop, readText, str, textLines } from './text';

/** A node of structured data: a JSON-LD object, or a microdata item as a Map. */
type Node = Record<string, unknown> | Map<string, unknown[]>;

const PERSON_TYPES = /^(?:https?:\/\/schema\.org\/)?(?:Person|Physician|Patient)$/i;
const PERSON_ITEMTYPE = /schema\.org\/(?:Person|Physician)\b/i;

/** Properties through which a person is credited rather than presented. */
const CREDIT_PROPS = new Set([
  'author', 'creator', 'editor', 'publisher', 'reviewedBy', 'contributor', 'accountablePerson',
  'copyrightHolder', 'sponsor', 'funder', 'translator', 'producer', 'provider', 'maintainer',
  'lastReviewer', 'character', 'byArtist', 'director', 'actor',
]);

function get(node: unknown, key: string): unknown[] {
  if (node instanceof Map) return (node.get(key) as unknown[] | undefined) ?? [];
  return asArray(prop(node, key));
}

function first(node: unknown, key: string): unknown {
  return get(node, key)[0];
}

function types(node: unknown): string[] {
  if (node instanceof Map) return get(node, '@type').map((t) => String(t));
  return asArray(prop(node, '@type')).filter((t): t is string => typeof t === 'string');
}

function isPerson(node: unknown): boolean {
  return types(node).some((t) => PERSON_TYPES.test(t));
}

/** A value as text: a string, or the `name` of an object. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number') return str(value);
  if (value instanceof Map || (typeof value === 'object' && value !== null)) {
    const name = first(value, 'name');
    return typeof name === 'string' ? opt(name) : undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------- JSON-LD

interface JsonLdPeople {
  subject: Node | undefined;
  people: Node[];
}

function readJsonLd(doc: Document): JsonLdPeople {
  const topLevel: unknown[] = [];
  // A tag lookup, not an attribute selector: a big page's every element need not be tested.
  for (const script of doc.getElementsByTagName('script')) {
    if (script.getAttribute('type')?.toLowerCase() !== 'application/ld+json') continue;
    const data = parseJson(script.textContent);
    for (const node of asArray(data)) {
      const graph = asArray(prop(node, '@graph'));
      if (graph.length) topLevel.push(...graph);
      else topLevel.push(node);
    }
  }
  const byId = new Map<string, unknown>();
  for (const node of topLevel) {
    const id = str(prop(node, '@id'));
    if (id && !byId.has(id)) byId.set(id, node);
  }
  const resolve = (value: unknown): unknown => {
    const id = str(prop(value, '@id'));
    if (id && Object.keys(value as object).length === 1) return byId.get(id) ?? value;
    return value;
  };

  const credited = new Set<unknown>();
  const subjects: unknown[] = [];
  const listed: unknown[] = [];
  for (const node of topLevel) {
    for (const key of CREDIT_PROPS) for (const v of asArray(prop(node, key))) credited.add(resolve(v));
    for (const key of ['mainEntity', 'about']) {
      for (const v of asArray(prop(node, key))) {
        const target = resolve(v);
        if (isPerson(target)) subjects.push(target);
      }
    }
    // A listing: ItemList → ListItem → item.
    if (types(node).includes('ItemList')) {
      for (const entry of asArray(prop(node, 'itemListElement'))) {
        const item = resolve(prop(entry, 'item') ?? entry);
        if (isPerson(item)) listed.push(item);
      }
    }
  }
  const people: unknown[] = [];
  for (const node of [...topLevel, ...listed]) {
    if (isPerson(node) && !credited.has(node) && !people.includes(node)) people.push(node);
  }
  const uniqueSubjects = [...new Set(subjects)].filter((s) => !credited.has(s));
  const subject = uniqueSubjects.length === 1 ? (uniqueSubjects[0] as Node) : undefined;
  return { subject, people: people as Node[] };
}

// ---------------------------------------------------------------- microdata

/** The value of one itemprop element, per the microdata rules. */
function itemValue(el: Element, base: string): unknown {
  if (el.hasAttribute('itemscope')) return readItem(el, base);
  switch (el.tagName) {
    case 'META':
      return el.getAttribute('content') ?? '';
    case 'IMG':
    case 'AUDIO':
    case 'VIDEO':
    case 'SOURCE':
    case 'EMBED':
    case 'IFRAME':
      return httpLink(el.getAttribute('src'), base) ?? '';
    case 'A':
    case 'LINK':
    case 'AREA': {
      const href = el.getAttribute('href') ?? '';
      // mailto:/tel: values are kept as text for email and telephone.
      if (/^(?:mailto|tel):/i.test(href.trim())) return clean(href.replace(/^\s*(?:mailto|tel):/i, '').split('?')[0]);
      return httpLink(href, base) ?? readText(el);
    }
    case 'TIME':
      return el.getAttribute('datetime') ?? readText(el);
    case 'DATA':
    case 'METER':
      return el.getAttribute('value') ?? readText(el);
    default:
      // Lines kept: a description's paragraphs stay paragraphs (names are folded later).
      return textLines(el).join('\n');
  }
}

/** A microdata item as a Map of property name → values (a Map, so page keys stay data). */
function readItem(root: Element, base: string): Map<string, unknown[]> {
  const item = new Map<string, unknown[]>();
  item.set('@type', (root.getAttribute('itemtype') ?? '').split(/\s+/).filter(Boolean).map((t) => t.replace(/^https?:\/\/schema\.org\//i, '')));
  // Walk the subtree; a nested item's own properties belong to it, not to us.
  const stack: Element[] = [...root.children].reverse();
  while (stack.length) {
    const el = stack.pop();
    if (!el) break;
    const names = (el.getAttribute('itemprop') ?? '').split(/\s+/).filter(Boolean);
    if (names.length) {
      const value = itemValue(el, base);
      for (const name of names) {
        const values = item.get(name) ?? [];
        values.push(value);
        item.set(name, values);
      }
    }
    if (el.hasAttribute('itemscope')) continue;
    for (let i = el.children.length - 1; i >= 0; i--) {
      const child = el.children[i];
      if (child) stack.push(child);
    }
  }
  return item;
}

function readMicrodata(doc: Document, base: string): { nodes: Node[]; subject: Node | undefined } {
  const nodes: Node[] = [];
  const elements: Element[] = [];
  for (const el of doc.querySelectorAll('[itemscope][itemtype]')) {
    if (!PERSON_ITEMTYPE.test(el.getAttribute('itemtype') ?? '')) continue;
    const props = (el.getAttribute('itemprop') ?? '').split(/\s+/).filter(Boolean);
    if (props.some((p) => CREDIT_PROPS.has(p))) continue;
    nodes.push(readItem(el, base));
    elements.push(el);
  }
  // A profile page with "related providers" marked up too: the item that holds
  // the page's heading is the person the page is about.
  let subject: Node | undefined;
  if (nodes.length > 1) {
    const h1 = (doc.querySelector('main, [role="main"]') ?? doc.body)?.querySelector('h1');
    const holders = h1 ? elements.filter((el) => el.contains(h1)) : [];
    const holder = holders.length === 1 ? holders[0] : undefined;
    // Only when the items are separate, not one nested in another.
    if (holder && !elements.some((el) => el !== holder && (el.contains(holder) || holder.contains(el)))) {
      subject = nodes[elements.indexOf(holder)];
    }
  }
  return { nodes, subject };
}

// ---------------------------------------------------------------- mapping

function addressText(value: unknown): string | undefined {
  if (typeof value === 'string') return opt(value);
  const locality = textOf(first(value, 'addressLocality'));
  const region = textOf(first(value, 'addressRegion'));
  const country = textOf(first(value, 'addressCountry'));
  // "Milwaukee, WI", or "Madrid, Spain" where no region is given.
  const parts = [locality, region ?? country].filter(Boolean);
  return parts.length ? parts.join(', ') : undefined;
}

function imageOf(value: unknown, base: string): string | undefined {
  if (typeof value === 'string') return httpLink(value, base);
  return httpLink(textOf(first(value, 'contentUrl')) ?? textOf(first(value, 'url')), base);
}

/** "https://schema.org/Pediatric" and {"name": "Pediatrics"} both read as a specialty name. */
function specialtyOf(value: unknown): string | undefined {
  const text = textOf(value);
  if (!text) return undefined;
  const m = /^https?:\/\/schema\.org\/(\w+)$/i.exec(text);
  return m?.[1] ? m[1].replace(/([a-z])([A-Z])/g, '$1 $2') : text;
}

/** One schema.org person as a capture (unvalidated), or null without a name. */
export function personToCapture(node: Node, pageUrl: string, base: string): CaptureInput | null {
  const capture = captureFromStructuredName(
    {
      name: textOf(first(node, 'name')),
      given: textOf(first(node, 'givenName')),
      family: textOf(first(node, 'familyName')),
      honorificPrefix: textOf(first(node, 'honorificPrefix')),
      suffixes: get(node, 'honorificSuffix').map(textOf).filter((text): text is string => Boolean(text)),
    },
    pageUrl,
  );
  if (!capture) return null;

  const title = textOf(first(node, 'jobTitle'));
  if (title) capture.title = title;
  const organization = textOf(first(node, 'worksFor')) ?? textOf(first(node, 'affiliation'));
  if (organization) capture.organization = organization;
  const location = addressText(first(node, 'address')) ?? addressText(first(node, 'homeLocation')) ?? addressText(first(node, 'workLocation'));
  if (location) capture.location = location;
  const about = first(node, 'description');
  if (typeof about === 'string' && cleanMultiline(about)) capture.about = cleanMultiline(about);

  const specialty = specialtyOf(first(node, 'medicalSpecialty'));
  if (specialty) capture.specialty = specialty;
  const affiliations = get(node, 'hospitalAffiliation').map(textOf).filter((a): a is string => !!a);
  if (affiliations.length) capture.affiliations = affiliations;
  // A physician with a single hospital and no employer given works there.
  if (!capture.organization && affiliations.length === 1) capture.organization = affiliations[0];

  const education: NonNullable<CaptureInput['education']> = [];
  for (const school of get(node, 'alumniOf')) {
    // An OrganizationRole wraps the school: {"@type":"OrganizationRole","alumniOf":{…}}.
    const inner = first(school, 'alumniOf') ?? school;
    const name = textOf(inner);
    if (name) education.push({ school: name });
  }
  if (education.length) capture.education = education;

  const email = textOf(first(node, 'email'));
  if (email) capture.email = email.replace(/^mailto:/i, '').trim();
  const phone = textOf(first(node, 'telephone'));
  if (phone) capture.phone = phone.replace(/^tel:/i, '').trim();
  for (const image of get(node, 'image')) {
    const link = imageOf(image, base);
    if (link) {
      capture.photoUrl = link;
      break;
    }
  }
  return capture;
}

/**
 * People the page's schema.org data presents. `subject` is set when the data
 * names the one person the page is about.
 */
export function schemaOrgPeople(doc: Document, url: string): { subject: CaptureInput | null; people: CaptureInput[] } {
  const base = baseUrl(doc, url);
  const jsonLd = readJsonLd(doc);
  const microdata = jsonLd.people.length || jsonLd.subject ? undefined : readMicrodata(doc, base);
  const subjectNode = jsonLd.subject ?? microdata?.subject;
  const subject = subjectNode ? personToCapture(subjectNode, url, base) : null;
  const nodes = jsonLd.people.length ? jsonLd.people : (microdata?.nodes ?? readMicrodata(doc, base).nodes);
  const people: CaptureInput[] = [];
  for (const node of nodes) {
    if (people.length >= MAX_PEOPLE) break;
    const capture = personToCapture(node, url, base);
    if (capture) people.push(capture);
  }
  return { subject, people };
}
