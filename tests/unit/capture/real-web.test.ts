/** Issue 13: the rules that make capture hold on pages the project has never seen. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { problemReason, saveTab } from '../../../background/save-tab';
import { readRaw } from '../../../capture/extract-linkedin';
import { looksLikeName, looksLikePronouns, parseName } from '../../../capture/names';
import { linkedInProblem, problemOf } from '../../../capture/page-problem';
import { emailIn, splitPlace } from '../../../capture/text';
import { db } from '../../../storage/db';
import { useLocale } from '../locale-messages';
import { loadFixtures, parseHtml } from './fixture-helper';

describe('a name must look like a name', () => {
  it.each(['Priya Raman', 'Robert Lee Jr.', 'J. R. Smith', 'María José de la Cruz', '王小明', 'Dr. Lena Fischer, MD', 'cher', 'Kwame Mensah ✨'])('%s is a name', (n) =>
    expect(looksLikeName(n)).toBe(true),
  );
  it.each([
    'Welcome to your professional community',
    'Sign in with email',
    'An exact match for jonathan-pereira-do could not be found.',
    'This profile is not available',
    'Something went wrong.',
    "Let's do a quick security check",
    'Page not found',
    'Join LinkedIn to see the full profile',
    'she went to the market early',
  ])('%s is not', (n) => expect(looksLikeName(n)).toBe(false));
});

describe('pronouns come from the known set only', () => {
  it.each(['She/Her', 'he/him/his', 'They/Them', 'ze/hir', 'elle/iel', 'Sie/Ihr', '(she/they)'])('%s is pronouns', (p) => expect(looksLikePronouns(p)).toBe(true));
  it.each(['Report / Block', 'Follow / Unfollow', 'MD/PhD', 'Save / Share', 'Yes/No'])('%s is not', (p) => expect(looksLikePronouns(p)).toBe(false));
});

describe('credentials and suffixes as directories write them', () => {
  it.each([
    ['Dr. Emily Hart, M.D., FACS', 'Emily Hart', ['MD', 'FACS']],
    ['Rebecca Lin, MD, PhD', 'Rebecca Lin', ['MD', 'PhD']],
    ['Dr Nadia Karim, D.O., M.S.', 'Nadia Karim', ['DO', 'MS']],
    ['James Whitfield Jr., M.D', 'James Whitfield Jr.', ['MD']],
    ['Professor Anika Sharma, PhD, MPH', 'Anika Sharma', ['PhD', 'MPH']],
  ])('%s', (raw, fullName, credentials) => expect(parseName(raw)).toMatchObject({ fullName, credentials }));
});

describe('e-mail addresses written to foil robots', () => {
  it.each([
    ['asharma [at] northfield [dot] edu', 'asharma@northfield.edu'],
    ['ngozi.okafor (at) okaforlab.example.org', 'ngozi.okafor@okaforlab.example.org'],
    ['E-Mail: k.bauer(at)klinikum-nordheim.example.de', 'k.bauer@klinikum-nordheim.example.de'],
    ['jdoe AT example DOT edu', 'jdoe@example.edu'],
    ['Write to plain@example.org', 'plain@example.org'],
  ])('%s', (text, address) => expect(emailIn(text)).toBe(address));
  it.each(['Professor at Northfield University', 'Residents at the Mill Creek clinic', 'no address here'])('%s holds none', (text) =>
    expect(emailIn(text)).toBeUndefined(),
  );
});

it('splits "Organization · City, ST" into organization and location', () => {
  expect(splitPlace("Harborview Women's Health · Seattle, WA")).toEqual({ organization: "Harborview Women's Health", location: 'Seattle, WA' });
  expect(splitPlace('Associate Professor of Pediatrics')).toEqual({});
});

describe('pages at a profile address that are not a profile', () => {
  const states = loadFixtures('field').filter((f) => f.problem);

  it('has a fixture for each state', () => {
    expect(new Set(states.map((f) => f.problem))).toEqual(new Set(['sign-in', 'unavailable', 'rate-limited', 'error']));
  });

  it.each(states.map((f) => [f.name, f] as const))('%s: nobody, and the reason', (_name, fixture) => {
    const doc = parseHtml(fixture.html);
    expect(readRaw(doc, fixture.url)).toEqual({ problem: fixture.problem });
    expect(linkedInProblem(doc)).toBe(fixture.problem);
  });

  it('a real profile is never reported as a problem page', () => {
    for (const fixture of loadFixtures('linkedin')) {
      const read = readRaw(parseHtml(fixture.html), fixture.url);
      expect(problemOf(read), fixture.name).toBeUndefined();
    }
  });

  it('reads the problem only from a known value', () => {
    expect(problemOf({ problem: 'sign-in' })).toBe('sign-in');
    expect(problemOf({ problem: '<img src=x>' })).toBeUndefined();
    expect(problemOf(['sign-in'])).toBeUndefined();
    expect(problemOf(null)).toBeUndefined();
  });
});

describe('the background tells the user why, in words', () => {
  const URL = 'https://www.linkedin.com/in/amelia-okafor-md/';
  beforeEach(async () => {
    await useLocale('en');
    vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async (id: number) => ({ id, url: URL, windowId: 1 }) as never);
  });

  it('saves nobody from a sign-in wall and says to sign in', async () => {
    Object.assign(fakeBrowser.tabs, { sendMessage: vi.fn(async () => ({ problem: 'sign-in' })) });
    const outcome = await saveTab(3);
    // The form may start from the profile's address, never from the wall's sentences.
    expect(outcome).toEqual({ kind: 'no-person', url: URL, reason: problemReason('sign-in'), draft: { profileUrl: URL, initial: {} } });
    expect(problemReason('sign-in')).toMatch(/Sign in to LinkedIn to save this profile/);
    expect(await db.contacts.count()).toBe(0);
  });

  it('names each state in English and in Spanish', async () => {
    const english = (['sign-in', 'unavailable', 'rate-limited', 'error'] as const).map((p) => problemReason(p));
    expect(english[1]).toMatch(/This profile is not available/);
    expect(new Set(english).size).toBe(4);
    await useLocale('es');
    expect(problemReason('unavailable')).toMatch(/Este perfil no está disponible/);
  });
});

it('tests/SCENARIOS.md quotes, for each capture family, tests that exist word for word', () => {
  const root = resolve(import.meta.dirname, '../../..');
  const rows = readFileSync(resolve(root, 'tests/SCENARIOS.md'), 'utf8')
    .split('\n')
    .filter((line) => /^\| C\d+ \|/.test(line));
  expect(rows).toHaveLength(13);
  for (const row of rows) {
    const refs = [...row.matchAll(/((?:tests|bench)\/[\w./-]+) "((?:[^"\\]|\\.)+)"/g)];
    expect(refs.length, row).toBeGreaterThan(0);
    for (const [, file, quote] of refs) {
      expect(existsSync(resolve(root, file!)), file).toBe(true);
      expect(readFileSync(resolve(root, file!), 'utf8'), `${file}: ${quote}`).toContain(quote!.replace(/\\"/g, '"'));
    }
  }
});
