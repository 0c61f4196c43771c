/**
 * A person's initials for their avatar: the first user-perceived character (grapheme cluster) of the first and the
 * last word, so that a letter outside the Basic Multilingual Plane, an emoji or a letter with a combining accent is
 * never cut in half (which shows "�").
 */
const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

/**
 * A first character that is a grapheme on its own: a letter or digit of the Basic Multilingual Plane that nothing
 * after it joins (a combining mark, a joiner, a variation selector). Most names start so, and the segmenter, which
 * costs about as much as the rest of a list row (#18: each search draws a screenful of rows), is then not needed.
 */
const LONE_FIRST = /^[\p{L}\p{N}](?![\p{M}\u200c\u200d\ufe00-\ufe0f])/u;

function firstGrapheme(word: string): string {
  const code = word.charCodeAt(0);
  // Not a surrogate (an astral letter or emoji is two code units), and not Hangul jamo (which join into a syllable).
  if (!(code >= 0xd800 && code <= 0xdfff) && !(code >= 0x1100 && code <= 0x11ff) && LONE_FIRST.test(word)) return word[0]!;
  if (segmenter) {
    for (const { segment } of segmenter.segment(word)) return segment;
    return '';
  }
  // Without Intl.Segmenter, at least whole code points.
  return Array.from(word)[0] ?? '';
}

export function initials(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  const first = words[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1] ?? '') : '';
  return (firstGrapheme(first) + firstGrapheme(last)).toLocaleUpperCase();
}
