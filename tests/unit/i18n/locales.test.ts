// @vitest-environment node (no DOM reached: see vitest.config.ts)
// The Spanish interface has every English key and no stray ones, with the same named values and plural forms,
// so no screen falls back to English or shows a raw {placeholder}.
import { resolve } from 'node:path';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { beforeAll, describe, expect, it } from 'vitest';

interface Entry {
  names: string[];
  forms: number;
}

/** Through @wxt-dev/i18n's own parser, as the build reads them. */
async function read(locale: string): Promise<Map<string, Entry>> {
  const parsed = await parseMessagesFile(resolve(import.meta.dirname, '../../../locales', `${locale}.yml`));
  const texts = (m: (typeof parsed)[number]) => (m.type === 'plural' ? Object.values(m.plurals) : [m.message]);
  return new Map(
    parsed.map((m) => [
      m.key.join('.'),
      { names: [...new Set(texts(m).flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!)))].sort(), forms: texts(m).filter((t) => t.trim()).length },
    ]),
  );
}

describe('locale files', () => {
  let en: Map<string, Entry>;
  let es: Map<string, Entry>;
  beforeAll(async () => {
    [en, es] = await Promise.all([read('en'), read('es')]);
  });

  it('Spanish has every English key and no other', () => {
    expect([...en.keys()].filter((k) => !es.has(k))).toEqual([]);
    expect([...es.keys()].filter((k) => !en.has(k))).toEqual([]);
    expect(en.size).toBeGreaterThan(300);
  });

  it('each key has the same named values and plural forms in both', () => {
    const differ = [...en].filter(([k, e]) => {
      const s = es.get(k);
      return !s || s.forms !== e.forms || s.names.join() !== e.names.join();
    });
    expect(differ.map(([k]) => k)).toEqual([]);
  });

  it('no message is left empty in either language', () => {
    expect([...en, ...es].filter(([, e]) => e.forms === 0).map(([k]) => k)).toEqual([]);
  });
});
