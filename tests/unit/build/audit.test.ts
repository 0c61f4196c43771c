/**
 * Static audit of the built extension beyond the manifest basics in
 * manifest.test.ts (RELIABILITY S6, S7, F10, L4): content security policy,
 * forbidden permissions, remote code, content-script budgets.
 * `npm test` builds before it runs the unit tests.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SITE_ORIGINS } from '../../../platform/host-access';

const OUTPUT = resolve(import.meta.dirname, '../../..', process.env.WXT_OUT_DIR ?? '.output');

/** L4 and the budget: each always-on content script, minified and gzipped. */
export const CONTENT_SCRIPT_BUDGET = { minifiedBytes: 40 * 1024, gzippedBytes: 15 * 1024 };

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
    const hosts = [...(m.host_permissions ?? []), ...((m.optional_host_permissions as string[] | undefined) ?? [])];
    for (const origin of Object.values(SITE_ORIGINS)) expect(m.host_permissions).toContain(origin);
    for (const host of hosts) expect(host).toMatch(/^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/\*$/);
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

  it('L4: each content script is within budget (≤ 40 KB minified, ≤ 15 KB gzipped) and loads no React', () => {
    const contentScripts = (m.content_scripts ?? []).flatMap((script: { js?: string[] }) => script.js ?? []);
    expect(contentScripts.length).toBeGreaterThan(0);
    for (const script of contentScripts) {
      const source = readFileSync(join(dir, script));
      expect(source.length, `${script} minified`).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET.minifiedBytes);
      expect(gzipSync(source, { level: 9 }).length, `${script} gzipped`).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET.gzippedBytes);
      expect(source.toString(), script).not.toMatch(/react\.dev\/errors|__REACT_DEVTOOLS|createElement\("div"/);
    }
  });

  it('X3: nothing but the extension ships: no source maps, tests, fixtures or TypeScript', () => {
    for (const file of files(dir)) {
      const path = file.slice(dir.length + 1);
      expect(path).not.toMatch(/\.map$|\.tsx?$|(^|\/)(tests?|fixtures|node_modules|\.wxt)\//);
    }
  });
});
