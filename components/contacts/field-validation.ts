import { Contact } from '../../storage/schemas';

type Shape = typeof Contact.shape;

/** Checks one field's value against the contact schema; returns a message a person can act on, or nothing. */
export function fieldError<K extends keyof Shape>(field: K, value: unknown): string | undefined {
  const result = Contact.shape[field].safeParse(value);
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  if (!issue) return 'This value is not valid.';
  if (issue.code === 'too_big') return 'This is too long.';
  if (issue.code === 'invalid_format' && issue.format === 'email') return 'This is not an email address.';
  return issue.message.startsWith('Invalid') ? 'This value is not valid.' : issue.message;
}
