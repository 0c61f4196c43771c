/**
 * A person's initials for their avatar: the first user-perceived character (grapheme cluster) of the first and the
 * last word, so that a letter outside the Basic Multilingual Plane, an emoji or a letter with a combining accent is
 * never cut in half (which shows "�").
 */
const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

function firstGrapheme(word: string): string {
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
