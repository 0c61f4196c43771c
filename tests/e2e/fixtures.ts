/** Playwright fixtures: a Chromium with the built extension, and helpers to serve pages at their real URLs. */
import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension, tabIdOf, waitForWorker } from '../../scripts/chromium';

export const FIXTURES = resolve(import.meta.dirname, '../fixtures');

export function fixture(path: string): { html: string; url: string; json: Record<string, unknown> } {
  const json = JSON.parse(readFileSync(resolve(FIXTURES, `${path}.json`), 'utf8')) as Record<string, unknown>;
  return { html: readFileSync(resolve(FIXTURES, `${path}.html`), 'utf8'), url: json.url as string, json };
}

/** Serves `html` for every request to the origin of `url` (no network is reached). */
export async function serve(context: BrowserContext, url: string, pages: Record<string, string>): Promise<void> {
  const origin = new URL(url).origin;
  await context.route(`${origin}/**`, (route) => {
    const requested = new URL(route.request().url());
    const body = pages[requested.pathname];
    if (body === undefined) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ contentType: 'text/html; charset=utf-8', body });
  });
}

/**
 * Serves a fixture page at its real address, opens it in a tab, and returns the
 * page and the tab's id as the extension sees it.
 */
export async function openFixturePage(
  context: BrowserContext,
  worker: Worker,
  name: string,
): Promise<{ page: Page; tabId: number; url: string }> {
  const { html, url } = fixture(name);
  const { origin, pathname } = new URL(url);
  await serve(context, url, { [pathname]: html });
  const page = await context.newPage();
  await page.goto(url);
  return { page, tabId: await tabIdOf(worker, `${origin}/*`), url };
}

/** Opens the popup on a tab, as a click on the toolbar icon does: it saves the page's person at once. */
export async function openPopup(context: BrowserContext, extensionId: string, tabId: number): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

/** The user's click on the toolbar icon for the tab showing `url`: grants activeTab and runs the real popup. */
export async function clickToolbar(context: BrowserContext, extensionId: string, url: string): Promise<void> {
  const session = await context.browser()!.newBrowserCDPSession();
  const { targetInfos } = (await session.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as unknown as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  const target = targetInfos.find((t) => t.type === 'tab' && t.url === url);
  if (!target) throw new Error(`No tab shows ${url}`);
  await session.send('Extensions.triggerAction' as never, { id: extensionId, targetId: target.targetId } as never);
  await session.detach();
}

export const test = base.extend<{ context: BrowserContext; worker: Worker; extensionId: string }>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const { context } = await launchWithExtension({ headless: true, lang: 'en-US' });
    // Nothing may leave the machine: any request not routed by a test fails fast.
    await context.route(/^https?:\/\//, (route) => route.abort());
    await use(context);
    await context.close();
  },
  // RELIABILITY X1: fails loudly if the worker does not appear within 15 s, rather than every test timing out.
  worker: async ({ context }, use) => {
    await use(await waitForWorker(context));
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
});

export { expect };
