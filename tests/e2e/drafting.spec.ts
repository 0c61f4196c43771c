import { addDays, format } from 'date-fns';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { tabIdOf } from '../../scripts/chromium';
import { expect, fixture, serve, test } from './fixtures';

const resident = fixture('linkedin/profile-resident');

/**
 * What the user would paste. Chromium will not grant clipboard permissions to
 * an extension's origin, so the text is read from an ordinary page that may
 * read the (browser-wide) clipboard.
 */
async function readClipboard(context: BrowserContext): Promise<string> {
  const reader = 'https://clipboard-reader.test';
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: reader });
  await serve(context, reader, { '/': '<!doctype html><title>Clipboard</title>' });
  const page = await context.newPage();
  await page.goto(`${reader}/`);
  await page.bringToFront();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  await page.close();
  return text;
}
const path = new URL(resident.url).pathname;

/** Accessibility problems axe finds on the page, all impacts. */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.impact}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('a draft for a saved resident: template, personal line, copy, mark as sent, timeline and follow-up', async ({
  context,
  worker,
  extensionId,
}) => {
  const origin = `chrome-extension://${extensionId}`;

  // Save Priya from her LinkedIn profile, as a user would with the toolbar button.
  await serve(context, resident.url, { [path]: resident.html });
  const linkedin = await context.newPage();
  await linkedin.goto(resident.url);
  const tabId = await tabIdOf(worker, 'https://www.linkedin.com/*');
  const popup = await context.newPage();
  await popup.goto(`${origin}/popup.html?tab=${tabId}`);
  await expect(popup.getByTestId('saved-card')).toContainText('Priya Raman');
  await popup.close();

  // The user's own profile, which templates use; "Penn Med" is where Priya studied, spelled differently.
  const panel = await context.newPage();
  await panel.goto(`${origin}/sidepanel.html`);
  await panel.getByRole('button', { name: 'Settings', exact: true }).click();
  for (const [label, value] of [
    ['Your name', 'Alex Kim'],
    ['Your school', 'Penn Med'],
    ['Year or class', 'MS4'],
    ['Specialty of interest', 'internal medicine'],
  ] as const) {
    await panel.getByLabel(label, { exact: true }).fill(value);
    await panel.getByLabel(label, { exact: true }).blur();
  }
  await expect(panel.getByTestId('settings-view')).toContainText('Saved.');

  await panel.getByRole('button', { name: 'Contacts', exact: true }).click();
  await panel.getByRole('button', { name: /Priya Raman/ }).click();
  await panel.getByRole('tab', { name: 'Draft' }).click();
  await expect(panel.getByRole('tab', { name: 'Draft' })).toHaveAttribute('aria-selected', 'true');
  const composer = panel.getByTestId('draft-composer');
  await expect(composer.getByTestId('shared-school')).toHaveText(
    'You both studied at Perelman School of Medicine at the University of Pennsylvania.',
  );

  await composer.getByLabel('Template', { exact: true }).selectOption({ label: 'Alumni outreach (shared school)' });
  const preview = composer.getByTestId('message-preview');
  await expect(preview).toContainText('Hi Priya,');
  await expect(preview).toContainText('I am Alex Kim, MS4 at Penn Med, where you also studied.');
  await expect(preview).toContainText('Resident Physician, Internal Medicine at UCSF Health');

  // Copying waits for the personal sentence.
  const copyButton = composer.getByRole('button', { name: 'Copy message' });
  await expect(copyButton).toBeDisabled();
  await expect(composer.getByTestId('draft-blockers')).toContainText('Write your personal sentence first.');
  const personal = 'Your note about cardiology in underserved communities is exactly the work I hope to do.';
  await composer.getByLabel('Your personal sentence').fill(personal);
  await expect(copyButton).toBeEnabled();

  // A variable with no value (Priya's profile names no specialty) is highlighted and blocks copying.
  const body = composer.getByRole('textbox', { name: 'Message', exact: true });
  await body.press('Control+End');
  await body.pressSequentially('\nP.S. {{spec');
  const option = composer.getByRole('listbox', { name: 'Variables' }).getByRole('option', { name: /\{\{specialty\}\}/ });
  await expect(option).toBeVisible();
  expect(await axeViolations(panel)).toEqual([]);
  await body.press('Enter');
  await body.pressSequentially(' it is.');
  await expect(body).toHaveValue(/P\.S\. \{\{specialty\}\} it is\.$/);
  await expect(composer.getByTestId('missing-variable')).toHaveText(/\{\{specialty\}\}/);
  await expect(copyButton).toBeDisabled();
  await expect(composer.getByTestId('draft-blockers')).toContainText('No value yet for {{specialty}}');
  expect(await axeViolations(panel)).toEqual([]);
  await composer.getByLabel(/Specialty \{\{specialty\}\}/).fill('Internal Medicine');
  await expect(preview).toContainText('P.S. Internal Medicine it is.');
  await expect(composer.getByTestId('missing-variable')).toHaveCount(0);
  await expect(composer.getByTestId('count-message')).toContainText('/ 8,000 characters');

  // The draft survives closing the panel.
  await panel.waitForTimeout(800);
  await panel.reload();
  await panel.getByRole('button', { name: /Priya Raman/ }).click();
  await panel.getByRole('tab', { name: 'Draft' }).click();
  await expect(composer.getByLabel('Your personal sentence')).toHaveValue(personal);
  await expect(composer.getByLabel('Template', { exact: true })).toHaveValue('builtin:alumni');
  await expect(preview).toContainText('P.S. Internal Medicine it is.');

  // Copy, and read back what the user would paste.
  await composer.getByRole('button', { name: 'Copy message' }).click();
  await expect(composer.getByTestId('draft-notice')).toContainText('Copied the message');
  const copied = await readClipboard(context);
  expect(copied).toContain('Hi Priya,\n\nI am Alex Kim, MS4 at Penn Med, where you also studied.');
  expect(copied).toContain(personal);
  expect(copied).toContain('Alex Kim\nMS4, Penn Med');
  expect(copied).not.toMatch(/\{\{|\[\[/);

  // The same text is far too long for a connection note: the count says so.
  const sendAs = composer.getByLabel(/^Send as/);
  await sendAs.selectOption('linkedin_connection');
  await expect(composer.getByTestId('count-message')).toContainText('/ 200 characters');
  await expect(composer.getByTestId('count-message')).toContainText('over the LinkedIn connection note limit');
  await sendAs.selectOption('linkedin_message');
  await expect(composer.getByTestId('count-message')).not.toContainText('over');

  // Mark as sent: logged on the timeline, follow-up clock started from the cadence (7 days).
  await composer.getByRole('button', { name: 'Mark as sent' }).click();
  const expectedDue = format(addDays(new Date(), 7), 'yyyy-MM-dd');
  await expect(composer.getByTestId('draft-notice')).toContainText('Logged on the timeline. Next follow-up:');
  await panel.getByRole('tab', { name: 'Details' }).click();
  const timeline = panel.getByTestId('timeline');
  await expect(timeline).toContainText('Message sent');
  await expect(timeline).toContainText('LinkedIn');
  await expect(timeline).toContainText(personal);
  await expect(panel.getByLabel('Status')).toHaveValue('awaiting_reply');
  await expect(panel.getByLabel('Next follow-up')).toHaveValue(expectedDue);

  // The sent draft is gone; the next draft suggests the first follow-up.
  await panel.getByRole('tab', { name: 'Draft' }).click();
  await expect(composer.getByLabel('Template', { exact: true })).toHaveValue('builtin:follow-up-1');
  await expect(composer.getByLabel('Your personal sentence')).toHaveValue('');
});

test('templates: unknown variables are errors, autocompletion inserts variables, built-ins restore', async ({ context, extensionId }) => {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await panel.getByRole('button', { name: 'Templates', exact: true }).click();
  await expect(panel.getByTestId('templates-view')).toContainText('Informational conversation request');

  await panel.getByRole('button', { name: 'New template' }).click();
  const editor = panel.getByTestId('template-editor');
  await editor.getByLabel('Name').fill('Quick hello');
  const body = editor.getByRole('textbox', { name: 'Message', exact: true });
  await body.fill('Hi {{frstName}},\n[[Your personal sentence: why them]]\n');
  await expect(editor.getByTestId('template-problems')).toContainText('{{frstName}} is not a variable Rapport knows.');
  await expect(editor.getByRole('button', { name: 'Create template' })).toBeDisabled();
  expect(await axeViolations(panel)).toEqual([]);

  await body.fill('Hi ');
  await body.press('End');
  await body.pressSequentially('{{fir');
  await expect(editor.getByRole('listbox', { name: 'Variables' }).getByRole('option', { name: /\{\{firstName\}\}/ })).toBeVisible();
  await body.press('Enter');
  // The chosen variable is in before typing on (as a person would see it before going on).
  await expect(body).toHaveValue('Hi {{firstName}}');
  await body.pressSequentially(',\n[[Your personal sentence: why them]]');
  await expect(body).toHaveValue('Hi {{firstName}},\n[[Your personal sentence: why them]]');
  await expect(editor.getByText('No problems found.')).toBeVisible();
  // With no contact saved, the preview uses a sample person.
  await expect(editor.getByTestId('template-preview')).toContainText('Hi Jordan,');
  // Saved as typed: no button to press.
  await expect(editor.getByText('Saved', { exact: true })).toBeVisible();

  await editor.getByRole('button', { name: '← All templates' }).click();
  await expect(panel.getByRole('region', { name: 'Your templates' }).getByRole('button', { name: /Quick hello/ })).toBeVisible();

  // Delete a built-in, then restore the built-ins.
  await panel.getByRole('button', { name: /Conference follow-up/ }).click();
  await editor.getByRole('button', { name: 'Delete' }).click();
  await editor.getByRole('group', { name: 'Delete this template?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(panel.getByRole('button', { name: /Conference follow-up/ })).toHaveCount(0);
  await panel.getByRole('button', { name: 'Restore built-ins' }).click();
  await panel.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(panel.getByRole('button', { name: /Conference follow-up/ })).toBeVisible();
  await expect(panel.getByRole('button', { name: /Quick hello/ })).toBeVisible();
  expect(await axeViolations(panel)).toEqual([]);

  await panel.getByRole('button', { name: 'Settings', exact: true }).click();
  const drafting = panel.getByTestId('drafting-settings');
  await drafting.getByLabel('I have LinkedIn Premium').click();
  await expect(drafting.getByLabel('I have LinkedIn Premium')).toBeChecked();
  await expect(drafting).toContainText('Connection notes can then be up to 300 characters instead of 200.');
  await drafting.getByLabel('LinkedIn connection note (free account)').fill('180');
  await drafting.getByLabel('LinkedIn connection note (free account)').blur();
  await expect(drafting).toContainText('instead of 180.');
  await expect(drafting).toContainText('Saved.');
  expect(await axeViolations(panel)).toEqual([]);
});
