// No module that produces text for people (storage, import, background, follow-up rules, messages) writes
// English into it: errors, reasons and zod messages are locale keys (model/user-text.ts), said in the
// browser's language. The import worker has no browser.i18n, so what it sends is checked to be keys and values.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError, UserText, say, userText } from '../../../model/user-text';
import { ImportFailure, describeIssue, failureFor } from '../../../portability/issues';
import { createImportSession } from '../../../import-worker/import-session';
import { ImportWorkerEvent } from '../../../messages/import-worker';
import { NewerDataFormatError } from '../../../storage/db';
import { loadLocale, useLocale } from '../locale-messages';
import { findUserFacingLiterals } from './hardcoded-text';

const ROOT = resolve(import.meta.dirname, '../../..');

/** The plain modules whose errors, reasons and messages reach a person. */
const DIRS = ['storage', 'portability', 'background', 'followups', 'messages', 'letters', 'programs', 'contacts', 'entrypoints', 'import-worker', 'platform', 'model', 'overview', 'drafting'];
const FILES = ['capture/page-problem.ts', 'capture/site-problem.ts', 'components/open-side-panel.ts', 'components/contacts/field-validation.ts'];

function tsUnder(dir: string): string[] {
  return readdirSync(resolve(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? tsUnder(path) : /\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Internal words that never reach a person, each with where it stays. */
const INTERNAL = new Set([
  // Thrown and caught on the next line, which says background.pickerFailed instead.
  'background/save-chosen-person.ts: picker not shown',
  // The session's record of why the picker failed, kept in session storage and never shown.
  'background/save-chosen-person.ts: no picker',
  // A broken remote document: the sync engine records it as a coded error (messages/sync.ts), shown through describeSyncError.
  'storage/sync-bindings.ts: A live record came without its fields.',
]);

describe('text for people outside components', () => {
  it('finds English given to errors, throws, reasons and zod checks, and lets keys and console lines through', () => {
    const source = `
      throw new Error('This contact no longer exists.');
      throw new UserError(userText('errors.contactGone'));
      return { ok: false, message: \`The file is \${size}; too big.\` };
      skip.push({ row, reason: 'Already saved; nothing new.' });
      z.string().min(1, 'a name is required');
      z.string().min(1, 'validation.nameRequired');
      console.warn('Rapport: could not recount follow-ups', error);
      const css = { title: 'x' };
      throw new ImportFailure(flag ? 'portability.fileEmpty' : 'Nothing was imported at all.');`;
    expect(findUserFacingLiterals(source).map((f) => `${f.line}: ${f.text}`)).toEqual([
      '2: This contact no longer exists.',
      '4: The file is  ; too big.',
      '5: Already saved; nothing new.',
      '6: a name is required',
      '10: Nothing was imported at all.',
    ]);
  });

  it('no storage, import, background or rules module writes English for people', () => {
    const files = [...DIRS.flatMap(tsUnder), ...FILES];
    expect(files.length).toBeGreaterThan(80);
    const findings = files.flatMap((file) =>
      findUserFacingLiterals(readFileSync(resolve(ROOT, file), 'utf8'), file)
        .filter((f) => !INTERNAL.has(`${file}: ${f.text}`))
        .map((f) => `${file}:${f.line}: ${f.text}`),
    );
    expect(findings).toEqual([]);
  });
});

describe('texts carried as keys', () => {
  const GROUPS = /^(portability|errors|validation)_/;
  /** Identical in both languages on purpose: punctuation around values only. */
  const SAME = new Set(['portability_issue', 'portability_issueInField', 'portability_place_record']);

  it('every portability, errors and validation message reads differently in Spanish', async () => {
    const en = await loadLocale('en');
    const es = await loadLocale('es');
    const keys = Object.keys(en).filter((k) => GROUPS.test(k));
    expect(keys.length).toBeGreaterThan(100);
    const untranslated = keys.filter((k) => !SAME.has(k) && es[k]?.message === en[k]!.message);
    expect(untranslated).toEqual([]);
  });

  it('an import failure and its report lines are said in the browser’s language', async () => {
    const failure = failureFor([{ row: 4, field: 'Email', text: userText('validation.email') }]);
    expect(failure.text).toEqual({ key: 'portability.problems', values: { n: 1 }, count: 1 });
    expect(failure.message).toBe('Nothing was imported: there is 1 problem in the file.');
    expect(describeIssue(failure.issues[0]!)).toBe('Row 4, Email: This is not an email address.');
    await useLocale('es');
    expect(failure.message).toBe('No se importó nada: hay 1 problema en el archivo.');
    expect(describeIssue(failure.issues[0]!)).toBe('Fila 4, Email: No es una dirección de correo electrónico.');
    expect(new UserError(userText('errors.contactGone')).message).toBe('Este contacto ya no existe.');
    expect(new NewerDataFormatError().message).toMatch(/^Tus datos de Rapport/);
    expect(say(userText('portability.csv.tooManyRows', { rows: 120_000, max: 100_000 }))).toMatch(/^El archivo tiene 120,000 filas/);
  });

  it('the worker sends keys and values, never words, and the page checks them', async () => {
    const events: unknown[] = [];
    const session = createImportSession((event) => events.push(event));
    await session.receive({ type: 'read', id: 1, kind: 'csv', file: new Blob(['']) });
    const failed = ImportWorkerEvent.parse(events.at(-1));
    expect(failed).toMatchObject({ type: 'failed', id: 1, text: { key: 'portability.fileEmpty' } });
    expect(failed).not.toHaveProperty('message');
    // A sentence in place of a key is refused on receipt, as any malformed message is.
    expect(UserText.safeParse({ key: 'The file is empty.' }).success).toBe(false);
    expect(UserText.safeParse({ key: 'settings.title' }).success).toBe(false);
    expect(UserText.safeParse({ key: 'portability.fileEmpty', values: { n: 2 } }).success).toBe(true);
    expect(new ImportFailure(userText('portability.fileEmpty'))).toBeInstanceOf(UserError);
  });
});
