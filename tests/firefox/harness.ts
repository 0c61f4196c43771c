/**
 * The Firefox end-to-end harness: Debian's firefox-esr driven over WebDriver
 * BiDi by puppeteer-core, with the built `.output/firefox-mv3` installed, web
 * pages served at their real addresses by request interception, and helpers to
 * find and click things in the extension's pages as a user would (real input
 * events, not `element.click()`).
 */
import puppeteer, { type Browser, type ElementHandle, type HTTPRequest, type Page } from 'puppeteer-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const BUILD = resolve(import.meta.dirname, '../../', process.env.WXT_OUT_DIR ?? '.output', 'firefox-mv3');
export const FIXTURES = resolve(import.meta.dirname, '../fixtures');

export interface FirefoxManifest {
  host_permissions: string[];
  optional_host_permissions?: string[];
  permissions: string[];
  options_ui?: { page: string; open_in_tab?: boolean };
  browser_specific_settings: { gecko: { id: string; strict_min_version: string } };
}

export function builtManifest(): FirefoxManifest {
  return JSON.parse(readFileSync(join(BUILD, 'manifest.json'), 'utf8')) as FirefoxManifest;
}

/** The moz-extension:// host Firefox gives Rapport: fixed through `extensions.webextensions.uuids`. */
export const ADDON_UUID = '3f1c9a52-6b7e-4d0a-8c2f-5e9b1d7a4c63';
export const ORIGIN = `moz-extension://${ADDON_UUID}`;

export interface Firefox {
  browser: Browser;
  /** Where Firefox saves downloads, without asking. */
  downloads: string;
  close(): Promise<void>;
}

/**
 * Starts Firefox and installs the built extension. Host access starts as a
 * user who did not grant it at install finds it (Firefox makes MV3 host
 * permissions opt-in): the test grants it from Rapport's own "Grant access"
 * button. Firefox's permission prompt is the one thing automation cannot click
 * (it is browser chrome, not a page), so `extensions.webextOptionalPermissionPrompts`
 * answers it "Allow", as the user would.
 */
export async function launchFirefox(): Promise<Firefox> {
  const downloads = mkdtempSync(join(tmpdir(), 'rapport-ff-downloads-'));
  const id = builtManifest().browser_specific_settings.gecko.id;
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      // Without it BiDi refuses to navigate to moz-extension:// pages.
      args: ['--remote-allow-system-access'],
      timeout: 60_000,
      protocolTimeout: 60_000,
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [id]: ADDON_UUID }),
        'extensions.originControls.grantByDefault': false,
        'extensions.webextOptionalPermissionPrompts': false,
        // The assertions read the English interface, whatever the machine's language.
        'intl.locale.requested': 'en-US',
        'intl.accept_languages': 'en-US',
        'browser.download.folderList': 2,
        'browser.download.dir': downloads,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.start_downloads_in_tmp_dir': false,
        'browser.download.alwaysOpenPanel': false,
      },
    });
  } catch (error) {
    throw new Error(`Firefox (${FIREFOX}) did not start: ${(error as Error).message}. Run scripts/ensure-firefox.sh.`);
  }
  const installed = await browser.installExtension(BUILD);
  if (installed !== id) throw new Error(`Firefox installed ${installed}, not Rapport (${id})`);
  return {
    browser,
    downloads,
    close: async () => {
      await browser.close();
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}

/** A fixture page and the address it is served at (see tests/fixtures/README.md). */
export function fixture(name: string): { html: string; url: string; json: Record<string, unknown> } {
  const json = JSON.parse(readFileSync(resolve(FIXTURES, `${name}.json`), 'utf8')) as Record<string, unknown>;
  return { html: readFileSync(resolve(FIXTURES, `${name}.html`), 'utf8'), url: json.url as string, json };
}

/**
 * Opens a tab on `url` with `html` served there; every other request of the
 * tab is refused, so nothing reaches the network. (`resourceType()` is not
 * available over BiDi, so requests are told apart by address only.)
 */
export async function openServedPage(browser: Browser, url: string, html: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  const served = new URL(url);
  page.on('request', (request: HTTPRequest) => {
    const asked = new URL(request.url());
    if (asked.origin === served.origin && asked.pathname === served.pathname) {
      void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    } else {
      void request.abort();
    }
  });
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/**
 * Opens one of Rapport's pages in a tab. `page.goto()` to a moz-extension://
 * page loads it but never resolves over BiDi, so it is not awaited: the page's
 * own `ready` selector says when it is there.
 */
export async function openExtensionPage(browser: Browser, path: string, ready: string): Promise<Page> {
  const page = await browser.newPage();
  void page.goto(`${ORIGIN}/${path}`).catch(() => undefined);
  const end = Date.now() + 30_000;
  for (;;) {
    try {
      // While the tab moves from about:blank to the extension's page, an evaluation can land in the
      // document being replaced and fail with a protocol error: that is not an answer, so ask again.
      // (page.url() stays about:blank: puppeteer never sees this navigation finish.)
      const at = await page.evaluate(() => location.href);
      if (at.startsWith(ORIGIN) && (await page.waitForSelector(ready, { timeout: 5_000 }))) return page;
    } catch (error) {
      if (Date.now() > end) throw new Error(`${path} did not show ${ready} within 30 s`, { cause: error });
    }
    if (Date.now() > end) throw new Error(`${path} did not open within 30 s`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/**
 * The extension's id for the tab just before `page` (the web page the test
 * opened last): read by tab order, because without host access Firefox hides
 * other tabs' addresses from the extension.
 */
export async function tabBefore(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { browser: typeof chrome }).browser;
    const own = await api.tabs.getCurrent();
    const tabs = await api.tabs.query({ windowId: own!.windowId });
    const before = tabs.filter((t) => t.index < own!.index).sort((a, b) => b.index - a.index)[0];
    if (before?.id === undefined) throw new Error('No tab before this page');
    return before.id;
  });
}

/** The badge text the toolbar icon shows (all tabs), read from an extension page. */
export function badgeText(page: Page): Promise<string> {
  return page.evaluate(() =>
    (globalThis as unknown as { browser: typeof chrome }).browser.action.getBadgeText({}),
  );
}

/** Waits until `read()` returns `expected`, for events that happen elsewhere (the background, the database). */
export async function until<T>(read: () => Promise<T>, expected: T, what: string, timeout = 20_000): Promise<void> {
  const end = Date.now() + timeout;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
    if (Date.now() > end) throw new Error(`${what}: expected ${JSON.stringify(expected)}, still ${JSON.stringify(last)}`);
    await new Promise((done) => setTimeout(done, 150));
  }
}

/** The text of the element matching `selector`, once it contains `text`. */
export async function textOf(page: Page, selector: string, text: string, timeout = 30_000): Promise<string> {
  try {
    await page.waitForFunction(
      (sel: string, wanted: string) => [...document.querySelectorAll(sel)].some((el) => (el.textContent ?? '').includes(wanted)),
      { timeout },
      selector,
      text,
    );
  } catch (error) {
    // Say what the page showed instead, which is what a failure needs to be understood.
    const shown = await page.evaluate(() => document.body.innerText.slice(0, 2_000)).catch(() => '(page gone)');
    throw new Error(`No ${selector} containing "${text}" within ${timeout} ms. The page showed:\n${shown}`, { cause: error });
  }
  return page.$$eval(selector, (els, wanted) => els.map((el) => el.textContent ?? '').find((t) => t.includes(wanted as string)) ?? '', text);
}

/**
 * The first visible element matching `selector` whose accessible text (its
 * aria-label, or else its text) is `name` (a string must match whole, a
 * RegExp anywhere).
 */
export async function find(page: Page, selector: string, name: string | RegExp, timeout = 30_000): Promise<ElementHandle<Element>> {
  const pattern = typeof name === 'string' ? { source: `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, flags: '' } : { source: name.source, flags: name.flags };
  const handle = await page.waitForFunction(
    (sel: string, source: string, flags: string) => {
      const re = new RegExp(source, flags);
      return (
        [...document.querySelectorAll<HTMLElement>(sel)].find((el) => {
          const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
          return el.getClientRects().length > 0 && re.test(label);
        }) ?? null
      );
    },
    { timeout },
    selector,
    pattern.source,
    pattern.flags,
  );
  return handle as ElementHandle<Element>;
}

/** Clicks the button named `name`, with a real mouse click. */
export async function clickButton(page: Page, name: string | RegExp, within = ''): Promise<void> {
  const button = await find(page, `${within} button, ${within} [role="tab"]`.trim(), name);
  await button.click();
}

/** The form control labelled `label` (by <label> or aria-label). */
export async function field(page: Page, label: string): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    (wanted: string) => {
      const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
      for (const el of document.querySelectorAll<HTMLInputElement>('input, textarea, select')) {
        if (clean(el.getAttribute('aria-label')) === wanted) return el;
        const labels = [...(el.labels ?? [])];
        if (labels.some((l) => clean(l.textContent) === wanted || clean(l.firstChild?.textContent) === wanted)) return el;
      }
      return null;
    },
    { timeout: 30_000 },
    label,
  );
  return handle as ElementHandle<Element>;
}

/** Types `value` into the field labelled `label` in place of what it held, then leaves it (autosave runs on blur). */
export async function fill(page: Page, label: string, value: string): Promise<void> {
  const input = (await field(page, label)) as ElementHandle<HTMLInputElement>;
  await input.click();
  // Selected, so that typing replaces what was there.
  await input.evaluate((el) => el.select());
  await input.type(value);
  await input.evaluate((el) => el.blur());
}

/** The current value of the field labelled `label`. */
export async function valueOf(page: Page, label: string): Promise<string> {
  const input = (await field(page, label)) as ElementHandle<HTMLInputElement>;
  return input.evaluate((el) => el.value);
}

/**
 * Sets a date field. Typing into Firefox's date input follows the locale's
 * day/month order, so the value is set as a date picker would set it: the
 * value, then the input and change events React listens to.
 */
export async function setDate(page: Page, label: string, isoDate: string): Promise<void> {
  const input = (await field(page, label)) as ElementHandle<HTMLInputElement>;
  await input.evaluate((el, value) => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, isoDate);
}
