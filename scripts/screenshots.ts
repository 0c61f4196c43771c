/**
 * `npm run screenshots`: the side panel with realistic data, light and dark,
 * for the README (docs/*.png). Needs `npm run build` first.
 */
import { resolve } from 'node:path';
import { launchWithExtension } from './chromium';
import { PEOPLE, seedContacts } from '../tests/e2e/seed';

const out = (name: string) => resolve(import.meta.dirname, '../docs', name);
const { context, extensionId } = await launchWithExtension({ headless: true });
const page = await context.newPage();
await page.setViewportSize({ width: 400, height: 720 });
await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
await seedContacts(page, PEOPLE);
await page.reload();
await page.getByTestId('result-count').waitFor();
for (const scheme of ['light', 'dark'] as const) {
  await page.emulateMedia({ colorScheme: scheme });
  await page.screenshot({ path: out(`sidepanel-list-${scheme}.png`) });
}
await page.getByRole('button', { name: /Wen Li/ }).click();
await page.getByRole('button', { name: 'Mark message sent' }).click();
await page.getByTestId('timeline').getByText('Message sent').waitFor();
for (const scheme of ['light', 'dark'] as const) {
  await page.emulateMedia({ colorScheme: scheme });
  await page.screenshot({ path: out(`sidepanel-detail-${scheme}.png`) });
}
await context.close();
console.log('Screenshots written to docs/.');
