/**
 * The add-by-hand form's prefill when a page gave no person (issue 13): the
 * fields the readers did find, never invented, never from a state page.
 */
import { describe, expect, it } from 'vitest';
import { draftFromPartial } from '../../../capture/draft';
import { readRaw as readWeb } from '../../../capture/extract-web';
import { loadFixtures, parseHtml } from './fixture-helper';

const fixture = (name: string) => {
  const found = loadFixtures('web').find((f) => f.name === name);
  if (!found) throw new Error(name);
  return found;
};
const maria = fixture('name-without-profile');
const nameOnly = maria.html;

describe('the add-by-hand prefill of a page about no one', () => {
  it('C13: a name heading without a profile’s signs prefills the name, the site’s organization and the one e-mail beside it', () => {
    const url = maria.url;
    const raw = readWeb(parseHtml(nameOnly), url);
    expect(raw).toMatchObject({ people: [] });
    expect(draftFromPartial(raw, url)).toEqual({
      profileUrl: url,
      initial: { fullName: 'Maria Gonzalez', organization: 'Lakeside Family Clinic', email: 'mgonzalez@lakeside.example.org' },
    });
  });

  it('C13: two addresses beside the name are no one’s in particular; an article’s headline is no one’s name', () => {
    const url = maria.url;
    const two = nameOnly.replace('</section>', '<p><a href="mailto:billing@lakeside.example.org">Billing</a></p></section>');
    expect(draftFromPartial(readWeb(parseHtml(two), url), url).initial).toEqual({ fullName: 'Maria Gonzalez', organization: 'Lakeside Family Clinic' });
    const article = nameOnly.replace('<meta property', '<meta property="og:type" content="article"><meta property');
    expect(draftFromPartial(readWeb(parseHtml(article), url), url)).toEqual({ profileUrl: url, initial: {} });
    const news = fixture('article-no-person');
    expect(draftFromPartial(readWeb(parseHtml(news.html), news.url), news.url)).toEqual({ profileUrl: news.url, initial: {} });
  });

  it('C13: a sign-in wall or not-found page prefills nothing of its text; a profile address is kept as the link', () => {
    const wall = { people: [], problem: 'sign-in', partial: { fullName: 'Welcome to your professional community' } };
    expect(draftFromPartial(wall, 'https://www.linkedin.com/in/chidi-okonkwo/')).toEqual({ profileUrl: 'https://www.linkedin.com/in/chidi-okonkwo/', initial: {} });
    expect(draftFromPartial({ problem: 'not-found', fullName: 'Page not found' }, 'https://lakeside.example.org/team/nobody')).toEqual({ initial: {} });
  });

  it('C13: a capture that failed validation gives its valid fields; anything else is dropped', () => {
    const raw = { source: 'web', fullName: '', title: ' Chief   Resident ', organization: 'x'.repeat(301), email: 'not an address', __proto__: { fullName: 'Injected' } };
    expect(draftFromPartial(raw, 'javascript:alert(1)')).toEqual({ initial: { title: 'Chief Resident' } });
    expect(draftFromPartial({ people: [] }, 'https://lakeside.example.org/')).toEqual({ profileUrl: 'https://lakeside.example.org/', initial: {} });
    expect(draftFromPartial(null, undefined)).toEqual({ initial: {} });
  });
});
