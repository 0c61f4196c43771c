// A contact field's value checked as the form is typed in, with what is wrong said in the user's language.
import { Contact } from '../../model/schemas';
import { say } from '../../model/user-text';
import { validationText } from '../../model/validation-text';

type Shape = typeof Contact.shape;

/** Checks one field's value against the contact schema; returns a message a person can act on, or nothing. */
export function fieldError<K extends keyof Shape>(field: K, value: unknown): string | undefined {
  const result = Contact.shape[field].safeParse(value);
  if (result.success) return undefined;
  return say(validationText(result.error.issues[0]));
}
