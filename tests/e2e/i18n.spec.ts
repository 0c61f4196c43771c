// The interface follows the browser's language: Chromium started in Spanish shows the side panel in Spanish.
import { launchWithExtension } from '../../scripts/chromium';
import { expect, test } from './fixtures';

test('a browser in Spanish shows the side panel in Spanish and marks the page as Spanish', async () => {
  const { context, extensionId } = await launchWithExtension({ headless: true, lang: 'es' });
  try {
    await context.route(/^https?:\/\//, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await expect(page.getByRole('heading', { name: 'Aún no hay contactos' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Añadir un contacto' }).first()).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', /^es/);
  } finally {
    await context.close();
  }
});
