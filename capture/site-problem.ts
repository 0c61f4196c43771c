/**
 * Pages that show no person beyond LinkedIn (issue 13, gap 2): Doximity's
 * log-in and "page not found" pages at a profile address, and a directory
 * site's 404, "page not found" or sign-in page. They save nobody, and the
 * user is told why in words.
 *
 * Recognised by what the page says of itself in its title and <h1> (a
 * directory's side widgets and headings further down name other people and
 * other things), and, only when no person was read, by a password field.
 * Pure: reads only.
 */
import type { PageProblem } from './page-problem';

const NOT_FOUND =
  /\b404\b|page (?:was )?not found|not found|(?:can[’']t|cannot|could not|couldn[’']t) (?:be )?(?:find|found)|(?:doesn[’']t|does not|no longer) exists?|no longer available|página no encontrada|no se encontr|page introuvable|introuvable|seite nicht gefunden|nicht gefunden/i;

const SIGN_IN =
  /^(?:(?:please )?(?:sign|log) ?in\b|login\b)|\b(?:sign|log) ?in to (?:view|see|continue|doximity|your)|members only|iniciar sesión|inicia sesión|connexion|se connecter|anmelden|einloggen/i;

/** The page's statements about itself: its title and its <h1> headings. */
function statements(doc: Document): string[] {
  const out = [doc.title];
  const headings = doc.getElementsByTagName('h1');
  for (let i = 0; i < headings.length && i < 3; i++) out.push(headings[i]?.textContent ?? '');
  return out.map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => t && t.length <= 200);
}

/**
 * What the page says it is instead of a person's page, read before any
 * person: its people (a 404's "Department leadership" widget) are not the
 * person at this address. Undefined when the page says nothing of the kind.
 */
export function statedProblem(doc: Document): PageProblem | undefined {
  const texts = statements(doc);
  if (texts.some((t) => NOT_FOUND.test(t))) return 'not-found';
  if (texts.some((t) => SIGN_IN.test(t))) return 'sign-in';
  return undefined;
}

/** When no person was read: a page asking for a password is a sign-in page. */
export function signInForm(doc: Document): boolean {
  return doc.querySelector('input[type="password"]') !== null;
}
