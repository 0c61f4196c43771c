/**
 * What a failed check of a record says to the user, as a locale key (model/user-text.ts): zod's own messages
 * are English, so each kind of issue is named here, and the messages storage/schemas.ts gives its own checks are
 * already `validation.*` keys. Used for the form fields and for every import report line.
 */
import type { z } from 'zod';
import { USER_TEXT_KEY, userText, type UserText, type UserTextKey } from './user-text';

type Issue = z.core.$ZodIssue;

export function validationText(issue: Issue | undefined): UserText {
  if (!issue) return userText('validation.invalid');
  // A message storage/schemas.ts (or another schema of Rapport's) gave this check: it is a key already.
  if (USER_TEXT_KEY.test(issue.message)) return userText(issue.message as UserTextKey);
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'array' || issue.origin === 'set'
        ? userText('validation.tooMany', { max: Number(issue.maximum) })
        : issue.origin === 'string'
          ? userText('validation.tooLong', { max: Number(issue.maximum) })
          : userText('validation.tooLarge', { max: Number(issue.maximum) });
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1
        ? userText('validation.required')
        : userText('validation.tooSmall', { min: Number(issue.minimum) });
    case 'invalid_format':
      return issue.format === 'email' ? userText('validation.email') : issue.format === 'url' ? userText('validation.httpLink') : userText('validation.format');
    case 'invalid_type':
      return issue.input === undefined ? userText('validation.missing') : userText('validation.invalid');
    case 'invalid_value':
      return userText('validation.oneOf', { options: issue.values.map(String).join(', ') });
    case 'unrecognized_keys':
      return userText('validation.unknownFields', { fields: issue.keys.join(', ') });
    default:
      return userText('validation.invalid');
  }
}
