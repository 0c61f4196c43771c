/**
 * Vitest's global setup: the locale files are parsed once for the whole run, in the main process, and handed to every
 * test file (`inject('localeMessages')`, read by locale-messages.ts). Parsing them in each file (a YAML parser's
 * import and 1,100 keys, twice) was a sixth of a file's start on a busy machine, repeated for a hundred files.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import type { TestProject } from 'vitest/node';

export type ChromeMessages = Record<string, { message: string }>;

declare module 'vitest' {
  export interface ProvidedContext {
    /** Each locale of locales/ (`en`, `es`) as the browser reads it from _locales/<locale>/messages.json. */
    localeMessages: Record<string, ChromeMessages>;
  }
}

const LOCALES_DIR = resolve(import.meta.dirname, '../../locales');

async function readLocales(): Promise<Record<string, ChromeMessages>> {
  const out: Record<string, ChromeMessages> = {};
  for (const file of readdirSync(LOCALES_DIR).filter((name) => name.endsWith('.yml'))) {
    out[file.slice(0, -'.yml'.length)] = generateChromeMessages(await parseMessagesFile(resolve(LOCALES_DIR, file))) as ChromeMessages;
  }
  return out;
}

export default async function provideLocales(project: TestProject): Promise<void> {
  project.provide('localeMessages', await readLocales());
}
