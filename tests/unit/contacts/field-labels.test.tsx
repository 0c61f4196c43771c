/**
 * One table of a contact's fields (model/contact-fields.ts): every field of `Contact` is in it and has a name on
 * screen in both locales; the contact form and the page-changes list show those names, and the CSV export and
 * the import's column names use its headers.
 */
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { ContactFields } from '../../../components/contacts/ContactFields';
import { fieldLabel } from '../../../components/labels';
import { CONTACT_FIELDS, CONTACT_FIELD_NAMES, csvHeader } from '../../../model/contact-fields';
import { Contact } from '../../../model/schemas';
import { IMPORT_TARGETS, TARGET_LABELS } from '../../../portability/csv-columns';
import { CSV_COLUMNS } from '../../../portability/csv-export';
import { saveCapture } from '../../../storage/contacts';
import { capture } from '../helpers';
import { loadLocale, useLocale } from '../locale-messages';
import { reactHostForEachTest } from '../react-host';

const screen = reactHostForEachTest();

describe('the table of contact fields', () => {
  it('names every field of a contact, and nothing else', () => {
    expect([...CONTACT_FIELD_NAMES].sort()).toEqual(Object.keys(Contact.shape).sort());
  });

  it('every field has a label in English and Spanish', async () => {
    for (const locale of ['en', 'es']) {
      const messages = await loadLocale(locale);
      const missing = CONTACT_FIELD_NAMES.filter((field) => !messages[`labels_field_${field}`]?.message.trim());
      expect(missing, locale).toEqual([]);
    }
  });

  it('the CSV export and the import’s column names use its headers', () => {
    const headers = CSV_COLUMNS.map((column) => column.header);
    const headerOf = (field: string) => (CONTACT_FIELDS as Record<string, { csv?: string }>)[field]?.csv;
    const own = CONTACT_FIELD_NAMES.filter((field) => headerOf(field) !== undefined);
    expect(own.length).toBeGreaterThan(20);
    for (const field of own) expect(headers, field).toContain(headerOf(field));
    for (const target of IMPORT_TARGETS) {
      if (headerOf(target)) expect(TARGET_LABELS[target], target).toBe(headerOf(target));
    }
    expect(csvHeader('fullName')).toBe('Full name');
  });

  it('the contact form names its fields from the table, in the interface’s language', async () => {
    await useLocale('es');
    const { contact } = await saveCapture(capture());
    await screen.render(createElement(ContactFields, { contact }));
    const labels = [...screen.host.querySelectorAll('label')].map((label) => label.firstChild?.textContent);
    for (const field of ['fullName', 'organization', 'photoUrl', 'about'] as const) expect(labels).toContain(fieldLabel(field));
    expect(fieldLabel('organization')).toBe('Organización o programa');
  });
});
