/**
 * Loads the capture fixtures (tests/fixtures/{linkedin,doximity,web,extra}) and
 * compares a capture with a fixture's expectation as tests/fixtures/README.md
 * describes: white space folded, absent fields not judged, {"anyOf": […]}
 * accepts any of the values, null means "holds no value".
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures');

export interface Fixture {
  family: string;
  name: string;
  html: string;
  url: string;
  expect?: Record<string, unknown> | null;
  people?: Record<string, unknown>[];
  mustNotContain: string[];
  /** The family of pages it stands for (issue 13's families), when the fixture says. */
  label?: string;
  /** Why the page at a profile address shows no profile (sign-in, unavailable, rate-limited, error). */
  problem?: string;
}

export function loadFixtures(family: string): Fixture[] {
  const dir = join(FIXTURES, family);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .filter((f) => readdirSync(dir).includes(f.replace(/\.json$/, '.html')))
    .sort()
    .map((f) => {
      const spec = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>;
      const name = f.replace(/\.json$/, '');
      return {
        family,
        name,
        html: readFileSync(join(dir, `${name}.html`), 'utf8'),
        url: String(spec.url),
        ...('expect' in spec ? { expect: spec.expect as Record<string, unknown> | null } : {}),
        ...('people' in spec ? { people: spec.people as Record<string, unknown>[] } : {}),
        mustNotContain: (spec.mustNotContain as string[] | undefined) ?? [],
        ...(typeof spec.family === 'string' ? { label: spec.family } : {}),
        ...(typeof spec.problem === 'string' ? { problem: spec.problem } : {}),
      };
    });
}

export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/**
 * Fixture fields that the project's Capture schema has no place for. They are
 * reported, not judged (see the capture report).
 */
export const UNMAPPED_FIELDS = new Set(['links']);

const fold = (s: string): string => s.replace(/\s+/g, ' ').trim();

function isAnyOf(v: unknown): v is { anyOf: unknown[] } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Array.isArray((v as { anyOf?: unknown }).anyOf);
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/** Differences between `actual` and `expected`, as readable lines ('' path = root). */
export function compare(actual: unknown, expected: unknown, path = ''): string[] {
  if (expected === null) return isEmpty(actual) ? [] : [`${path}: expected no value, got ${JSON.stringify(actual)}`];
  if (isAnyOf(expected)) {
    return expected.anyOf.some((option) => compare(actual, option, path).length === 0)
      ? []
      : [`${path}: ${JSON.stringify(actual)} is none of ${JSON.stringify(expected.anyOf)}`];
  }
  if (typeof expected === 'string') {
    return typeof actual === 'string' && fold(actual) === fold(expected)
      ? []
      : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
  }
  if (typeof expected === 'number' || typeof expected === 'boolean') {
    return actual === expected ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected an array, got ${JSON.stringify(actual)}`];
    const out: string[] = [];
    if (actual.length !== expected.length) out.push(`${path}: expected ${expected.length} items, got ${actual.length}: ${JSON.stringify(actual)}`);
    expected.forEach((e, i) => out.push(...compare(actual[i], e, `${path}[${i}]`)));
    return out;
  }
  if (typeof expected === 'object') {
    if (typeof actual !== 'object' || actual === null) return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
    const out: string[] = [];
    for (const [key, value] of Object.entries(expected)) {
      if (path === '' && UNMAPPED_FIELDS.has(key)) continue;
      out.push(...compare((actual as Record<string, unknown>)[key], value, path ? `${path}.${key}` : key));
    }
    return out;
  }
  return [`${path}: cannot compare ${JSON.stringify(expected)}`];
}

/** Strings that must appear nowhere in the capture. */
export function leaks(capture: unknown, mustNotContain: string[]): string[] {
  const json = JSON.stringify(capture);
  return mustNotContain.filter((s) => json.includes(s)).map((s) => `capture contains ${JSON.stringify(s)}`);
}
