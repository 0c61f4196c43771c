/**
 * Pages served at a profile's address that show no profile: LinkedIn's
 * sign-in wall, its "profile not found" and "not available" pages, its
 * rate-limit and security-check pages and its error pages. They must save
 * nobody, and the user must be told why in words (issue 13, family 1).
 *
 * Recognised by what the page says in its title and headings (in LinkedIn's
 * main languages) and by a sign-in form, never by class names. Pure: reads
 * only. Kept small, as it ships in the LinkedIn content script.
 */

export type PageProblem = 'sign-in' | 'unavailable' | 'rate-limited' | 'error';

/** What a content script answers when it finds no person but knows why. */
export interface ProblemAnswer {
  problem: PageProblem;
}

const PHRASES: [PageProblem, RegExp][] = [
  [
    'rate-limited',
    /too many requests|reached the (?:weekly |commercial use )?limit|rate.?limit|unusual activity|quick security check|security verification|request (?:denied|blocked)|demasiadas solicitudes|trop de requêtes|zu viele anfragen/i,
  ],
  [
    'unavailable',
    /exact match for .{0,120}could not be found|profile (?:was )?not found|profile (?:is not|isn[’']t) available|not available|page not found|page (?:doesn[’']t|does not) exist|no longer available|profil (?:introuvable|non disponible)|perfil no (?:encontrado|disponible)|profil nicht (?:gefunden|verfügbar)|seite nicht gefunden|page introuvable/i,
  ],
  [
    'sign-in',
    /welcome to your professional community|sign in with (?:e-?mail|apple|google)|sign in to (?:see|view|continue)|join linkedin|agree (?:&|and) join|new to linkedin|join now to (?:see|view)|bienvenue dans votre communauté professionnelle|te damos la bienvenida a tu comunidad profesional|willkommen in ihrer beruflichen community|iniciar sesión con|s[’']identifier avec|mit e-?mail anmelden/i,
  ],
  [
    'error',
    /something went wrong|an error (?:has )?occurred|we[’']re (?:sorry|having trouble)|try again later|unable to load|couldn[’']t load|this page isn[’']t working|service unavailable|oops|une erreur|algo salió mal|ein fehler/i,
  ],
];

/** The texts a state page states itself in: its title and first headings. */
function statements(doc: Document): string[] {
  const out = [doc.title];
  const headings = doc.querySelectorAll('h1, h2, h3, [role="alert"], [role="heading"]');
  for (let i = 0; i < headings.length && i < 12; i++) out.push(headings[i]?.textContent ?? '');
  return out.map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/**
 * Why this page at a LinkedIn profile address is not a profile, or undefined
 * when it gives no sign. Called only when no profile could be read from it.
 */
export function linkedInProblem(doc: Document): PageProblem | undefined {
  const texts = statements(doc);
  for (const [problem, phrase] of PHRASES) {
    if (texts.some((t) => t.length <= 300 && phrase.test(t))) return problem;
  }
  if (doc.querySelector('input[type="password"], input[name="session_key"], form[action*="login"], form[action*="uas/"]')) return 'sign-in';
  return undefined;
}

const PROBLEMS: readonly PageProblem[] = ['sign-in', 'unavailable', 'rate-limited', 'error'];

/** The problem a content script reported, read from its untrusted answer. */
export function problemOf(raw: unknown): PageProblem | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const value = (raw as { problem?: unknown }).problem;
  return PROBLEMS.find((p) => p === value);
}
