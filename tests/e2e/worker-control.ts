/** Driving the extension's service worker and database from end-to-end tests. */
import { expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { waitForWorker } from '../../scripts/chromium';

/** Stops the extension's service worker through CDP, as Chrome does to an idle one, and waits until it has stopped. */
export async function stopWorker(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  // Every status seen: a pending retry may wake a new worker right after the stop.
  const statuses: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
    const version = event.versions.find((v) => v.scriptURL.startsWith('chrome-extension://'));
    if (version) statuses.push(version.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => statuses.length).toBeGreaterThan(0);
  const seen = statuses.length;
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => statuses.slice(seen)).toContain('stopped');
  await cdp.detach();
}

/** Marks the current worker, so that a later check can tell a fresh start from the same one. */
export function markWorker(worker: Worker): Promise<void> {
  return worker.evaluate(() => void ((globalThis as { __marked?: boolean }).__marked = true));
}

/** The running worker, checked to be a fresh start (its memory gone). */
export async function freshWorker(context: BrowserContext): Promise<Worker> {
  await waitForWorker(context);
  let fresh: Worker | undefined;
  await expect
    .poll(async () => {
      // A stopped or reloaded worker may linger in the list for a moment: find the unmarked one.
      for (const worker of context.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://'))) {
        const marked = await worker.evaluate(() => (globalThis as { __marked?: boolean }).__marked ?? false).catch(() => true);
        if (!marked) fresh = worker;
      }
      return fresh !== undefined;
    })
    .toBe(true);
  return fresh!;
}

/** Row counts of the extension's database, read from one of its pages. */
export function countRows(page: Page, table = 'contacts'): Promise<number> {
  return page.evaluate(async (store) => {
    const request = indexedDB.open('rapport');
    const db = await new Promise<IDBDatabase>((done, fail) => {
      request.onsuccess = () => done(request.result);
      request.onerror = () => fail(request.error);
    });
    const count = await new Promise<number>((done, fail) => {
      const req = db.transaction(store, 'readonly').objectStore(store).count();
      req.onsuccess = () => done(req.result);
      req.onerror = () => fail(req.error);
    });
    db.close();
    return count;
  }, table);
}

/**
 * Every href and src in a page (shadow roots included) whose scheme is not
 * http(s), except the schemes the product uses on purpose: `mailto:` on the
 * "Open in email" link, `blob:` on the backup download link, and raster
 * `data:image` on stored photo thumbnails.
 */
export function unsafeLinks(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('*')) {
        for (const attribute of ['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'data']) {
          const value = element.getAttribute(attribute);
          if (value === null) continue;
          const trimmed = value.trim().toLowerCase();
          const allowed =
            /^https?:\/\//.test(trimmed) ||
            // The extension's own files (scripts, styles, icons), resolved against its origin.
            (/^(\.?\/|[a-z0-9_-]+\.(js|css|png|svg|html))/.test(trimmed) && !trimmed.includes(':')) ||
            trimmed.startsWith(`chrome-extension://${location.host}/`) ||
            (trimmed.startsWith('mailto:') && element.tagName === 'A') ||
            (trimmed.startsWith('blob:') && element.tagName === 'A' && element.hasAttribute('download')) ||
            (/^data:image\/(png|jpeg|webp);base64,/.test(trimmed) && element.tagName === 'IMG');
          if (!allowed) out.push(`<${element.tagName.toLowerCase()} ${attribute}="${value.slice(0, 80)}">`);
        }
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    visit(document);
    return out;
  });
}

/**
 * Reloads the extension for real, as its Reload button or an update does: `chrome.runtime.reload()`
 * in the worker. Chromium disables a reloaded unpacked extension ("unsupportedDeveloperExtension")
 * unless developer mode is on, so it is turned on first on chrome://extensions, as a developer
 * would. Returns the new worker (a new Worker object, same extension id); the old one has closed.
 */
export async function reloadExtension(context: BrowserContext, worker: Worker): Promise<Worker> {
  const extensions = await context.newPage();
  await extensions.goto('chrome://extensions/');
  const inDeveloperMode = await extensions.evaluate(async () => {
    const developer = (chrome as unknown as { developerPrivate: DeveloperPrivate }).developerPrivate;
    await developer.updateProfileConfiguration({ inDeveloperMode: true });
    return (await developer.getProfileConfiguration()).inDeveloperMode;
  });
  expect(inDeveloperMode).toBe(true);
  await extensions.close();

  const closed = new Promise<void>((done) => worker.once('close', () => done()));
  const next = context.waitForEvent('serviceworker', {
    predicate: (w) => w !== worker && w.url() === worker.url(),
    timeout: 15_000,
  });
  // The worker may go before it answers.
  await worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
  const [fresh] = await Promise.all([next, closed]);
  return fresh;
}

/**
 * Sets the extension's site access as the user does in Chrome (the toolbar's site-access menu, or
 * "Site access" on the extension's details page), through the page behind that menu:
 * `chrome.developerPrivate.updateExtensionConfiguration` on chrome://extensions. `'ON_CLICK'` takes
 * back every host permission the manifest asked for (`permissions.remove()` refuses to: "You cannot
 * remove required permissions"); `'ON_ALL_SITES'` gives them back. Returns each host and whether it
 * is granted now.
 */
export async function setSiteAccess(
  context: BrowserContext,
  extensionId: string,
  hostAccess: HostAccess,
): Promise<Record<string, boolean>> {
  const extensions = await context.newPage();
  await extensions.goto('chrome://extensions/');
  const hosts = await extensions.evaluate(
    async ({ id, access }) => {
      const developer = (chrome as unknown as { developerPrivate: DeveloperPrivate }).developerPrivate;
      await developer.updateExtensionConfiguration({ extensionId: id, hostAccess: access });
      const info = await developer.getExtensionInfo(id);
      return Object.fromEntries(info.permissions.runtimeHostPermissions!.hosts.map((h) => [h.host, h.granted]));
    },
    { id: extensionId, access: hostAccess },
  );
  await extensions.close();
  return hosts;
}

type HostAccess = 'ON_CLICK' | 'ON_SPECIFIC_SITES' | 'ON_ALL_SITES';

interface DeveloperPrivate {
  updateProfileConfiguration(update: { inDeveloperMode: boolean }): Promise<void>;
  getProfileConfiguration(): Promise<{ inDeveloperMode: boolean }>;
  updateExtensionConfiguration(update: { extensionId: string; hostAccess: HostAccess }): Promise<void>;
  getExtensionInfo(id: string): Promise<{
    permissions: { runtimeHostPermissions?: { hostAccess: HostAccess; hosts: { host: string; granted: boolean }[] } };
  }>;
}
