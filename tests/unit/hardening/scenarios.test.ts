// @vitest-environment node (no DOM reached: see vitest.config.ts)
/**
 * tests/SCENARIOS.md maps every reliability scenario to what covers it. This
 * keeps the map honest: every id is there, every file it names exists, and
 * every quoted test name or figure appears in its file word for word; and
 * every scenario id a comment cites anywhere in the code is defined there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { citedScenarioIds, commentsOf } from '../structure/comments';
import { sourceFiles } from '../structure/import-graph';

const ROOT = resolve(import.meta.dirname, '../../..');
const TABLE = readFileSync(resolve(ROOT, 'tests/SCENARIOS.md'), 'utf8');

const IDS = [
  ...Array.from({ length: 12 }, (_, i) => `F${i + 1}`),
  ...Array.from({ length: 8 }, (_, i) => `S${i + 1}`),
  ...Array.from({ length: 7 }, (_, i) => `L${i + 1}`),
  ...Array.from({ length: 5 }, (_, i) => `M${i + 1}`),
  ...Array.from({ length: 3 }, (_, i) => `X${i + 1}`),
  // Issue 12 (trust): nothing lost, undo, identity, security, real files and names, rough edges.
  'S9', 'S10', 'N1', 'N2', 'U1', 'U2', 'I1', 'I2', 'I3', 'R1', 'R2', 'R3', 'R4', 'E1', 'E2', 'E3', 'E4', 'E5', 'E6',
  // Issue 17 (the Overview): its figures against the data, its calendar, its accessibility and its speed.
  'O1', 'O2', 'O3', 'O4', 'O5', 'O6', 'O7', 'O8',
];

/** id → [{ file, quote }] from the table's rows. */
function rows(): Map<string, { file: string; quote: string }[]> {
  const out = new Map<string, { file: string; quote: string }[]>();
  for (const line of TABLE.split('\n')) {
    const match = /^\| ([FSLMXNUIREO]\d+) \| [^|]+ \| (.+) \|$/.exec(line);
    if (!match) continue;
    const refs = [...match[2]!.matchAll(/((?:tests|bench|scripts)\/[\w./-]+) "((?:[^"\\]|\\.)+)"/g)].map((m) => ({
      file: m[1]!,
      quote: m[2]!.replace(/\\"/g, '"'),
    }));
    out.set(match[1]!, refs);
  }
  return out;
}

describe('tests/SCENARIOS.md', () => {
  const table = rows();

  it('lists every scenario id of the catalogue once, and no other', () => {
    expect([...table.keys()].sort()).toEqual([...IDS].sort());
    for (const id of IDS) expect(TABLE.match(new RegExp(`^\\| ${id} \\|`, 'gm')), id).toHaveLength(1);
  });

  it.each(IDS)('%s names at least one existing file and quotes what covers it there', (id) => {
    const refs = table.get(id) ?? [];
    expect(refs.length, `${id} has no "file" "name" reference`).toBeGreaterThan(0);
    for (const { file, quote } of refs) {
      const path = resolve(ROOT, file);
      expect(existsSync(path), `${id}: ${file} does not exist`).toBe(true);
      expect(readFileSync(path, 'utf8'), `${id}: "${quote}" is not in ${file}`).toContain(quote.replace(/\\"/g, '"'));
    }
  });
});

describe('scenario ids cited in comments', () => {
  it('are each defined in tests/SCENARIOS.md', () => {
    const defined = new Set(rows().keys());
    const undefinedCitations: string[] = [];
    for (const file of sourceFiles()) {
      for (const comment of commentsOf(file)) {
        for (const id of citedScenarioIds(comment)) if (!defined.has(id)) undefinedCitations.push(`${file}: ${id}`);
      }
    }
    expect(undefinedCitations).toEqual([]);
  });

  it('are read from comments only, ranges included, not from strings or encodings', () => {
    expect(citedScenarioIds('/** RELIABILITY L3; see S9 and E4. */')).toEqual(['L3', 'S9', 'E4']);
    expect(citedScenarioIds('// N1–N3: nothing typed is lost')).toEqual(['N1', 'N2', 'N3']);
    expect(citedScenarioIds('// e2e, %E2%80, a 0xF5 byte, E2E, MP3')).toEqual([]);
  });
});
