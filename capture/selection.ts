/**
 * Turns text the user selected on a page ("Save selection as contact") into
 * a prefilled contact for them to confirm: a name, a title, an organization
 * and an email, each only when the text plainly shows one. Nothing here is
 * saved; the side panel's add form shows it for the user to correct.
 */
import { isPlausibleName, parseName } from './names';
import { ORG_WORDS, clean, splitRoleAt } from './text';

export interface SelectionContact {
  fullName?: string;
  title?: string;
  organization?: string;
  email?: string;
}

const EMAIL = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/;
/** Separators that put a name, a role and a place on one line. */
const SEPARATORS = /\s+[|·•–—-]\s+|\s*[|·•]\s*|\n/;
const MAX_SELECTION = 2_000;

function nameOf(part: string): string | undefined {
  // "Chidi Okonkwo, MD": the credentials go, the name stays.
  if (!isPlausibleName(part)) return undefined;
  const parsed = parseName(part);
  return parsed.fullName || undefined;
}

/** A name at the start of a comma-separated line, with any credentials that follow it, and the rest. */
function leadingName(part: string): { name: string; rest: string } | undefined {
  const segments = part.split(/\s*,\s*/);
  const first = segments[0] ?? '';
  const name = nameOf(first);
  if (!name || segments.length < 2) return undefined;
  let k = 1;
  // Credentials after the name ("MD", "PhD") belong to it.
  while (k < segments.length && parseName(segments.slice(0, k + 1).join(', ')).credentials.length > parseName(segments.slice(0, k).join(', ')).credentials.length) k++;
  return { name, rest: segments.slice(k).join(', ') };
}

export function parseSelection(selection: string): SelectionContact {
  const text = selection.slice(0, MAX_SELECTION).replace(/\r\n?/g, '\n');
  const out: SelectionContact = {};
  const email = EMAIL.exec(text)?.[0];
  if (email) out.email = email.replace(/[.]+$/, '');
  const parts = text
    .replace(EMAIL, ' ')
    .replace(/\b(?:e-?mail|mail|email address)\s*:?\s*/gi, '')
    .split(SEPARATORS)
    .map((part) => clean(part).replace(/^[,;:]+|[,;:]+$/g, '').trim())
    .filter((part) => part.length > 0 && part.length <= 300);

  let nameAt = parts.findIndex((part) => nameOf(part) !== undefined);
  if (nameAt >= 0) out.fullName = nameOf(parts[nameAt] ?? '');
  else {
    // One line, commas only: "Jean-Luc van der Berg, MD, Associate Professor, Lakeview University".
    nameAt = parts.findIndex((part) => {
      const split = leadingName(part);
      if (!split) return false;
      out.fullName = split.name;
      parts.splice(parts.indexOf(part) + 1, 0, split.rest);
      return true;
    });
  }
  // Lines such as "Hometown: Erie, PA" or "Medical School: …" describe the person, not their role.
  const rest = parts.filter((part, i) => i !== nameAt && part && !/^[\p{L} ]{2,30}:\s/u.test(part));

  for (const part of rest) {
    if (out.title && out.organization) break;
    const role = splitRoleAt(part);
    if (role.title && role.organization && !out.title && !out.organization) {
      Object.assign(out, role);
      continue;
    }
    // "Program Director, Internal Medicine Residency": the title, then where.
    const comma = part.split(/\s*,\s*/);
    if (!out.title && !out.organization && comma.length >= 2 && ORG_WORDS.test(comma.slice(1).join(', ')) && !ORG_WORDS.test(comma[0] ?? '')) {
      out.title = comma[0];
      out.organization = comma.slice(1).join(', ');
      continue;
    }
    if (!out.organization && ORG_WORDS.test(part)) out.organization = part;
    else if (!out.title && part.split(' ').length <= 10 && !/[.!?]$/.test(part)) out.title = part;
  }
  return out;
}
