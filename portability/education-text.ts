/**
 * Education as one readable spreadsheet cell and back:
 * "Harvard Medical School — MD — 2019–2023; Stanford University — BS".
 */
import type { Education } from '../model/schemas';

const ENTRY_SEPARATOR = '; ';
const PART_SEPARATOR = ' — ';
const YEARS = /^(\d{4})?\s*[–-]\s*(\d{4})?$/;

export function formatEducation(education: readonly Education[]): string {
  return education
    .map((e) => {
      const years = e.startYear || e.endYear ? `${e.startYear ?? ''}–${e.endYear ?? ''}` : '';
      return [e.school, e.degree, years].filter(Boolean).join(PART_SEPARATOR);
    })
    .join(ENTRY_SEPARATOR);
}

/** Reads what formatEducation wrote; anything else is kept as school names. */
export function parseEducation(text: string): Education[] {
  const out: Education[] = [];
  for (const entry of text.split(/\s*;\s*/)) {
    const parts = entry.split(/\s+—\s+/).map((p) => p.trim()).filter(Boolean);
    const [school, ...rest] = parts;
    if (!school) continue;
    const education: Education = { school };
    const last = rest[rest.length - 1];
    const years = last ? YEARS.exec(last) : null;
    const single = last && /^\d{4}$/.test(last);
    if (years && (years[1] || years[2])) {
      rest.pop();
      if (years[1]) education.startYear = Number(years[1]);
      if (years[2]) education.endYear = Number(years[2]);
    } else if (single) {
      rest.pop();
      education.endYear = Number(last);
    }
    if (rest.length > 0) education.degree = rest.join(PART_SEPARATOR);
    out.push(education);
  }
  return out;
}
