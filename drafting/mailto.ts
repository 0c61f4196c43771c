/**
 * `mailto:` links as RFC 6068 wants them: every header value percent-encoded
 * as UTF-8, spaces as %20 (never "+", which mail programs keep literally),
 * and line breaks in the body as CRLF (%0D%0A).
 */
import { z } from 'zod';

const address = z.email().max(320);

/** Encodes a header value; CR, LF and CRLF all become one CRLF. */
export function encodeMailtoValue(value: string, { multiline = false } = {}): string {
  const normalized = multiline ? value.replace(/\r\n|\r|\n/g, '\r\n') : value.replace(/[\r\n]+/g, ' ');
  return encodeURIComponent(normalized);
}

/**
 * A `mailto:` link to `to` with a subject and body, or undefined when `to`
 * is not an email address (a link built from page text must not become
 * anything but a mail link).
 */
export function mailtoUrl({ to, subject, body }: { to: string; subject?: string; body?: string }): string | undefined {
  const parsed = address.safeParse(to.trim());
  if (!parsed.success) return undefined;
  // "@" may stay literal in the address part; everything else that is not unreserved is encoded.
  const recipient = encodeURIComponent(parsed.data).replace(/%40/g, '@');
  const fields: string[] = [];
  if (subject) fields.push(`subject=${encodeMailtoValue(subject)}`);
  if (body) fields.push(`body=${encodeMailtoValue(body, { multiline: true })}`);
  return `mailto:${recipient}${fields.length ? `?${fields.join('&')}` : ''}`;
}

/**
 * Some mail programs and operating systems drop or truncate links longer
 * than about 2,000 characters; past this the user is told to copy instead.
 */
export const MAILTO_SAFE_LENGTH = 2_000;
