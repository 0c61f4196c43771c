// @vitest-environment node (no DOM reached: see vitest.config.ts)
/**
 * Static audit of the built extension beyond the manifest basics in
 * manifest.test.ts (RELIABILITY S6, S7, F10, L4): content security policy,
 * forbidden permissions, remote code, content-script budgets, and where sync's
 * code may (the background) and may not (pages, the side panel's first paint) be.
 * `npm test` builds before it runs the unit tests.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SITE_ORIGINS } from '../../../platform/host-access';
import { SYNC_HOSTS } from '../../../sync/config';
import { CONTENT_SCRIPT_BUDGET } from '../../../scripts/bundle-budget';

const OUTPUT = resolve(import.meta.dirname, '../../..', process.env.WXT_OUT_DIR ?? '.output');

/**
 * The background holds PouchDB (about 320 KB minified) for sync: a service worker cannot
 * import() code later, so it is in the bundle whether sync is on or not (it runs only when
 * on). Before sync the background was about 120 KB. The replica's faster `indexeddb` adapter
 * (background/sync-replica.ts) comes on top of pouchdb-browser's own `idb` adapter, which stays
 * while old replicas are moved over: about 484 KB in all, and the budget leaves room for both.
 */
export const BACKGROUND_BUDGET_BYTES = 512 * 1024;

/** Text found only in sync's code: PouchDB's replication requests, the key derivation, the key-check document. */
const SYNC_CODE = /_revs_diff|_bulk_get|PBKDF2|rapport-keycheck|data-testid="sync-form"|"sync-form"/;

/** A built module and every module it imports statically (what loads before its first paint), by path. */
function staticGraph(dir: string, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    // Static imports only: `import{a}from"./x.js"` and `import"./x.js"`; import("./x.js") is a later load.
    for (const match of source.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) {
      const spec = match[1]!;
      visit(spec.startsWith('/') ? join(dir, spec) : resolve(file, '..', spec));
    }
  };
  visit(join(dir, entry));
  return [...seen];
}

function manifest(target: string): Record<string, unknown> & chrome.runtime.ManifestV3 {
  const path = join(OUTPUT, target, 'manifest.json');
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first.`);
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> & chrome.runtime.ManifestV3;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe.each(['chrome-mv3', 'firefox-mv3'])('%s build audit', (target) => {
  const m = manifest(target);
  const dir = join(OUTPUT, target);
  const scripts = files(dir).filter((file) => /\.(m?js|html)$/.test(file));

  it('S6: a content security policy, if any, allows no eval and no remote hosts', () => {
    const csp = m.content_security_policy as Record<string, string> | string | undefined;
    const policies = csp === undefined ? [] : typeof csp === 'string' ? [csp] : Object.values(csp);
    for (const policy of policies) {
      expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval/);
      expect(policy).not.toMatch(/https?:|\*|data:|blob:/);
    }
  });

  it('S6: no tabs, history, webRequest, cookies or debugger permission; unlimitedStorage kept (F10)', () => {
    const permissions = [...(m.permissions ?? []), ...((m.optional_permissions as string[] | undefined) ?? [])];
    for (const forbidden of ['tabs', 'history', 'webRequest', 'webRequestBlocking', 'cookies', 'debugger', 'management', 'nativeMessaging', '<all_urls>']) {
      expect(permissions).not.toContain(forbidden);
    }
    expect(m.permissions).toContain('unlimitedStorage');
    expect(m).not.toHaveProperty('externally_connectable');
  });

  it('S6/S8: host access covers the sites the background checks, and every host is https and specific', () => {
    for (const origin of Object.values(SITE_ORIGINS)) expect(m.host_permissions).toContain(origin);
    for (const host of m.host_permissions ?? []) expect(host).toMatch(/^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/\*$/);
    // The one optional grant: the user's own sync server, asked for (that one origin) only when sync is turned on.
    expect((m.optional_host_permissions as string[] | undefined) ?? []).toEqual(SYNC_HOSTS);
  });

  it('S6: the bundle loads no code from anywhere but itself', () => {
    expect(scripts.length).toBeGreaterThan(3);
    for (const file of scripts) {
      const source = readFileSync(file, 'utf8');
      expect(source, file).not.toMatch(/\beval\(|new Function\(|\bFunction\(\s*["'`]/);
      expect(source, file).not.toMatch(/importScripts\(/);
      expect(source, file).not.toMatch(/import\(\s*["'`]https?:/);
      expect(source, file).not.toMatch(/<script[^>]+src=["']?(https?:)?\/\//i);
      // No script or module URL on another host anywhere in the code.
      expect(source, file).not.toMatch(/https?:\/\/[^\s"'`]+\.m?js\b/);
      expect(source, file).not.toMatch(/executeScript\(\{[^}]*\bcode\s*:/);
    }
  });

  it('S7: the session storage area is never opened to content scripts', () => {
    for (const file of scripts) expect(readFileSync(file, 'utf8'), file).not.toMatch(/setAccessLevel|TRUSTED_AND_UNTRUSTED_CONTEXTS/);
  });

  it('L4: each content script is within budget (≤ 32 KB minified, ≤ 12.5 KB gzipped), loads no React and no polyfill', () => {
    const contentScripts = (m.content_scripts ?? []).flatMap((script: { js?: string[] }) => script.js ?? []);
    expect(contentScripts.length).toBeGreaterThan(0);
    for (const script of contentScripts) {
      const source = readFileSync(join(dir, script));
      expect(source.length, `${script} minified`).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET.minifiedBytes);
      expect(gzipSync(source, { level: 9 }).length, `${script} gzipped`).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET.gzippedBytes);
      expect(source.toString(), script).not.toMatch(/react\.dev\/errors|__REACT_DEVTOOLS|createElement\("div"/);
      // The browser's own runtime API, not webextension-polyfill (wxt.config.ts nativeBrowserApi): its guard's words.
      expect(source.toString(), script).not.toMatch(/should only be loaded in a browser extension/);
    }
  });

  it('the import worker loads no webextension-polyfill, which throws outside an extension page and stopped every import', () => {
    const workers = readdirSync(join(dir, 'assets')).filter((name) => /^import\.worker-.*\.js$/.test(name));
    expect(workers).toHaveLength(1);
    for (const worker of workers) {
      expect(readFileSync(join(dir, 'assets', worker), 'utf8'), worker).not.toMatch(/should only be loaded in a browser extension/);
    }
  });

  it('Sync: no content script or page-injected script holds sync code', () => {
    const injected = [
      ...(m.content_scripts ?? []).flatMap((script: { js?: string[] }) => script.js ?? []),
      ...['capture-page.js', 'picker.js', 'pointer.js'].filter((name) => existsSync(join(dir, name))),
    ];
    expect(injected.length).toBeGreaterThan(1);
    for (const script of injected) expect(readFileSync(join(dir, script), 'utf8'), script).not.toMatch(SYNC_CODE);
  });

  it('Sync: the side panel and popup load no sync code before their first paint; the background holds it, within budget', () => {
    for (const page of ['sidepanel.html', 'popup.html']) {
      const html = readFileSync(join(dir, page), 'utf8');
      const entries = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]!);
      expect(entries.length, page).toBeGreaterThan(0);
      const graph = entries.flatMap((entry) => staticGraph(dir, entry));
      for (const file of graph) expect(readFileSync(file, 'utf8'), `${page}: ${file}`).not.toMatch(SYNC_CODE);
    }
    // Settings › Sync itself is in a chunk loaded later, and the background has PouchDB: the pattern above does find sync's code.
    expect(files(dir).some((file) => file.includes('chunks') && /"sync-form"/.test(readFileSync(file, 'utf8')))).toBe(true);
    const background = (m.background as { service_worker?: string; scripts?: string[] }) ?? {};
    const worker = background.service_worker ?? background.scripts?.[0];
    const source = readFileSync(join(dir, worker!), 'utf8');
    expect(source).toMatch(SYNC_CODE);
    expect(source.length).toBeLessThanOrEqual(BACKGROUND_BUDGET_BYTES);
  });

  it('L1: the side panel’s and the popup’s first paint load no React, Dexie, zod or date-fns', () => {
    for (const page of ['sidepanel.html', 'popup.html']) {
      const html = readFileSync(join(dir, page), 'utf8');
      const entries = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]!);
      const graph = entries.flatMap((entry) => staticGraph(dir, entry));
      expect(graph.length, page).toBeGreaterThan(0);
      for (const file of graph) {
        // The packages' own chunks (wxt.config.ts VENDOR_CHUNKS), and their words should one be inlined elsewhere.
        expect(file, page).not.toMatch(/[\\/](react|dexie|zod|date-fns)-[\w-]+\.js$/);
        expect(readFileSync(file, 'utf8'), `${page}: ${file}`).not.toMatch(/react\.dev\/errors|__REACT_DEVTOOLS|DexieError|ZodError|differenceInCalendarDays/);
      }
      // What does load them is there, and loaded later: the first paint's entry imports the app.
      expect(entries.some((entry) => /import\(/.test(readFileSync(join(dir, entry), 'utf8'))), page).toBe(true);
    }
  });

  it('X3: nothing but the extension ships: no source maps, tests, fixtures or TypeScript', () => {
    for (const file of files(dir)) {
      const path = file.slice(dir.length + 1);
      expect(path).not.toMatch(/\.map$|\.tsx?$|(^|\/)(tests?|fixtures|node_modules|\.wxt)\//);
    }
  });
});
