// @vitest-environment node (no DOM reached: see vitest.config.ts)
import { describe, expect, it } from 'vitest';
import { identityForUrl, linkedInPage, profileRef } from '../../../model/profile-links';

describe('profileRef: LinkedIn', () => {
  it.each([
    ['https://www.linkedin.com/in/priya-raman-md/', 'priya-raman-md'],
    ['https://www.linkedin.com/in/priya-raman-md', 'priya-raman-md'],
    ['https://linkedin.com/in/Priya-Raman-MD/', 'priya-raman-md'],
    ['http://www.linkedin.com/in/priya-raman-md/', 'priya-raman-md'],
    ['https://fr.linkedin.com/in/priya-raman-md/?originalSubdomain=fr', 'priya-raman-md'],
    ['https://uk.linkedin.com/in/priya-raman-md', 'priya-raman-md'],
    ['https://m.linkedin.com/in/priya-raman-md/', 'priya-raman-md'],
    ['https://www.linkedin.com/in/doconnornguyen?trk=public_profile_browsemap', 'doconnornguyen'],
    ['https://www.linkedin.com/in/priya-raman-md/#experience', 'priya-raman-md'],
    ['https://www.linkedin.com/in/priya-raman-md/details/experience/', 'priya-raman-md'],
    ['https://www.linkedin.com/in/priya-raman-md/overlay/contact-info/', 'priya-raman-md'],
    ['https://www.linkedin.com/in/priya-raman-md/recent-activity/all/', 'priya-raman-md'],
  ])('%s', (url, slug) => {
    const ref = profileRef(url);
    expect(ref).toEqual({
      site: 'linkedin',
      slug,
      canonicalUrl: `https://www.linkedin.com/in/${slug}/`,
      identity: `linkedin:${slug}`,
    });
  });

  it('decodes percent-encoded slugs and re-encodes them canonically', () => {
    const upper = profileRef('https://fr.linkedin.com/in/camille-d%C3%A9la-fontaine/?originalSubdomain=fr');
    const lower = profileRef('https://www.linkedin.com/in/camille-d%c3%a9la-fontaine');
    expect(upper?.slug).toBe('camille-déla-fontaine');
    expect(upper?.canonicalUrl).toBe('https://www.linkedin.com/in/camille-d%C3%A9la-fontaine/');
    expect(lower?.identity).toBe(upper?.identity);
    // Decomposed and composed accents are the same person.
    expect(profileRef('https://www.linkedin.com/in/zoe\u0301-li/')?.identity).toBe(profileRef('https://www.linkedin.com/in/zo%C3%A9-li/')?.identity);
  });

  it('keeps a malformed escape as written', () => {
    expect(profileRef('https://www.linkedin.com/in/bad%E0%A4%A-slug/')?.slug).toBe('bad%e0%a4%a-slug');
  });

  it.each([
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/company/maine-medical-center/',
    'https://www.linkedin.com/in/',
    'https://www.linkedin.com/sales/lead/ACwAAAB1234,NAME_SEARCH,abcd',
    'https://evil.example/in/priya-raman-md/',
    'https://linkedin.com.evil.example/in/priya-raman-md/',
    'https://notlinkedin.com/in/priya-raman-md/',
    'javascript:alert(1)//www.linkedin.com/in/x',
    'not a url',
  ])('%s is not a profile', (url) => expect(profileRef(url)).toBeNull());
});

describe('profileRef: Doximity', () => {
  it.each([
    ['https://www.doximity.com/pub/elena-vasquez-ruiz-md', 'pub', 'elena-vasquez-ruiz-md'],
    ['https://doximity.com/pub/elena-vasquez-ruiz-md?utm_source=google#summary', 'pub', 'elena-vasquez-ruiz-md'],
    ['https://www.doximity.com/profiles/8d1f3a62-4c0e-4b7a-9f55-1e2d3c4b5a69', 'profiles', '8d1f3a62-4c0e-4b7a-9f55-1e2d3c4b5a69'],
  ])('%s', (url, kind, slug) => {
    expect(profileRef(url)).toEqual({
      site: 'doximity',
      slug,
      canonicalUrl: `https://www.doximity.com/${kind}/${slug}`,
      identity: `doximity:${slug}`,
    });
  });
  it('is not fooled by other pages or hosts', () => {
    expect(profileRef('https://www.doximity.com/news')).toBeNull();
    expect(profileRef('https://doximity.com.evil.example/pub/x')).toBeNull();
  });
});

describe('linkedInPage', () => {
  it.each([
    ['https://www.linkedin.com/in/priya-raman-md/', 'profile', false],
    ['https://www.linkedin.com/in/priya-raman-md/overlay/contact-info/', 'profile', false],
    ['https://www.linkedin.com/in/priya-raman-md/details/experience/', 'profile-details', false],
    ['https://www.linkedin.com/sales/lead/ACwAAAB1234,NAME_SEARCH,abcd?_ntb=x', 'sales-lead', true],
    ['https://www.linkedin.com/sales/people/ACwAAAB1234,name', 'sales-lead', true],
    ['https://www.linkedin.com/sales/home', 'other', true],
    ['https://www.linkedin.com/search/results/people/?keywords=cardiology', 'search-people', false],
    ['https://www.linkedin.com/feed/', 'other', false],
    ['https://example.org/in/x/', 'none', false],
    ['nonsense', 'none', false],
  ])('%s → %s', (url, kind, salesNavigator) => {
    expect(linkedInPage(url)).toEqual({ kind, salesNavigator });
  });
});

describe('identityForUrl', () => {
  it('uses the profile slug for profiles', () => {
    expect(identityForUrl('https://fr.linkedin.com/in/Priya-Raman-MD/?trk=x')).toBe('linkedin:priya-raman-md');
  });
  it('uses the page without its fragment for other pages', () => {
    expect(identityForUrl('https://www.northfield.example.org/im/residents#pgy3')).toBe('web:https://www.northfield.example.org/im/residents');
  });
  it('refuses non-http(s) addresses', () => {
    expect(identityForUrl('javascript:alert(1)')).toBeNull();
    expect(identityForUrl('data:text/html,hi')).toBeNull();
  });
});
