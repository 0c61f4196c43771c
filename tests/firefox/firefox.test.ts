/**
 * Rapport in real Firefox (RELIABILITY X2): the built `.output/firefox-mv3`
 * installed into Debian's firefox-esr, driven over WebDriver BiDi. One browser
 * for the file, and one story in order: host access granted from the popup,
 * saves from LinkedIn and Doximity, the sidebar page, drafting and "Mark as
 * sent", a follow-up falling due on the badge, a backup exported and
 * restored, and sync turned on against a real CouchDB-protocol server (the
 * background page's PouchDB replica). The Chromium suite (tests/e2e) stays the broad one.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ADMIN, startServer } from '../support/pouchdb-server';
import {
  badgeText,
  builtManifest,
  clickButton,
  fill,
  find,
  fixture,
  launchFirefox,
  openExtensionPage,
  openServedPage,
  setDate,
  tabBefore,
  textOf,
  until,
  valueOf,
  type Firefox,
} from './harness';

const RESIDENT = fixture('linkedin/profile-resident');
const DOXIMITY = fixture('doximity/profile');
const SITES = ['https://*.linkedin.com/*', 'https://*.doximity.com/*'];

let firefox: Firefox;

beforeAll(async () => {
  firefox = await launchFirefox();
}, 90_000);

afterAll(async () => {
  await firefox?.close();
});

/** A popup on the tab opened just before it, as a toolbar click on that tab opens it. */
async function popupOnLastTab(): Promise<Page> {
  // A page that acts on no tab, to learn the web page's tab id.
  const probe = await openExtensionPage(firefox.browser, 'options.html', '[data-testid="settings-view"]');
  const tabId = await tabBefore(probe);
  await probe.close();
  const popup = await openExtensionPage(firefox.browser, `popup.html?tab=${tabId}`, '[data-testid="saved-card"], [data-testid="needs-access"]');
  return popup;
}

function granted(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { browser: typeof chrome }).browser;
    return (await api.permissions.getAll()).origins ?? [];
  });
}

describe('Rapport in Firefox', () => {
  test('the build asks for LinkedIn and Doximity only; access granted from the popup saves a LinkedIn profile', async () => {
    const manifest = builtManifest();
    expect(manifest.host_permissions).toEqual([...SITES, 'https://media.licdn.com/*', 'https://doximity-res.cloudinary.com/*']);
    expect(manifest.permissions).not.toContain('tabs');
    expect(manifest.host_permissions).not.toContain('<all_urls>');

    await openServedPage(firefox.browser, RESIDENT.url, RESIDENT.html);
    const popup = await popupOnLastTab();
    // Firefox installs MV3 host access off until the user grants it: the popup says so and asks.
    expect(await granted(popup)).not.toContain(SITES[0]);
    await textOf(popup, '[data-testid="needs-access"]', 'LinkedIn');
    await clickButton(popup, 'Grant access to LinkedIn and Doximity');
    await textOf(popup, '[data-testid="saved-card"]', 'Priya Raman');
    expect(await granted(popup)).toEqual(expect.arrayContaining(SITES));
    await popup.close();
  }, 90_000);

  test('one click saves a Doximity profile', async () => {
    await openServedPage(firefox.browser, DOXIMITY.url, DOXIMITY.html);
    const popup = await popupOnLastTab();
    const name = (DOXIMITY.json.expect as { fullName: string }).fullName;
    const card = await textOf(popup, '[data-testid="saved-card"]', 'Saved to Rapport');
    expect(card).toContain(name);
    await popup.close();
  }, 90_000);

  let panel: Page;

  test('the sidebar page lists both contacts', async () => {
    panel = await openExtensionPage(firefox.browser, 'sidepanel.html', '[data-testid="contact-list"]');
    await find(panel, '[data-testid="contact-list"] button', /Priya Raman/);
    const doximityName = (DOXIMITY.json.expect as { fullName: string }).fullName;
    await find(panel, '[data-testid="contact-list"] button', new RegExp(doximityName));
    expect(await textOf(panel, '[data-testid="result-count"]', '2')).toMatch(/\b2\b/);
  }, 60_000);

  test('a draft marked as sent is logged and starts the follow-up clock; once due, the badge counts it', async () => {
    // The user's own profile, which every template signs with.
    await clickButton(panel, 'Settings', 'nav');
    for (const [label, value] of [
      ['Your name', 'Alex Kim'],
      ['Your school', 'Penn Med'],
      ['Year or class', 'MS4'],
      ['Specialty of interest', 'internal medicine'],
    ] as const) {
      await fill(panel, label, value);
    }
    await textOf(panel, '[data-testid="settings-view"]', 'Saved.');
    await clickButton(panel, 'Contacts', 'nav');
    await clickButton(panel, /Priya Raman/, '[data-testid="contact-list"]');
    await clickButton(panel, 'Draft');
    await find(panel, '[data-testid="draft-composer"]', /.+/);
    const personal = 'Your work on cardiology in underserved communities is exactly what I hope to do.';
    await fill(panel, 'Your personal sentence', personal);
    await textOf(panel, '[data-testid="message-preview"]', personal);
    await clickButton(panel, 'Mark as sent', '[data-testid="draft-composer"]');
    await textOf(panel, '[data-testid="draft-notice"]', 'Logged on the timeline. Next follow-up:');
    // Sent, not due yet: no badge.
    expect(await badgeText(panel)).toBe('');

    await clickButton(panel, 'Details');
    await textOf(panel, '[data-testid="timeline"]', personal);
    expect(await valueOf(panel, 'Status')).toBe('awaiting_reply');
    expect(await valueOf(panel, 'Next follow-up')).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // Time passes: the follow-up comes due, and the background recounts the badge.
    await setDate(panel, 'Next follow-up', '2020-01-01');
    await until(() => badgeText(panel), '1', 'badge after the follow-up fell due');
    const popup = await openExtensionPage(firefox.browser, 'popup.html', '[data-testid="due-item"]');
    expect(await textOf(popup, '[data-testid="due-item"]', 'Priya Raman')).toContain('Follow-up 1 of 2');
    await popup.close();
  }, 90_000);

  test('the options page about:addons opens is Settings, on the same data', async () => {
    expect(builtManifest().options_ui).toEqual({ page: 'options.html', open_in_tab: true });
    const options = await openExtensionPage(firefox.browser, 'options.html', '[data-testid="settings-view"]');
    expect(await options.title()).toBe('Rapport settings');
    // The profile typed in the side panel's Settings is here; a change here reaches the side panel.
    await until(() => valueOf(options, 'Your name'), 'Alex Kim', 'the profile read from the database');
    await fill(options, 'Year or class', 'MS3');
    await textOf(options, '[data-testid="settings-view"]', 'Saved.');
    await clickButton(panel, 'Settings', 'nav');
    await until(() => valueOf(panel, 'Year or class'), 'MS3', 'the side panel showing the change');
    await options.close();
  }, 60_000);

  test('a backup exports to a file, and restoring it brings back a deleted contact', async () => {
    await clickButton(panel, 'Settings', 'nav');
    await clickButton(panel, 'Export backup (JSON)');
    let file = '';
    await until(
      async () => {
        file = readdirSync(firefox.downloads).find((f) => /^rapport-backup-\d{4}-\d{2}-\d{2}\.json$/.test(f)) ?? '';
        return file !== '' && existsSync(join(firefox.downloads, file)) && readFileSync(join(firefox.downloads, file), 'utf8').endsWith('}');
      },
      true,
      'the backup file in the downloads folder',
    );
    const path = join(firefox.downloads, file);
    const backup = JSON.parse(readFileSync(path, 'utf8')) as { format: string; contacts: { fullName: string }[]; interactions: unknown[] };
    expect(backup.format).toBe('rapport-backup');
    expect(backup.contacts.map((c) => c.fullName)).toContain('Priya Raman');
    expect(backup.contacts).toHaveLength(2);

    // Replace everything with the backup after Priya is deleted: she comes back with her timeline.
    await clickButton(panel, 'Contacts', 'nav');
    await clickButton(panel, /Priya Raman/, '[data-testid="contact-list"]');
    await clickButton(panel, 'Delete contact');
    await until(() => panel.$$eval('[data-testid="contact-list"] button', (els) => els.some((el) => /Priya Raman/.test(el.textContent ?? ''))), false, 'Priya deleted');

    await clickButton(panel, 'Settings', 'nav');
    const input = await panel.waitForSelector('input[type="file"]');
    await input!.uploadFile(path);
    await textOf(panel, '[data-testid="import-report"]', 'Nothing has been written yet.');
    await (await find(panel, '[data-testid="import-report"] label', /^Replace all my data/)).click();
    await (await find(panel, '[data-testid="import-report"] label', /^I understand/)).click();
    await clickButton(panel, 'Replace my data', '[data-testid="import-report"]');
    await textOf(panel, '[data-testid="import-done"]', '');
    await clickButton(panel, 'Contacts', 'nav');
    await find(panel, '[data-testid="contact-list"] button', /Priya Raman/);
    await clickButton(panel, /Priya Raman/, '[data-testid="contact-list"]');
    await textOf(panel, '[data-testid="timeline"]', 'Message sent');
    await until(() => badgeText(panel), '1', 'badge after the restore');
  }, 120_000);
  test('sync turns on from Settings, and the background page sends every record to the server through its indexeddb replica', async () => {
    const server = await startServer();
    try {
      await clickButton(panel, 'Settings', 'nav');
      // Optional permission prompts are off in this profile (harness.ts): the request for the server is granted as asked.
      await fill(panel, 'Server address', server.url);
      await fill(panel, 'Database name', 'rapport-firefox');
      await fill(panel, 'User name', ADMIN.username);
      await fill(panel, 'Password', ADMIN.password);
      await fill(panel, 'Passphrase', 'a long passphrase for firefox');
      await clickButton(panel, 'Turn on sync', '[data-testid="sync-form"]');
      await textOf(panel, '[data-testid="sync-pending"]', '0 changes', 60_000);
      // Two contacts and the shared settings, beside the salt and the key check.
      const docCount = async () => ((await server.admin('/rapport-firefox')) as { doc_count?: number }).doc_count ?? 0;
      await until(async () => (await docCount()) >= 5, true, 'the server holding every record', 60_000);
      // The replica is the indexeddb adapter's (one `docs` store), in the extension's origin that pages share.
      const stores = await panel.evaluate(async () => {
        const known = (await indexedDB.databases()).find((d) => d.name?.startsWith('_pouch_rapport-replica-'));
        if (!known?.name) return [];
        const request = indexedDB.open(known.name);
        const db = await new Promise<IDBDatabase>((done) => (request.onsuccess = () => done(request.result)));
        const names = [...db.objectStoreNames];
        db.close();
        return names;
      });
      expect(stores).toContain('docs');
    } finally {
      await server.stop();
    }
  }, 120_000);
});
