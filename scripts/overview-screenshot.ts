/**
 * `npm run screenshot:overview`: docs/overview.png, the README's picture of the Overview, taken from the
 * built extension (run `npx wxt build` first) over a generated season of 400 contacts (bench/generate.ts),
 * the same data the Overview's benchmark uses. Apart from npm test, which never writes into the repository.
 */
import { resolve } from 'node:path';
import { generateContacts, generateSeason } from '../bench/generate';
import { putContactRows, putRows } from '../bench/seed-page';
import { withFunnelKeys, withOutreachKeys } from '../storage/overview-keys';
import { withSearchFields } from '../storage/search-fields';
import { launchWithExtension } from './chromium';

const OUT = resolve(import.meta.dirname, '../docs/overview.png');
const { context, extensionId } = await launchWithExtension({ headless: true });
await context.route(/^https?:\/\//, (route) => route.abort());
const page = await context.newPage();
await page.setViewportSize({ width: 400, height: 1180 });
await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
await page.locator('h1').waitFor();

const season = generateSeason(generateContacts(400));
// Rows as the database's middleware would store them (it is bypassed here).
await putContactRows(page, season.contacts.map((c) => withFunnelKeys(withSearchFields(c))));
await putRows(page, 'interactions', season.interactions.map(withOutreachKeys));

await page.reload();
await page.getByRole('button', { name: 'Overview', exact: true }).click();
await page.waitForFunction(() => performance.getEntriesByName('rapport:overview-ready').length > 0, undefined, { timeout: 60_000 });
await page.emulateMedia({ colorScheme: 'light' });
await page.screenshot({ path: OUT });
await context.close();
console.log(`Wrote ${OUT}`);
