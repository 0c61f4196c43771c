/**
 * `npm start`: opens Chromium with the built extension on a bundled demo
 * profile, served at a LinkedIn-style address, so that a newcomer can try a
 * one-click save without any account.
 *
 * `npm start -- --headless` runs the same flow without a display: it saves the
 * demo person as the toolbar click would, then prints the saved record and the badge.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { badgeText, launchWithExtension, tabIdOf } from './chromium';
import { withoutSearchFields } from '../storage/search-fields';

const DEMO_URL = 'https://www.linkedin.com/in/jordan-ellis-demo/';
const DEMO_HTML = readFileSync(resolve(import.meta.dirname, '../demo/linkedin-profile.html'), 'utf8');
const headless = process.argv.includes('--headless');

const { context, worker, extensionId } = await launchWithExtension({
  headless,
  userDataDir: headless ? '' : resolve(import.meta.dirname, '../.demo-profile'),
});

// Serve the demo page at its real address; refuse every other LinkedIn request.
await context.route('https://www.linkedin.com/**', (route) =>
  new URL(route.request().url()).pathname === new URL(DEMO_URL).pathname
    ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: DEMO_HTML })
    : route.fulfill({ status: 404, body: 'Only the demo profile is served here.' }),
);
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(DEMO_URL);

if (!headless) {
  console.log('Chromium is open on a demo LinkedIn profile.');
  console.log('Pin Rapport (the puzzle icon in the toolbar), click its icon to save Jordan Ellis,');
  console.log('then choose "Open in side panel". Close the browser window to finish.');
  await new Promise<void>((done) => context.on('close', () => done()));
  process.exit(0);
}

const tabId = await tabIdOf(worker, `${DEMO_URL}*`);
const popup = await context.newPage();
await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
await popup.getByTestId('saved-card').waitFor({ timeout: 15_000 });
const saved = await popup.evaluate(
  () =>
    new Promise<unknown[]>((done, fail) => {
      const request = indexedDB.open('rapport');
      request.onerror = () => fail(request.error);
      request.onsuccess = () => {
        const all = request.result.transaction('contacts').objectStore('contacts').getAll();
        all.onsuccess = () => done(all.result);
        all.onerror = () => fail(all.error);
      };
    }),
);
console.log('Saved to Rapport:');
console.log(JSON.stringify(saved.map(withoutSearchFields), null, 2));
console.log(`Badge: "${await badgeText(worker)}" (follow-ups due; empty means none)`);
await context.close();
