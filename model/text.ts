/**
 * Text as people read and search it, the same in every context: folding case and accents, reading order for names
 * and labels, and the words of a field or a query (storage/search-fields.ts indexes those words).
 */

/** Lower case, accents removed: "Müller" matches "muller". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Names and labels in the order people read them: case and accents aside, "Name 9" before "Name 10". */
export const readingOrder = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** What splits text into words, for storing and for searching alike. */
const NOT_WORD = /[^\p{L}\p{N}]+/u;

/** The folded words of a search query or a field: "Müller-Lüdenscheidt, MD" → muller, ludenscheidt, md. */
export function words(text: string): string[] {
  return fold(text).split(NOT_WORD).filter(Boolean);
}
