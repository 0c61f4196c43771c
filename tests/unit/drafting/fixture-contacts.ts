/** Contacts built from the capture fixtures, as the drafting tests see them. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Capture, Contact, DEFAULT_SETTINGS, Settings } from '../../../model/schemas';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');

export function fixtureContact(path: string, extra: Partial<Contact> = {}): Contact {
  const json = JSON.parse(readFileSync(resolve(FIXTURES, `${path}.json`), 'utf8')) as { expect: Record<string, unknown> };
  const expected = { ...json.expect };
  // Fixture files may describe a field as a set of accepted values; take the first.
  for (const [key, value] of Object.entries(expected)) {
    if (value === null) delete expected[key];
    if (value && typeof value === 'object' && 'anyOf' in value) expected[key] = (value as { anyOf: unknown[] }).anyOf[0];
  }
  const capture = Capture.parse(expected);
  const { profileUrl: _url, notLoaded: _notLoaded, ...fields } = capture;
  return Contact.parse({ ...fields, id: path, createdAt: 1, updatedAt: 1, ...extra });
}

export const FIXTURE_PATHS = [
  'linkedin/profile-resident',
  'linkedin/profile-public',
  'doximity/profile',
  'linkedin/profile-hostile',
] as const;

export const ME: Settings = Settings.parse({
  ...DEFAULT_SETTINGS,
  myName: 'Alex Kim',
  mySchool: 'Penn Med',
  myYear: 'MS4',
  mySpecialty: 'internal medicine',
  myAamcId: '12345678',
  signature: 'Alex Kim\nMS4, Perelman School of Medicine',
});
