/**
 * Scores captures against the fixtures' expected captures field by field,
 * for the fixture accuracy suite (tests/e2e/capture-accuracy.spec.ts) and the
 * before/after figures of issue 13. Pure: the caller runs the extractor (in
 * Chromium) and validates; this only counts.
 *
 * - A person's page: each expected field is one field, right when it matches.
 * - A page about no person: one field, right when nothing is offered; a page
 *   that offers someone counts as a non-person page saved. An expected
 *   `problem` (sign-in wall, not available…) is one more field.
 * - A listing: each listed person's fields, matched by name; people the page
 *   offers beyond the list (a footer's names, a byline) are non-persons saved.
 * - `mustNotContain` strings found in what was offered are fields from the
 *   wrong person.
 */
import { compare, leaks, UNMAPPED_FIELDS, type Fixture } from './fixture-helper';

export interface Outcome {
  /** The validated capture of the page's one person, or null. */
  profile: Record<string, unknown> | null;
  /** Every person the page offers, validated. */
  people: Record<string, unknown>[];
  /** Why a page at a profile address shows no profile, when the reader says. */
  problem?: string;
}

export interface Score {
  family: string;
  name: string;
  fields: number;
  right: number;
  wrongPerson: number;
  nonPersonSaved: number;
  misses: string[];
}

/** The family a fixture reports under: its own `family` label, else its folder and site. */
export function familyOf(fixture: Fixture): string {
  if (fixture.label) return fixture.label;
  const site = /linkedin/.test(fixture.name) || fixture.family === 'linkedin' ? 'linkedin' : /doximity/.test(fixture.name) || fixture.family === 'doximity' ? 'doximity' : 'web';
  return `project ${site}`;
}

function scorePerson(expected: Record<string, unknown>, actual: Record<string, unknown> | null | undefined, prefix: string, score: Score): void {
  for (const [key, value] of Object.entries(expected)) {
    if (UNMAPPED_FIELDS.has(key)) continue;
    score.fields++;
    const diff = actual ? compare(actual[key], value, key) : [`${key}: no capture`];
    if (diff.length === 0) score.right++;
    else score.misses.push(`${prefix}${diff.join('; ')}`);
  }
}

const fold = (s: unknown): string => String(s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

export function scoreFixture(fixture: Fixture, outcome: Outcome): Score {
  const score: Score = { family: familyOf(fixture), name: `${fixture.family}/${fixture.name}`, fields: 0, right: 0, wrongPerson: 0, nonPersonSaved: 0, misses: [] };
  const offered = outcome.profile ? [outcome.profile] : outcome.people;
  score.wrongPerson = leaks([offered, outcome.people], fixture.mustNotContain).length;
  for (const leak of leaks([offered, outcome.people], fixture.mustNotContain)) score.misses.push(`wrong person: ${leak}`);

  if (fixture.people) {
    score.fields++;
    if (outcome.profile) score.misses.push(`a listing was read as one person (${String(outcome.profile.fullName)})`);
    else score.right++;
    const unmatched = [...outcome.people];
    for (const person of fixture.people) {
      const i = unmatched.findIndex((p) => compare(p.fullName, person.fullName).length === 0);
      const match = i >= 0 ? unmatched.splice(i, 1)[0] : undefined;
      scorePerson(person, match ?? null, `${fold(JSON.stringify(person.fullName))}: `, score);
    }
    score.nonPersonSaved += unmatched.length;
    for (const extra of unmatched) score.misses.push(`not on the list: ${String(extra.fullName)}`);
    return score;
  }
  if (fixture.expect === null || fixture.expect === undefined) {
    score.fields++;
    if (offered.length === 0) score.right++;
    else {
      score.nonPersonSaved++;
      score.misses.push(`a page about no person offered ${offered.map((p) => String(p.fullName)).join(', ')}`);
    }
    if (fixture.problem) {
      score.fields++;
      if (outcome.problem === fixture.problem) score.right++;
      else score.misses.push(`problem: expected ${fixture.problem}, got ${String(outcome.problem)}`);
    }
    return score;
  }
  scorePerson(fixture.expect, outcome.profile, '', score);
  return score;
}

export interface Tally {
  family: string;
  pages: number;
  fields: number;
  right: number;
  wrongPerson: number;
  nonPersonSaved: number;
}

/** Totals per family, in the order families first appear, then the overall total. */
export function tally(scores: Score[]): Tally[] {
  const byFamily = new Map<string, Tally>();
  const total: Tally = { family: 'all', pages: 0, fields: 0, right: 0, wrongPerson: 0, nonPersonSaved: 0 };
  for (const s of scores) {
    const t = byFamily.get(s.family) ?? { family: s.family, pages: 0, fields: 0, right: 0, wrongPerson: 0, nonPersonSaved: 0 };
    for (const into of [t, total]) {
      into.pages++;
      into.fields += s.fields;
      into.right += s.right;
      into.wrongPerson += s.wrongPerson;
      into.nonPersonSaved += s.nonPersonSaved;
    }
    byFamily.set(s.family, t);
  }
  return [...byFamily.values(), total];
}

export function formatTally(t: Tally): string {
  const pct = t.fields ? ((100 * t.right) / t.fields).toFixed(1) : '100.0';
  return `${t.family.padEnd(28)} ${String(t.pages).padStart(3)} pages ${String(t.right).padStart(4)}/${String(t.fields).padEnd(4)} fields ${pct.padStart(5)} %  wrong-person ${t.wrongPerson}  non-person saved ${t.nonPersonSaved}`;
}
