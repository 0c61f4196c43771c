import { Contact } from '../../model/schemas';
import { i18n } from '#i18n';

type Shape = typeof Contact.shape;

/** Checks one field's value against the contact schema; returns a message a person can act on, or nothing. */
export function fieldError<K extends keyof Shape>(field: K, value: unknown): string | undefined {
  const result = Contact.shape[field].safeParse(value);
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  if (!issue) return i18n.t('contacts.invalidValue');
  if (issue.code === 'too_big') return i18n.t('contacts.tooLong');
  if (issue.code === 'invalid_format' && issue.format === 'email') return i18n.t('contacts.notAnEmail');
  return issue.message.startsWith('Invalid') ? i18n.t('contacts.invalidValue') : issue.message;
}
