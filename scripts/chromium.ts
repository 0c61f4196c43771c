/**
 * Launches Chromium with the built extension loaded: shared by the end-to-end
 * tests and the demo launcher. Debian's Chromium by default; set CHROMIUM_PATH
 * to use another build.
 */
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const OUTPUT_DIR = resolve(import.meta.dirname, '..', process.env.WXT_OUT_DIR ?? '.output');
export const EXTENSION_DIR = resolve(OUTPUT_DIR, 'chrome-mv3');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LoadedExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
}

export async function launchWithExtension(options: {
  headless: boolean;
  userDataDir?: string;
  /** More Chromium switches (the capture tests add --enable-unsafe-extension-debugging to click the toolbar icon). */
  args?: string[];
  /** The browser's interface language, which picks the extension's locale; English unless a test asks otherwise. */
  lang?: string;
  /** Unpacked extensions loaded beside Rapport (the bench's floor extension, bench/floor/build.ts). */
  alsoLoad?: string[];
}): Promise<LoadedExtension> {
  const lang = options.lang ?? 'en-US';
  if (!existsSync(`${EXTENSION_DIR}/manifest.json`)) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's chromium or set CHROMIUM_PATH.`);
  }
  const context = await chromium.launchPersistentContext(options.userDataDir ?? '', {
    executablePath: CHROMIUM_PATH,
    headless: options.headless,
    locale: lang,
    // Chromium on Linux takes its interface language from LANGUAGE as well as --lang: set both so that text
    // assertions never depend on the machine's locale.
    env: { ...process.env, LANGUAGE: lang.replace('-', '_'), LANG: `${lang.replace('-', '_')}.UTF-8` },
    args: [
      `--lang=${lang}`,
      `--disable-extensions-except=${[EXTENSION_DIR, ...(options.alsoLoad ?? [])].join(',')}`,
      `--load-extension=${[EXTENSION_DIR, ...(options.alsoLoad ?? [])].join(',')}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(options.args ?? []),
    ],
  });
  const worker = await waitForWorker(context);
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId };
}

/** The extension's service worker; fails loudly if it does not start within 15 s. */
export async function waitForWorker(context: BrowserContext): Promise<Worker> {
  const existing = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (existing) return existing;
  const worker = await context.waitForEvent('serviceworker', { timeout: 15_000 }).catch(() => {
    throw new Error('The extension’s service worker did not start within 15 s: is the build loadable?');
  });
  return worker;
}

/** The id of the tab whose URL starts with `prefix`, as the extension sees it. */
export async function tabIdOf(worker: Worker, urlPattern: string): Promise<number> {
  const id = await worker.evaluate(async (pattern) => {
    const tabs = await chrome.tabs.query({ url: pattern });
    return tabs[0]?.id;
  }, urlPattern);
  if (id === undefined) throw new Error(`No tab matches ${urlPattern}`);
  return id;
}

/** The toolbar badge text, as the user sees it. */
export function badgeText(worker: Worker): Promise<string> {
  return worker.evaluate(() => chrome.action.getBadgeText({}));
}
