/** Every fixture page yields the capture a careful person would type in by hand. */
import { describe, expect, it } from 'vitest';
import { extractProfile, extractRaw, findPeople, findPeopleRaw, validateCapture } from '../../../capture/index';
import { compare, leaks, loadFixtures, parseHtml } from './fixture-helper';

const families = ['linkedin', 'doximity', 'web', 'extra', 'field'];

for (const family of families) {
  describe(`fixtures/${family}`, () => {
    for (const fixture of loadFixtures(family)) {
      it(fixture.name, () => {
        const doc = parseHtml(fixture.html);
        const before = doc.documentElement.outerHTML;
        const profile = extractProfile(doc, fixture.url);
        const people = findPeople(doc, fixture.url);

        if (fixture.people) {
          expect(profile, 'a listing page is about no single person').toBeNull();
          expect(compare(people, fixture.people)).toEqual([]);
          expect(leaks(people, fixture.mustNotContain)).toEqual([]);
        } else if (fixture.expect === null) {
          expect(profile).toBeNull();
          expect(people).toEqual([]);
        } else {
          expect(profile, 'a person is found').not.toBeNull();
          expect(compare(profile, fixture.expect)).toEqual([]);
          expect(leaks(profile, fixture.mustNotContain)).toEqual([]);
          // The raw result the content script sends validates to the same capture.
          expect(validateCapture(extractRaw(doc, fixture.url))).toEqual(profile);
          expect(people.length, 'a profile page offers its one person').toBe(1);
          expect(leaks(findPeopleRaw(doc, fixture.url), fixture.mustNotContain)).toEqual([]);
        }
        // Extraction only reads.
        expect(doc.documentElement.outerHTML).toBe(before);
      });
    }
  });
}
