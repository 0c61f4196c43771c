/**
 * Problem pages beyond LinkedIn (issue 13, gap 2): Doximity's log-in and
 * not-found pages and a directory site's 404 and sign-in pages save nobody,
 * and the background says why in words for that site.
 */
import { describe, expect, it } from 'vitest';
import { problemReason } from '../../../background/save-tab';
import { readRaw as readDoximity } from '../../../capture/extract-doximity';
import { readRaw as readWeb } from '../../../capture/extract-web';
import { loadFixtures, parseHtml } from './fixture-helper';

const heldOut = loadFixtures('heldout');
const byName = (name: string) => {
  const f = heldOut.find((x) => x.name === name);
  if (!f) throw new Error(name);
  return f;
};

describe('problem pages beyond LinkedIn', () => {
  it('C11: Doximity log-in and not-found pages save nobody and say why', () => {
    const signIn = byName('ho-dox-signin');
    expect(readDoximity(parseHtml(signIn.html), signIn.url)).toEqual({ problem: 'sign-in' });
    const missing = byName('ho-dox-not-found');
    expect(readDoximity(parseHtml(missing.html), missing.url)).toEqual({ problem: 'unavailable' });
    expect(problemReason('sign-in', 'doximity')).toMatch(/Log in to Doximity to save this profile/);
    expect(problemReason('unavailable', 'doximity')).toMatch(/Doximity says it could not be found/);
  });

  it('C11: a directory site’s 404 and sign-in pages offer no one, not even the people its widgets name', () => {
    const notFound = byName('ho-web-404');
    expect(readWeb(parseHtml(notFound.html), notFound.url)).toEqual({ people: [], problem: 'not-found' });
    const login = byName('ho-web-login');
    expect(readWeb(parseHtml(login.html), login.url)).toEqual({ people: [], problem: 'sign-in' });
    expect(problemReason('not-found', 'web')).toMatch(/This page was not found/);
    expect(problemReason('sign-in', 'web')).toMatch(/Sign in on the site, then try again/);
  });

  it('C11: a real Doximity profile and a directory listing are still read', () => {
    const profile = byName('ho-dox-signed-in');
    expect(readDoximity(parseHtml(profile.html), profile.url)).toMatchObject({ fullName: 'Rosalind Achterberg' });
    const listing = byName('ho-dir-drupal-faculty');
    const read = readWeb(parseHtml(listing.html), listing.url) as { people: { fullName: string }[] };
    expect(read.people.map((p) => p.fullName)).toEqual(['Hannah Kowalski', 'Samuel Oyelaran', 'Erik Lindgren']);
  });
});
