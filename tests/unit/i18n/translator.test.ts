// @vitest-environment node (no DOM reached: see vitest.config.ts)
// model/i18n.ts is the one door to WXT's generated translator: it is the same function with a type that the
// checker resolves by lookup (see the file's comment for why), so code imports it rather than `#i18n`.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { i18n as generated } from '#i18n';
import { i18n } from '../../../model/i18n';
import { useLocale } from '../locale-messages';

const ROOT = resolve(import.meta.dirname, '../../..');
const SKIP = new Set(['node_modules', '.output', '.wxt', '.git', 'tests']);

function sources(dir = ''): string[] {
  return readdirSync(resolve(ROOT, dir || '.'), { withFileTypes: true }).flatMap((entry) => {
    const path = dir ? join(dir, entry.name) : entry.name;
    if (entry.isDirectory()) return SKIP.has(entry.name) || entry.name.startsWith('wt-') ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Files that import a value (not only types) from `#i18n`. */
function valueImportsOfGenerated(files: Record<string, string>): string[] {
  return Object.entries(files)
    .filter(([, source]) => /import\s+(?!type\b)[^;]*from\s+'#i18n'/.test(source.replace(/import\s+type\s[^;]*;/g, '')))
    .map(([file]) => file)
    .sort();
}

describe('the translator', () => {
  it('is the generated one, so every call says the same words', async () => {
    await useLocale('es');
    expect(i18n.t).toBe(generated.t);
    expect(i18n.t('templates.edit', { name: 'Ana' })).toBe(generated.t('templates.edit', { name: 'Ana' }));
    expect(i18n.t('popup.followUpDue', 3, { n: 3 })).toBe(generated.t('popup.followUpDue', 3, { n: 3 }));
  });

  it('is the only module that takes the translator from #i18n', () => {
    const files = Object.fromEntries(sources().map((file) => [file, readFileSync(resolve(ROOT, file), 'utf8')]));
    expect(Object.keys(files).length).toBeGreaterThan(100);
    expect(valueImportsOfGenerated(files)).toEqual(['model/i18n.ts']);
  });

  it('tells a value import from a type-only one', () => {
    expect(
      valueImportsOfGenerated({
        'a.ts': "import { i18n } from '#i18n';",
        'b.ts': "import type { GeneratedI18nStructure } from '#i18n';",
        'c.ts': "import { i18n, type GeneratedI18nStructure } from '#i18n';",
        'd.ts': "import { i18n } from '../model/i18n';",
      }),
    ).toEqual(['a.ts', 'c.ts']);
  });
});
