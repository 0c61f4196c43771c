/**
 * Capture end to end: the toolbar click on LinkedIn, Doximity and listing
 * pages served at their real URLs, LinkedIn's in-page navigation, the in-page
 * picker, and a hostile page that must stay plain text everywhere.
 *
 * The toolbar click is made through the DevTools protocol
 * (Extensions.triggerAction, which needs --enable-unsafe-extension-debugging):
 * it grants activeTab exactly as a user's click does, which pages other than
 * LinkedIn's and Doximity's need. The popup is then opened as a page
 * (popup.html?tab=<id>) to read what it shows.
 */
import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { launchWithExtension } from '../../scripts/chromium';
import { clickToolbar, fixture, serve } from './fixtures';

const test = base.extend<{ context: BrowserContext; worker: Worker; extensionId: string }>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const { context } = await launchWithExtension({ headless: true, args: ['--enable-unsafe-extension-debugging'] });
    // Nothing may leave the machine: any request not routed by a test fails fast.
    await context.route(/^https?:\/\//, (route) => route.abort());
    await use(context);
    await context.close();
  },
  worker: async ({ context }, use) => {
    const worker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    await use(worker);
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
});

const publicProfile = fixture('linkedin/profile-public');
const resident = fixture('linkedin/profile-resident');
const hostile = fixture('linkedin/profile-hostile');
const doximity = fixture('doximity/profile');
const grid = fixture('web/residents-grid');
// A name heading without a profile's signs: nobody is saved, and the form starts from what the page shows.
const noPerson = fixture('web/name-without-profile');

const pathOf = (url: string) => new URL(url).pathname;

/** Opens `url` in a new tab and returns it with the tab's id (the newest tab: Rapport cannot see other sites' URLs). */
async function openTab(context: BrowserContext, worker: Worker, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await context.newPage();
  await page.goto(url);
  const tabId = await worker.evaluate(async () => Math.max(...(await chrome.tabs.query({})).map((t) => t.id ?? 0)));
  return { page, tabId };
}

async function openPopup(context: BrowserContext, extensionId: string, tabId: number): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

function actionTitle(worker: Worker, tabId: number): Promise<string> {
  return worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);
}

test('one toolbar click saves a public LinkedIn profile and leaves the page untouched', async ({ context, worker, extensionId }) => {
  await serve(context, publicProfile.url, { [pathOf(publicProfile.url)]: publicProfile.html });
  const { page, tabId } = await openTab(context, worker, publicProfile.url);
  const before = await page.evaluate(() => document.documentElement.outerHTML);

  const popup = await openPopup(context, extensionId, tabId);
  const card = popup.getByTestId('saved-card');
  await expect(card).toContainText('Saved to Rapport');
  await expect(card.getByTestId('contact-name')).toContainText("Daniel O'Connor-Nguyen");
  expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
  await expect.poll(() => actionTitle(worker, tabId)).toContain("Daniel O'Connor-Nguyen is saved");
});

test('one toolbar click saves a Doximity profile and leaves the page untouched', async ({ context, worker, extensionId }) => {
  await serve(context, doximity.url, { [pathOf(doximity.url)]: doximity.html });
  const { page, tabId } = await openTab(context, worker, doximity.url);
  const before = await page.evaluate(() => document.documentElement.outerHTML);

  const popup = await openPopup(context, extensionId, tabId);
  await expect(popup.getByTestId('saved-card').getByTestId('contact-name')).toContainText('Elena Vásquez-Ruiz');
  expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
});

test('after LinkedIn moves to another profile in the page, the icon and a save follow the new person', async ({ context, worker, extensionId }) => {
  await serve(context, publicProfile.url, {
    [pathOf(publicProfile.url)]: publicProfile.html,
    [pathOf(resident.url)]: resident.html,
  });
  const { page, tabId } = await openTab(context, worker, publicProfile.url);
  const first = await openPopup(context, extensionId, tabId);
  await expect(first.getByTestId('saved-card')).toContainText("O'Connor-Nguyen");
  await first.close();
  await expect.poll(() => actionTitle(worker, tabId)).toContain("O'Connor-Nguyen is saved");

  // LinkedIn's in-page navigation: a pushState to the next profile and a new body; the head stays stale.
  await page.evaluate(
    ({ url, html }) => {
      history.pushState({}, '', url);
      const next = new DOMParser().parseFromString(html, 'text/html');
      document.body.replaceWith(document.adoptNode(next.body));
    },
    { url: resident.url, html: resident.html },
  );
  await expect.poll(() => actionTitle(worker, tabId)).toContain('save this person');

  const second = await openPopup(context, extensionId, tabId);
  const card = second.getByTestId('saved-card');
  await expect(card).toContainText('Saved to Rapport');
  await expect(card.getByTestId('contact-name')).toContainText('Priya Raman');
  await expect.poll(() => actionTitle(worker, tabId)).toContain('Priya Raman is saved');
});

test('on a residents page the picker saves the person clicked, and each resident is a contact of their own', async ({ context, worker, extensionId }) => {
  await serve(context, grid.url, { [pathOf(grid.url)]: grid.html });
  const { page, tabId } = await openTab(context, worker, grid.url);
  await clickToolbar(context, extensionId, grid.url);
  const popup = await openPopup(context, extensionId, tabId);
  await expect(popup.getByTestId('picking')).toContainText('Several people on this page: choose one on the page');
  await expect(page.locator('rapport-chooser')).toHaveCount(1);

  await page.getByRole('heading', { name: 'Hannah Müller, DO' }).click();
  // The popup follows the choice (when it is still open) and offers Undo.
  await expect(popup.getByTestId('saved-card').getByTestId('contact-name')).toContainText('Hannah Müller');
  await expect(page.locator('rapport-chooser')).toHaveCount(0, { timeout: 6_000 });

  // A second resident from the same page is a second contact, not an update of the first.
  await clickToolbar(context, extensionId, grid.url);
  const again = await openPopup(context, extensionId, tabId);
  await expect(again.getByTestId('picking')).toBeVisible();
  await page.getByText('Sofia Reyes, MD').click();
  await expect(again.getByTestId('saved-card').getByTestId('contact-name')).toContainText('Sofia Reyes');

  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  // The panel shows the person just chosen; the list holds both.
  await expect(panel.getByRole('article', { name: 'Sofia Reyes' })).toBeVisible();
  await panel.getByRole('button', { name: '← All contacts' }).click();
  const list = panel.getByTestId('contact-list');
  await expect(list).toContainText('Hannah Müller');
  await expect(list).toContainText('Sofia Reyes');
  await expect(list).not.toContainText('Chidi Okonkwo');
});

test('Esc leaves the picker and the page exactly as it was', async ({ context, worker, extensionId }) => {
  await serve(context, grid.url, { [pathOf(grid.url)]: grid.html });
  const { page, tabId } = await openTab(context, worker, grid.url);
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  await clickToolbar(context, extensionId, grid.url);
  const popup = await openPopup(context, extensionId, tabId);
  await expect(popup.getByTestId('picking')).toBeVisible();
  await expect(page.locator('rapport-chooser')).toHaveCount(1);

  await page.bringToFront();
  await page.keyboard.press('Escape');
  await expect(page.locator('rapport-chooser')).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
  await expect(popup.getByText('No one was saved.')).toBeVisible();
  // The page's own clicks work again: the chooser's listeners are gone.
  const clicked = await page.evaluate(() => {
    let seen = false;
    document.body.addEventListener('click', () => (seen = true), { once: true });
    document.querySelector('h3')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    return seen;
  });
  expect(clicked).toBe(true);
});

test('S9: a page script’s synthetic clicks and Escape cannot choose who is saved or cancel the chooser', async ({ context, worker, extensionId }) => {
  await serve(context, grid.url, { [pathOf(grid.url)]: grid.html });
  const { page, tabId } = await openTab(context, worker, grid.url);
  await clickToolbar(context, extensionId, grid.url);
  const popup = await openPopup(context, extensionId, tabId);
  await expect(popup.getByTestId('picking')).toBeVisible();
  await expect(page.locator('rapport-chooser')).toHaveCount(1);

  // The page's own script: clicks on Chidi's card (pointer events and a click), element.click(), then Escape.
  await page.evaluate(() => {
    const card = [...document.querySelectorAll('h3, h2')].find((h) => h.textContent?.includes('Chidi'))!;
    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
      card.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, composed: true }));
    }
    (card as HTMLElement).click();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  });
  // Still choosing, nothing saved.
  await expect(page.locator('rapport-chooser')).toHaveCount(1);
  await expect(popup.getByTestId('picking')).toBeVisible();

  // The user's own click still chooses.
  await page.getByRole('heading', { name: 'Hannah Müller, DO' }).click();
  await expect(popup.getByTestId('saved-card').getByTestId('contact-name')).toContainText('Hannah Müller');
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await panel.getByRole('button', { name: '← All contacts' }).click();
  await expect(panel.getByTestId('contact-list')).not.toContainText('Chidi Okonkwo');
  await expect(panel.getByTestId('contact-list')).toContainText('Hannah Müller');
});

test('a page about no one says so and offers an add-by-hand form prefilled from what it shows', async ({ context, worker, extensionId }) => {
  await serve(context, noPerson.url, { [pathOf(noPerson.url)]: noPerson.html });
  const { tabId } = await openTab(context, worker, noPerson.url);
  await clickToolbar(context, extensionId, noPerson.url);
  const popup = await openPopup(context, extensionId, tabId);
  await expect(popup.getByTestId('no-person')).toContainText('found no person');
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await popup.getByRole('button', { name: 'Add by hand' }).click();
  await expect(panel.getByRole('heading', { name: 'Add a contact' })).toBeVisible();
  await expect(panel.getByLabel('Profile or page link')).toHaveValue(noPerson.url);
  await expect(panel.getByLabel('Name (required)')).toHaveValue('Maria Gonzalez');
  await expect(panel.getByLabel('Organization or program')).toHaveValue('Lakeside Family Clinic');
  await expect(panel.getByLabel('Email', { exact: true })).toHaveValue('mgonzalez@lakeside.example.org');
});

test('a hostile page is saved as plain text and nothing of it runs in Rapport', async ({ context, worker, extensionId }) => {
  await serve(context, hostile.url, { [pathOf(hostile.url)]: hostile.html });
  const dialogs: string[] = [];
  context.on('page', (p) => p.on('dialog', (d) => {
    dialogs.push(`${p.url()}: ${d.message()}`);
    void d.dismiss();
  }));
  const { page, tabId } = await openTab(context, worker, hostile.url);
  page.on('dialog', (d) => {
    dialogs.push(`page: ${d.message()}`);
    void d.dismiss();
  });

  const popup = await openPopup(context, extensionId, tabId);
  await expect(popup.getByTestId('saved-card').getByTestId('contact-name')).toContainText('<img src=x onerror=alert(1)>');
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
  await expect(panel.getByRole('article')).toBeVisible();
  await panel.getByText('Edit details').click();

  for (const view of [popup, panel]) {
    const report = await view.evaluate(() => ({
      scripts: [...document.querySelectorAll('script')].filter((s) => !s.src.startsWith(location.origin)).length,
      handlers: document.querySelectorAll('[onerror],[onload],[onclick],[onmouseover]').length,
      badLinks: [...document.querySelectorAll('[href],[src]')]
        .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '')
        .filter((link) => {
          if (link.startsWith('/') || link.startsWith('./') || link.startsWith('#')) return false;
          try {
            return !['http:', 'https:', 'mailto:', 'chrome-extension:'].includes(new URL(link, location.href).protocol) && !/^data:image\/(png|jpeg|webp);base64,/.test(link);
          } catch {
            return true;
          }
        }),
      imgs: [...document.querySelectorAll('img')].map((i) => i.getAttribute('src')),
    }));
    expect(report.scripts).toBe(0);
    expect(report.handlers).toBe(0);
    expect(report.badLinks).toEqual([]);
    for (const src of report.imgs) expect(src).not.toBe('x');
  }
  await popup.waitForTimeout(300);
  expect(dialogs).toEqual([]);
});

const authwall = fixture('field/li-authwall');

/** A page the readers find no one on, although it shows a person in a block of its own. */
const CLINIC_URL = 'https://www.fernhill-clinic.example.org/contact';
const CLINIC_HTML = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Contact | Fernhill Clinic</title></head>
<body><header><a href="/">Fernhill Clinic</a></header><main>
<h1>Visit us</h1><p>We are open Monday to Friday, 8 am to 6 pm.</p>
<div class="staff-box"><img src="https://www.fernhill-clinic.example.org/img/solberg.jpg" alt="">
<p><b id="who">Ingrid Solberg, MD</b></p><p>Medical Director</p><p>isolberg [at] fernhill-clinic [dot] example [dot] org</p></div>
<p>Parking is free behind the building.</p></main></body></html>`;

async function startPointingFromPopup(context: BrowserContext, worker: Worker, extensionId: string): Promise<Page> {
  await serve(context, CLINIC_URL, { [pathOf(CLINIC_URL)]: CLINIC_HTML });
  const { page, tabId } = await openTab(context, worker, CLINIC_URL);
  await clickToolbar(context, extensionId, CLINIC_URL);
  const popup = await openPopup(context, extensionId, tabId);
  await expect(popup.getByTestId('no-person')).toContainText('found no person');
  await popup.getByRole('button', { name: 'Point at the person' }).click();
  await expect(page.locator('rapport-pointer')).toHaveCount(1);
  await page.bringToFront();
  return page;
}

test('pointing at the person saves them from that block alone, in two clicks', async ({ context, worker, extensionId }) => {
  const page = await startPointingFromPopup(context, worker, extensionId);
  // Hover the name, grow the box twice (name → paragraph → the person's block), choose it.
  await page.locator('#who').hover();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.locator('rapport-pointer')).toHaveCount(0, { timeout: 8_000 });

  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  const card = panel.getByRole('article', { name: 'Ingrid Solberg' });
  await expect(card).toBeVisible();
  await expect(card).toContainText('Medical Director');
  // The address was written to foil robots; the block's own rules read it.
  await expect(card.locator('input[type="email"]')).toHaveValue('isolberg@fernhill-clinic.example.org');
});

test('pointing ignores events a page script makes, and Esc leaves the page exactly as it was', async ({ context, worker, extensionId }) => {
  const page = await startPointingFromPopup(context, worker, extensionId);
  const before = await page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as Element;
    clone.querySelector('rapport-pointer')?.remove();
    return clone.outerHTML;
  });
  // A page script's forged events choose nothing.
  await page.evaluate(() => {
    const who = document.getElementById('who')!;
    who.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    who.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  });
  await expect(page.locator('rapport-pointer')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.locator('rapport-pointer')).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
  const saved = await worker.evaluate(async () => (await chrome.storage.session.get(null)) as Record<string, { state?: string }>);
  expect(Object.values(saved).some((s) => s?.state === 'saved')).toBe(false);
  // The page's own clicks work again: the pointer's listeners are gone.
  const clicked = await page.evaluate(() => {
    let seen = false;
    document.body.addEventListener('click', () => (seen = true), { once: true });
    document.getElementById('who')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    return seen;
  });
  expect(clicked).toBe(true);
});

test('a LinkedIn sign-in wall saves nobody, says to sign in, and offers no pointing', async ({ context, worker, extensionId }) => {
  await serve(context, authwall.url, { [pathOf(authwall.url)]: authwall.html });
  const { page, tabId } = await openTab(context, worker, authwall.url);
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  const popup = await openPopup(context, extensionId, tabId);
  await expect(popup.getByTestId('no-person')).toContainText('Sign in to LinkedIn to save this profile');
  await expect(popup.getByRole('button', { name: 'Point at the person' })).toHaveCount(0);
  // Asked directly, the background refuses to point on LinkedIn.
  const reply = await popup.evaluate((id) => chrome.runtime.sendMessage({ type: 'point-tab', tabId: id }), tabId);
  expect(reply).toMatchObject({ ok: true, value: { started: false } });
  expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
});
