/** Cases the fixture pages do not cover, one extractor at a time. */
import { describe, expect, it } from 'vitest';
import { extractProfile, extractRaw, findPeople } from '../../../capture/index';
import { parseHtml } from './fixture-helper';

const topCard = (name: string, slug: string, extra = ''): string => `
  <section class="artdeco-card"><a href="/in/${slug}/overlay/about-this-profile/"><h1>${name}</h1></a>
  <div class="text-body-medium">Resident Physician at Example Hospital</div>${extra}</section>`;

describe('LinkedIn', () => {
  it('reads a Sales Navigator lead only through its link to the public profile', () => {
    const html = `<main><section><h1 data-anonymize="person-name">Ana Silva, MD</h1>
      <span data-anonymize="headline">Cardiologist at Hospital Sírio-Libanês</span>
      <span data-anonymize="location">São Paulo, Brazil</span>
      <a href="https://www.linkedin.com/in/ana-silva-md/">View LinkedIn profile</a></section></main>`;
    const url = 'https://www.linkedin.com/sales/lead/ACwAAAB1234,NAME_SEARCH,abcd';
    expect(extractProfile(parseHtml(html), url)).toMatchObject({
      source: 'linkedin',
      fullName: 'Ana Silva',
      credentials: ['MD'],
      headline: 'Cardiologist at Hospital Sírio-Libanês',
      location: 'São Paulo, Brazil',
      profileUrl: 'https://www.linkedin.com/in/ana-silva-md/',
    });
    const withoutLink = html.replace(/<a [^>]*>View LinkedIn profile<\/a>/, '');
    expect(extractProfile(parseHtml(withoutLink), url)).toBeNull();
  });

  it('captures nothing on a profile sub-page, the feed or a company page', () => {
    const doc = parseHtml(`<main>${topCard('Experience', 'priya-raman-md')}</main>`);
    expect(extractRaw(doc, 'https://www.linkedin.com/in/priya-raman-md/details/experience/')).toBeNull();
    expect(extractRaw(doc, 'https://www.linkedin.com/feed/')).toBeNull();
    expect(extractRaw(doc, 'https://www.linkedin.com/company/ucsf-health/')).toBeNull();
  });

  it('captures nothing before the top card has rendered', () => {
    expect(extractRaw(parseHtml('<main><div class="artdeco-loader"></div></main>'), 'https://www.linkedin.com/in/priya-raman-md/')).toBeNull();
  });

  it('reports every section as not loaded when only the top card is there', () => {
    const capture = extractProfile(parseHtml(`<main>${topCard('Priya Raman', 'priya-raman-md')}</main>`), 'https://www.linkedin.com/in/priya-raman-md/');
    expect(capture?.notLoaded).toEqual(['about', 'experience', 'education']);
    expect(capture).toMatchObject({ title: 'Resident Physician', organization: 'Example Hospital' });
  });

  it('does not report a section as not loaded when a later card has loaded', () => {
    const html = `<main>${topCard('Priya Raman', 'priya-raman-md')}
      <section><div id="experience"></div><h2>Experience</h2><ul><li><span aria-hidden="true">Resident</span><span aria-hidden="true">UCSF Health</span></li></ul></section></main>`;
    const capture = extractProfile(parseHtml(html), 'https://www.linkedin.com/in/priya-raman-md/');
    // About sits above Experience, so it does not exist; Education sits below and may still come.
    expect(capture?.notLoaded).toEqual(['education']);
    expect(capture?.experience).toEqual([{ title: 'Resident', organization: 'UCSF Health' }]);
  });

  it('ignores JSON-LD that describes another profile', () => {
    const html = `<head><script type="application/ld+json">{"@type":"Person","name":"Someone Else","url":"https://www.linkedin.com/in/someone-else","jobTitle":"CEO","worksFor":{"name":"Other Corp"}}</script></head>
      <body><main>${topCard('Priya Raman', 'priya-raman-md')}</main></body>`;
    const capture = extractProfile(parseHtml(html), 'https://www.linkedin.com/in/priya-raman-md/');
    expect(JSON.stringify(capture)).not.toMatch(/Someone Else|CEO|Other Corp/);
  });

  it('treats a member-id address as matching whatever vanity name the page shows', () => {
    const capture = extractProfile(parseHtml(`<main>${topCard('Priya Raman', 'priya-raman-md')}</main>`), 'https://www.linkedin.com/in/ACoAAB12345/');
    expect(capture?.fullName).toBe('Priya Raman');
  });

  it('offers the profile itself as the one person on a profile page', () => {
    const doc = parseHtml(`<main>${topCard('Priya Raman', 'priya-raman-md')}</main><aside><ul><li><a href="/in/marcus-lee/">Marcus Lee</a></li></ul></aside>`);
    expect(findPeople(doc, 'https://www.linkedin.com/in/priya-raman-md/').map((p) => p.fullName)).toEqual(['Priya Raman']);
  });
});

describe('Doximity', () => {
  it('captures nothing on pages that are not profiles', () => {
    const doc = parseHtml('<main><h1>Dr. News Person</h1></main>');
    expect(extractRaw(doc, 'https://www.doximity.com/news/some-article')).toBeNull();
    expect(findPeople(doc, 'https://www.doximity.com/news/some-article')).toEqual([]);
  });

  it('takes the profile link from the canonical link when the address has none', () => {
    const doc = parseHtml('<head><link rel="canonical" href="https://www.doximity.com/pub/jane-roe-md"></head><main><h1>Jane Roe, MD</h1></main>');
    expect(extractProfile(doc, 'https://www.doximity.com/cv/jane-roe-md?x=1')?.profileUrl).toBe('https://www.doximity.com/pub/jane-roe-md');
  });
});

describe('other pages', () => {
  it('returns the page URL without its fragment as the profile link', () => {
    const html = '<main><article class="h-card"><h1 class="p-name">Ann Lee, MD</h1></article></main>';
    expect(extractProfile(parseHtml(html), 'https://example.org/people/ann?tab=bio#top')?.profileUrl).toBe('https://example.org/people/ann?tab=bio');
  });

  it('finds no one on a page with a name-like heading but no sign of a profile', () => {
    const html = '<main><article><h1>Record Breaking Season</h1><p>The team had a great year.</p></article></main>';
    expect(extractProfile(parseHtml(html), 'https://news.example.org/sports')).toBeNull();
  });

  it('treats several schema.org people as a listing', () => {
    const html = `<script type="application/ld+json">[{"@context":"https://schema.org","@type":"Person","name":"Ann Lee"},{"@context":"https://schema.org","@type":"Person","name":"Bo Chen"}]</script><main></main>`;
    const doc = parseHtml(html);
    expect(extractProfile(doc, 'https://example.org/team')).toBeNull();
    expect(findPeople(doc, 'https://example.org/team').map((p) => p.fullName)).toEqual(['Ann Lee', 'Bo Chen']);
  });

  it('prefers the person a ProfilePage names as its main entity', () => {
    const html = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"ProfilePage","mainEntity":{"@id":"#me"}},
      {"@type":"Person","@id":"#me","name":"Ann Lee","jobTitle":"Professor"},
      {"@type":"Person","name":"Bo Chen"}]}</script><main></main>`;
    expect(extractProfile(parseHtml(html), 'https://example.org/ann')).toMatchObject({ fullName: 'Ann Lee', title: 'Professor' });
  });

  it('caps a huge listing at the first 250 people, in page order', () => {
    const cards = Array.from({ length: 400 }, (_, i) => `<div class="card"><img src="/p/${i}.jpg" alt=""><h3>Person ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}x Example</h3><p>Resident</p></div>`).join('');
    const people = findPeople(parseHtml(`<main><h1>Residents</h1>${cards}</main>`), 'https://example.org/residents');
    expect(people).toHaveLength(250);
    expect(people[0]?.fullName).toBe('Person AAx Example');
  });
});
