/** S10 and names: the avatar loads photos only from the listed image hosts, and builds initials from whole characters. */
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { Avatar } from '../../../components/Avatar';
import { initials } from '../../../contacts/initials';
import { reactHostForEachTest } from '../react-host';

const screen = reactHostForEachTest();

describe('the avatar', () => {
  it('S10: a photo on any other host is shown as initials, never loaded', async () => {
    for (const photoUrl of ['https://tracker.example/pixel.gif?u=1', 'http://media.licdn.com/a.jpg', 'https://media.licdn.com.evil.example/a.jpg']) {
      await screen.render(createElement(Avatar, { contact: { fullName: 'Elena Vasquez', photoUrl } }));
      expect(screen.host.querySelector('img')).toBeNull();
      expect(screen.host.textContent).toBe('EV');
    }
  });

  it('S10: LinkedIn’s and Doximity’s image servers are loaded', async () => {
    for (const photoUrl of ['https://media.licdn.com/dms/image/a.jpg', 'https://doximity-res.cloudinary.com/image/b.jpg']) {
      await screen.render(createElement(Avatar, { contact: { fullName: 'Elena Vasquez', photoUrl } }));
      expect(screen.host.querySelector('img')?.getAttribute('src')).toBe(photoUrl);
    }
  });
});

describe('initials', () => {
  it('take whole grapheme clusters: letters outside the BMP, emoji and combining accents are never cut', () => {
    expect(initials('𝓐lice 𝓑rown')).toBe('𝓐𝓑');
    expect(initials('👩‍⚕️ 🩺')).toBe('👩‍⚕️🩺');
    expect(initials('e\u0301lodie Durand')).toBe('E\u0301D');
    expect(initials('Priya Raman')).toBe('PR');
    expect(initials('Priya')).toBe('P');
    expect(initials('😀')).toBe('😀');
    for (const value of [initials('𝓐lice'), initials('👩‍⚕️ 🩺')]) expect(value.isWellFormed()).toBe(true);
  });

  it('the same as the grapheme segmenter gives, with or without its shortcut for a lone first letter', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const first = (word: string) => segmenter.segment(word)[Symbol.iterator]().next().value?.segment ?? '';
    const names = ['Priya Raman', 'Ángel Ortiz', 'Ñandú Pérez', 'क्षमा शर्मा', 'ก้อง สุข', '1\u20e3 Keycap', 'a\u200dz Joined', 'Ōno 小野', '김 민준', '\u1100\u1161 Jamo', 'x\ufe0f Selected', "O’Connor Chidi"];
    for (const name of names) {
      const words = name.split(/\s+/);
      expect(initials(name), name).toBe((first(words[0]!) + first(words.at(-1)!)).toLocaleUpperCase());
    }
  });
});
