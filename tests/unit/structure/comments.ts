/**
 * The comments of a source file, read with the TypeScript parser (so that `//` in a string or a regular expression
 * is not taken for one), and the scenario ids they cite (tests/SCENARIOS.md's "L3", "S9", ranges like "N1–N2").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { ROOT } from './import-graph';

export function commentsOf(file: string, root = ROOT): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const seen = new Set<number>();
  const out: string[] = [];
  const take = (ranges: ts.CommentRange[] | undefined) => {
    for (const range of ranges ?? []) {
      if (seen.has(range.pos)) continue;
      seen.add(range.pos);
      out.push(text.slice(range.pos, range.end));
    }
  };
  const visit = (node: ts.Node): void => {
    take(ts.getLeadingCommentRanges(text, node.getFullStart()));
    take(ts.getTrailingCommentRanges(text, node.getEnd()));
    ts.forEachChild(node, visit);
  };
  visit(source);
  take(ts.getLeadingCommentRanges(text, source.endOfFileToken.getFullStart()));
  return out;
}

/** The scenario families of tests/SCENARIOS.md, by their letter. */
export const SCENARIO_LETTERS = 'FSLMXNUIRE';

/** The ids a comment cites: single ones ("S9", "RELIABILITY L3") and every id of a range ("E1–E3" is E1, E2, E3). */
export function citedScenarioIds(comment: string): string[] {
  const out: string[] = [];
  const id = `([${SCENARIO_LETTERS}])(\\d{1,2})`;
  // Not part of a longer word, a percent-encoding (%E2) or a hex number.
  const pattern = new RegExp(`(?<![\\w%#-])${id}(?:\\s*[–-]\\s*${id})?(?![\\w%])`, 'g');
  for (const m of comment.matchAll(pattern)) {
    const [, letter, from, toLetter, to] = m;
    if (toLetter === letter && to !== undefined) {
      for (let n = Number(from); n <= Number(to); n++) out.push(`${letter}${n}`);
    } else {
      out.push(`${letter}${from}`);
      if (toLetter && to !== undefined) out.push(`${toLetter}${to}`);
    }
  }
  return out;
}
