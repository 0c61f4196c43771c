// @vitest-environment node (no DOM reached: see vitest.config.ts)
/**
 * The store packages `wxt zip` makes (RELIABILITY S6, X2, X3): each holds
 * exactly the built extension (no source maps, no fixtures, no sources), and
 * Mozilla's addons-linter passes the Firefox one. `npm run audit:build` makes
 * fresh packages and requires these checks; a plain `vitest run` skips them
 * when there are no packages newer than the build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const OUTPUT = resolve(ROOT, process.env.WXT_OUT_DIR ?? '.output');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const REQUIRED = process.env.AUDIT_REQUIRE_PACKAGES === '1';
const LINTER = join(ROOT, 'node_modules/.bin/addons-linter');

const PACKAGES = [
  { browser: 'chrome', dir: 'chrome-mv3', zip: join(OUTPUT, `rapport-${VERSION}-chrome.zip`) },
  { browser: 'firefox', dir: 'firefox-mv3', zip: join(OUTPUT, `rapport-${VERSION}-firefox.zip`) },
];

function files(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, base) : [path.slice(base.length + 1)];
  });
}

/** A package made from the current build (not left over from an older one). */
function fresh(zip: string, dir: string): boolean {
  const manifest = join(OUTPUT, dir, 'manifest.json');
  return existsSync(zip) && existsSync(manifest) && statSync(zip).mtimeMs >= statSync(manifest).mtimeMs;
}

const available = PACKAGES.every(({ zip, dir }) => fresh(zip, dir));
if (REQUIRED && !available) throw new Error('npm run audit:build expected fresh packages from `wxt zip` in ' + OUTPUT);

/** Whether an addons-linter warning points at React DOM's `innerHTML = ….__html` in the Firefox build. */
function isReactInnerHtml({ file, line, column }: { file?: string; line?: number; column?: number }): boolean {
  if (!file || line === undefined || column === undefined) return false;
  const source = readFileSync(join(OUTPUT, 'firefox-mv3', file), 'utf8').split('\n')[line - 1] ?? '';
  return /^\w+\.innerHTML=\w+$/.test(source.slice(column - 40, column + 20).split(/[&|;,(){}?]/).find((s) => s.includes('innerHTML')) ?? '')
    && /__html/.test(source.slice(Math.max(0, column - 200), column));
}

it('Rapport never renders markup from a string (no dangerouslySetInnerHTML, no innerHTML writes)', () => {
  const sources = ['components', 'entrypoints', 'background', 'capture', 'storage', 'drafting', 'followups', 'portability', 'contacts', 'messages'];
  for (const dir of sources) {
    for (const file of files(join(ROOT, dir))) {
      if (!/\.(tsx?|html)$/.test(file)) continue;
      const source = readFileSync(join(ROOT, dir, file), 'utf8');
      expect(source, `${dir}/${file}`).not.toMatch(/dangerouslySetInnerHTML|\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML/);
    }
  }
});

describe.skipIf(!available)('store packages', () => {
  it.each(PACKAGES)('$browser: the zip holds exactly the build, with no source maps or fixtures', async ({ zip, dir }) => {
    const archive = await JSZip.loadAsync(readFileSync(zip));
    const entries = Object.values(archive.files).filter((f) => !f.dir).map((f) => f.name).sort();
    expect(entries).toEqual(files(join(OUTPUT, dir)).sort());
    expect(entries).toContain('manifest.json');
    for (const entry of entries) expect(entry).not.toMatch(/\.map$|\.tsx?$|fixtures\/|tests?\//);
    const manifest = JSON.parse(await archive.file('manifest.json')!.async('string')) as { version: string; manifest_version: number };
    expect(manifest).toMatchObject({ version: VERSION, manifest_version: 3 });
  });

  it.skipIf(!existsSync(LINTER))("firefox: Mozilla's addons-linter reports no errors", () => {
    const firefox = PACKAGES[1]!.zip;
    let output: string;
    try {
      output = execFileSync(LINTER, ['--output', 'json', '--boring', firefox], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      // addons-linter exits non-zero when it finds errors; its report is still on stdout.
      output = String((error as { stdout?: string }).stdout ?? '');
    }
    type Message = { code: string; message: string; file?: string; line?: number; column?: number };
    const report = JSON.parse(output) as { errors: Message[]; warnings: Message[]; summary: { errors: number } };
    expect(report.errors.map((e) => `${e.code}: ${e.message} (${e.file ?? ''})`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
    // No warnings from Rapport's own code. The one kind allowed is React DOM's own
    // `dangerouslySetInnerHTML` support (`el.innerHTML = props.__html`), bundled with React:
    // Rapport never uses it (checked below), so it never runs.
    const notReact = report.warnings.filter((w) => !(w.code === 'UNSAFE_VAR_ASSIGNMENT' && isReactInnerHtml(w)));
    expect(notReact.map((w) => `${w.code}: ${w.message} (${w.file ?? ''})`)).toEqual([]);
  }, 120_000);
});
