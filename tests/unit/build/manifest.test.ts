// @vitest-environment node (no DOM reached: see vitest.config.ts)
/**
 * Audit of the built manifests: the fewest permissions, host access only to
 * LinkedIn and Doximity, nothing exposed to web pages, no remote code.
 * `npm test` builds before it runs the unit tests.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SYNC_HOSTS } from '../../../sync/config';

const OUTPUT = resolve(import.meta.dirname, '../../..', process.env.WXT_OUT_DIR ?? '.output');
const ALLOWED_PERMISSIONS = ['storage', 'unlimitedStorage', 'alarms', 'activeTab', 'scripting', 'sidePanel', 'notifications', 'contextMenus'];
// The two profile sites, and their image hosts for photo thumbnails (background/photo-thumb.ts).
const ALLOWED_HOSTS = ['https://*.linkedin.com/*', 'https://*.doximity.com/*', 'https://media.licdn.com/*', 'https://doximity-res.cloudinary.com/*'];

function manifest(target: string): chrome.runtime.ManifestV3 {
  const path = join(OUTPUT, target, 'manifest.json');
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first.`);
  return JSON.parse(readFileSync(path, 'utf8')) as chrome.runtime.ManifestV3;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe.each(['chrome-mv3', 'firefox-mv3'])('%s build', (target) => {
  const m = manifest(target);

  it('asks only for the permissions Rapport needs', () => {
    for (const permission of m.permissions ?? []) expect(ALLOWED_PERMISSIONS).toContain(permission);
    expect(m.host_permissions ?? []).toEqual(ALLOWED_HOSTS);
    expect(JSON.stringify(m)).not.toMatch(/<all_urls>|\*:\/\/\*\/\*/);
    expect(m.optional_permissions ?? []).toEqual([]);
    // Sync's server, asked for at the moment the user turns sync on (background/sync.ts): the only optional grant.
    expect((m.optional_host_permissions as string[] | undefined) ?? []).toEqual(SYNC_HOSTS);
  });

  it('exposes nothing to web pages and accepts no outside messages', () => {
    expect(m.web_accessible_resources ?? []).toEqual([]);
    expect(m).not.toHaveProperty('externally_connectable');
  });

  it('runs content scripts only on LinkedIn and Doximity profiles', () => {
    const matches = (m.content_scripts ?? []).flatMap((script: { matches?: string[] }) => script.matches ?? []);
    expect(matches.length).toBeGreaterThan(0);
    for (const match of matches) expect(match).toMatch(/^https:\/\/\*\.(linkedin|doximity)\.com\/(in|pub|profiles)\/\*$/);
  });

  it('ships no eval, remote scripts or source maps', () => {
    for (const file of files(join(OUTPUT, target))) {
      expect(file).not.toMatch(/\.map$/);
      if (!/\.(js|html)$/.test(file)) continue;
      const source = readFileSync(file, 'utf8');
      expect(source, file).not.toMatch(/\beval\(|new Function\(/);
      expect(source, file).not.toMatch(/<script[^>]+src=["']https?:/);
    }
  });
});

it('the Firefox build uses a sidebar and background scripts; Chrome a side panel and a worker', () => {
  const firefox = manifest('firefox-mv3') as unknown as Record<string, unknown>;
  expect(firefox).toHaveProperty('sidebar_action');
  expect(firefox).toHaveProperty('background.scripts');
  const chromeManifest = manifest('chrome-mv3') as unknown as Record<string, unknown>;
  expect(chromeManifest).toHaveProperty('side_panel.default_path');
  expect(chromeManifest).toHaveProperty('background.service_worker');
});

it('Chrome: the oldest Chrome with the APIs Rapport uses (sidePanel.open, 116)', () => {
  expect(manifest('chrome-mv3').minimum_chrome_version).toBe('116');
});

it('Firefox: the permanent add-on id, and the oldest Firefox (desktop and Android) the manifest needs', () => {
  const gecko = (manifest('firefox-mv3') as unknown as { browser_specific_settings: Record<string, Record<string, unknown>> })
    .browser_specific_settings;
  // AMO ties uploads, updates and users' data to this id: it may never change (and never be a placeholder).
  expect(gecko.gecko?.id).toBe('{81ccc0e4-c413-4a62-b741-d0f5f2c05450}');
  expect(gecko.gecko?.strict_min_version).toBe('140.0');
  expect(gecko.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  // data_collection_permissions reached Firefox for Android in 142.
  expect(gecko.gecko_android?.strict_min_version).toBe('142.0');
});

it.each(['chrome-mv3', 'firefox-mv3'])('%s: Settings are the options page, opened in a tab', (target) => {
  const m = manifest(target);
  expect(m.options_ui).toEqual({ page: 'options.html', open_in_tab: true });
  expect(existsSync(join(OUTPUT, target, 'options.html'))).toBe(true);
});
