// @vitest-environment node (no DOM reached: see vitest.config.ts)
// No component writes interface English directly: every word a person reads comes from the locale files.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findHardCodedText } from './hardcoded-text';

const ROOT = resolve(import.meta.dirname, '../../..');

function tsxUnder(dir: string): string[] {
  return readdirSync(resolve(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? tsxUnder(path) : entry.name.endsWith('.tsx') ? [path] : [];
  });
}

describe('hard-coded interface text', () => {
  it('finds JSX text and read attributes, and lets punctuation and calls through', () => {
    const source = `
      export const A = ({ n }: { n: number }) => (
        <div title="Details">
          <h2>Saved contacts</h2>
          <button aria-label={'Close panel'} placeholder={n ? 'Search' : 'Find'}>·</button>
          <img alt="Photo" />
          <p>{i18n.t('x.y')} — {n}</p>
          <span>{'Loading…'}</span>
          <input className="field" type="text" />
        </div>
      );`;
    expect(findHardCodedText(source).map((f) => `${f.line}: ${f.text}`)).toEqual([
      '3: Details',
      '4: Saved contacts',
      '5: Close panel',
      '5: Search Find',
      '6: Photo',
      '8: Loading…',
    ]);
  });

  it('no component renders hard-coded English', () => {
    const files = tsxUnder('components');
    expect(files.length).toBeGreaterThan(30);
    const findings = files.flatMap((file) =>
      findHardCodedText(readFileSync(resolve(ROOT, file), 'utf8'), file).map((f) => `${file}:${f.line}: ${f.text}`),
    );
    expect(findings).toEqual([]);
  });
});
