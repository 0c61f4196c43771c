/** Extraction is read-only, treats page content as data and keeps zod out of content scripts. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { extractProfile, extractRaw, findPeople } from '../../../capture/index';
import { loadFixtures, parseHtml } from './fixture-helper';

const CAPTURE = resolve(__dirname, '../../../capture');

/** Every module ./extract reaches through relative imports. */
function reachable(entry: string): Map<string, string> {
  const seen = new Map<string, string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    const source = readFileSync(file, 'utf8');
    seen.set(file, source);
    for (const m of source.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+'(\.[^']+)'/gm)) {
      if (m[2]) continue; // type-only imports vanish at build time
      const target = join(dirname(file), m[3] ?? '');
      visit(target.endsWith('.ts') ? target : `${target}.ts`);
    }
  };
  visit(entry);
  return seen;
}

describe('content-script bundle', () => {
  const modules = reachable(join(CAPTURE, 'extract.ts'));

  it('never imports zod at run time, directly or through storage/schemas', () => {
    for (const [file, source] of modules) {
      expect(source, file).not.toMatch(/^\s*import\s+(?!type\b)[^;]*from\s+'zod'/m);
      expect(file, 'schemas are imported as types only').not.toMatch(/model[\\/]schemas\.ts$/);
    }
    expect([...modules.keys()].some((f) => f.endsWith('linkedin.ts'))).toBe(true);
  });

  it.each([
    ['extract-linkedin.ts', ['doximity.ts', 'heuristics.ts', 'schema-org.ts', 'microformats.ts']],
    ['extract-doximity.ts', ['linkedin.ts', 'heuristics.ts', 'schema-org.ts', 'microformats.ts']],
    ['extract-web.ts', ['linkedin.ts', 'doximity.ts']],
  ])('the per-site entry %s carries only its own extractor', (entry, absent) => {
    const files = [...reachable(join(CAPTURE, entry)).keys()].map((f) => f.split(/[\\/]/).pop());
    for (const file of absent) expect(files).not.toContain(file);
    for (const [file, source] of reachable(join(CAPTURE, entry))) {
      expect(source, file).not.toMatch(/^\s*import\s+(?!type\b)[^;]*from\s+'zod'/m);
    }
  });

  it('never reads innerHTML/outerHTML/innerText or writes to the DOM', () => {
    for (const [file, source] of modules) {
      const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code, file).not.toMatch(/\.(?:innerHTML|outerHTML|innerText|outerText|insertAdjacentHTML)\b/);
      expect(code, file).not.toMatch(/\.(?:appendChild|removeChild|replaceChild|insertBefore|setAttribute|removeAttribute|remove|append|prepend|replaceWith)\(/);
      expect(code, file).not.toMatch(/\beval\(|new Function\(/);
    }
  });
});

describe('read-only extraction', () => {
  it('leaves every fixture document byte-for-byte unchanged, also when run in a happy-dom Window at the page address', async () => {
    for (const family of ['linkedin', 'doximity', 'web', 'extra']) {
      for (const fixture of loadFixtures(family)) {
        const window = new Window({ url: fixture.url });
        window.document.write(fixture.html);
        const doc = window.document as unknown as Document;
        const before = doc.documentElement.outerHTML;
        const viaWindow = extractProfile(doc, fixture.url);
        findPeople(doc, fixture.url);
        expect(doc.documentElement.outerHTML, fixture.name).toBe(before);
        // Same result whichever way the document was built.
        expect(viaWindow, fixture.name).toEqual(extractProfile(parseHtml(fixture.html), fixture.url));
        await window.happyDOM.close();
      }
    }
  });
});

describe('hostile pages', () => {
  it('survives deep nesting', () => {
    // Browsers' HTML parsers stop nesting at 512 levels; happy-dom's own selector engine
    // recurses, so the test stays under that (the text walker itself is iterative).
    const depth = 500;
    const html = `<main><section><h1>Deep Person, MD</h1><p>Professor of Medicine</p>${'<div>'.repeat(depth)}text${'</div>'.repeat(depth)}</section></main>`;
    const doc = parseHtml(html);
    expect(extractRaw(doc, 'https://deep.example.org/people/deep')?.fullName).toBe('Deep Person');
  });

  it('returns nothing for non-http addresses', () => {
    const doc = parseHtml('<main><h1>Jane Doe, MD</h1></main>');
    expect(extractRaw(doc, 'javascript:alert(1)')).toBeNull();
    expect(extractRaw(doc, 'file:///tmp/x.html')).toBeNull();
    expect(findPeople(doc, 'about:blank')).toEqual([]);
  });

  it('never returns javascript: or data: links anywhere', () => {
    const html = `<main class="vcard"><img class="photo" src="javascript:alert(1)"><img class="photo" src="data:image/png;base64,AAA"><h1 class="fn">Eve Hacker, MD</h1><a class="email" href="javascript:alert(1)">mail</a></main>`;
    const capture = extractProfile(parseHtml(html), 'https://evil.example/eve');
    expect(capture?.fullName).toBe('Eve Hacker');
    expect(JSON.stringify(capture)).not.toMatch(/javascript:|data:/);
  });

  it('does not read the text of scripts, styles or templates', () => {
    const html = `<main><article class="h-card"><h1 class="p-name">Ann Lee, MD</h1><div class="p-note"><script>var secret = 1;</script><style>.x{}</style><template>tmpl</template>Loves teaching.</div></article></main>`;
    const capture = extractProfile(parseHtml(html), 'https://example.org/ann');
    expect(capture?.about).toBe('Loves teaching.');
  });
});
