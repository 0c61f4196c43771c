/**
 * `npm run screenshots`: pictures of the real, built extension (run `npm run build` first).
 * - docs/*.png: the side panel with realistic data, light and dark, for the README.
 * - docs/store/*.png: the stores' 1280×800 screenshots, light and dark. Each is made of
 *   real screenshots (the demo profile page, the popup after a save, the side panel) laid
 *   out as the browser shows them, because the toolbar popup and the side panel themselves
 *   sit outside any page a script can capture.
 */
import { mkdirSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { launchWithExtension, tabIdOf } from './chromium';
import { PEOPLE, seedContacts } from '../tests/e2e/seed';

type Scheme = 'light' | 'dark';
const out = (name: string) => resolve(import.meta.dirname, '../docs', name);
mkdirSync(out('store'), { recursive: true });
const STORE = { width: 1280, height: 800 };
const PANEL_WIDTH = 400;
const DEMO_URL = 'https://www.linkedin.com/in/jordan-ellis-demo/';
const DEMO_HTML = readFileSync(resolve(import.meta.dirname, '../demo/linkedin-profile.html'), 'utf8');
const LAYOUT_URL = 'https://layout.rapport.test/';
/**
 * The demo page is LinkedIn's markup without LinkedIn's stylesheets (which are not ours to
 * ship). For the store pictures it gets a plain profile-page look of its own, light and dark;
 * the extension's pages are shown exactly as they are.
 */
const BACKDROP_CSS = `
  :root { color-scheme: light dark; --bg: #f4f2ee; --card: #fff; --text: rgba(0,0,0,.9); --muted: rgba(0,0,0,.6); --line: rgba(0,0,0,.08); --accent: #0a66c2; }
  @media (prefers-color-scheme: dark) { :root { --bg: #000; --card: #1b1f23; --text: rgba(255,255,255,.9); --muted: rgba(255,255,255,.6); --line: rgba(255,255,255,.12); --accent: #71b7fb; } }
  body { margin: 0; background: var(--bg); color: var(--text); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
  img, .visually-hidden { display: none !important; }
  a { color: inherit; text-decoration: none; }
  ul { list-style: none; padding: 0; margin: 4px 0; }
  button { font: inherit; color: inherit; background: none; border: 0; padding: 0; text-align: left; }
  .global-nav { background: var(--card); border-bottom: 1px solid var(--line); height: 52px; display: flex; align-items: center; padding: 0 32px; }
  .global-nav a { font-weight: 700; color: var(--accent); }
  .scaffold-layout { max-width: 720px; margin: 20px auto; padding: 0 24px; }
  section { background: var(--card); border-radius: 8px; box-shadow: 0 0 0 1px var(--line); padding: 20px 24px; margin-bottom: 12px; }
  h1 { font-size: 24px; margin: 6px 0 2px; } h2 { font-size: 20px; margin: 0 0 8px; }
  .t-black--light, .t-14.t-normal { color: var(--muted); }
  .artdeco-button { display: inline-block; border-radius: 16px; padding: 4px 16px; margin: 8px 8px 0 0; font-weight: 600; border: 1px solid var(--accent); color: var(--accent); }
  .artdeco-button--primary { background: var(--accent); color: var(--card); }
`;

const { context, worker, extensionId } = await launchWithExtension({ headless: true });
const origin = `chrome-extension://${extensionId}`;
// Nothing leaves the machine: the demo profile and the layout page are served here, everything else refused.
await context.route(/^https?:\/\//, (route) => route.abort());
await context.route('https://www.linkedin.com/**', (route) =>
  new URL(route.request().url()).pathname === new URL(DEMO_URL).pathname
    ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: DEMO_HTML })
    : route.fulfill({ status: 404, body: '' }),
);
await context.route(`${LAYOUT_URL}**`, (route) =>
  route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>Layout</title>' }),
);

// The demo person is saved through the popup, as a click on the toolbar icon does.
const demo = await context.newPage();
await demo.setViewportSize({ width: STORE.width - PANEL_WIDTH, height: STORE.height });
await demo.goto(DEMO_URL);
await demo.addStyleTag({ content: BACKDROP_CSS });
const tabId = await tabIdOf(worker, `${DEMO_URL}*`);
const popup = await context.newPage();
await popup.setViewportSize({ width: 360, height: 340 });
await popup.goto(`${origin}/popup.html?tab=${tabId}`);
await popup.getByTestId('saved-card').waitFor({ timeout: 20_000 });

// The side panel over a realistic store (the demo person included).
const panel = await context.newPage();
await panel.setViewportSize({ width: 400, height: 720 });
await panel.goto(`${origin}/sidepanel.html`);
await seedContacts(panel, PEOPLE);
await panel.reload();
await panel.getByTestId('result-count').waitFor();

async function shot(page: Page, scheme: Scheme): Promise<string> {
  await page.emulateMedia({ colorScheme: scheme });
  return (await page.screenshot()).toString('base64');
}

/**
 * Lays real screenshots out at 1280×800: the page on the left and the side panel on the
 * right as Chrome docks it, or the page full width with the popup under the toolbar.
 */
async function compose(context: BrowserContext, file: string, scheme: Scheme, page: string, aside: { image: string; as: 'panel' | 'popup' }) {
  const layout = await context.newPage();
  await layout.setViewportSize(STORE);
  await layout.goto(LAYOUT_URL);
  await layout.emulateMedia({ colorScheme: scheme });
  await layout.evaluate(
    ({ page, aside, scheme, panelWidth }) => {
      // No named inner functions: tsx would wrap them in a helper this page does not have.
      const dark = scheme === 'dark';
      const border = `1px solid ${dark ? '#3a3d44' : '#d0d4da'}`;
      document.body.style.cssText = `margin:0;width:1280px;height:800px;overflow:hidden;position:relative;background:${dark ? '#1b1d21' : '#fff'}`;
      const images: [string, string][] =
        aside.as === 'panel'
          ? [
              [page, 'left:0;top:0;'],
              [aside.image, `right:0;top:0;width:${panelWidth}px;height:800px;object-fit:cover;object-position:top;border-left:${border}`],
            ]
          : [
              [page, 'left:0;top:0;width:1280px;height:800px;object-fit:cover;object-position:left top;'],
              [aside.image, `right:24px;top:12px;border-radius:8px;box-shadow:0 8px 28px rgba(0,0,0,.35);border:${border}`],
            ];
      for (const [src, css] of images) {
        const el = document.createElement('img');
        el.src = `data:image/png;base64,${src}`;
        el.style.cssText = `position:absolute;display:block;${css}`;
        document.body.append(el);
      }
    },
    { page, aside, scheme, panelWidth: PANEL_WIDTH },
  );
  await layout.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
  await layout.screenshot({ path: out(`store/${file}-${scheme}.png`) });
  await layout.close();
}

for (const scheme of ['light', 'dark'] as const) {
  await panel.setViewportSize({ width: 400, height: 720 });
  await panel.emulateMedia({ colorScheme: scheme });
  await panel.screenshot({ path: out(`sidepanel-list-${scheme}.png`) });

  // 1. One click saves the person on the page.
  await demo.setViewportSize({ width: STORE.width, height: STORE.height });
  await compose(context, '1-save', scheme, await shot(demo, scheme), { image: await shot(popup, scheme), as: 'popup' });

  // 2. The contacts, beside the page.
  await demo.setViewportSize({ width: STORE.width - PANEL_WIDTH, height: STORE.height });
  await panel.setViewportSize({ width: PANEL_WIDTH, height: STORE.height });
  await compose(context, '2-contacts', scheme, await shot(demo, scheme), { image: await shot(panel, scheme), as: 'panel' });
}

// 3. A contact: a message marked as sent starts the follow-up clock.
await panel.getByRole('button', { name: /Wen Li/ }).click();
await panel.getByRole('button', { name: 'Mark message sent' }).click();
await panel.getByTestId('timeline').getByText('Message sent').waitFor();
for (const scheme of ['light', 'dark'] as const) {
  await panel.setViewportSize({ width: 400, height: 720 });
  await panel.emulateMedia({ colorScheme: scheme });
  await panel.screenshot({ path: out(`sidepanel-detail-${scheme}.png`) });
  await panel.setViewportSize({ width: PANEL_WIDTH, height: STORE.height });
  await compose(context, '3-contact', scheme, await shot(demo, scheme), { image: await shot(panel, scheme), as: 'panel' });
}
await context.close();
console.log('Screenshots written to docs/ and docs/store/ (1280×800).');
