// @vitest-environment node (no DOM reached: see vitest.config.ts)
import { describe, expect, it } from 'vitest';
import { encodeMailtoValue, mailtoUrl } from '../../../drafting/mailto';

describe('mailtoUrl', () => {
  it('encodes non-ASCII text as UTF-8 and line breaks as CRLF', () => {
    const url = mailtoUrl({
      to: 'elena.vasquez@uthscsa.edu',
      subject: 'Pediatría — gracias',
      body: 'Hola Dra. Vásquez-Ruiz,\nLine two\r\nLine three\rEnd 🙂',
    });
    expect(url).toBe(
      'mailto:elena.vasquez@uthscsa.edu?subject=Pediatr%C3%ADa%20%E2%80%94%20gracias' +
        '&body=Hola%20Dra.%20V%C3%A1squez-Ruiz%2C%0D%0ALine%20two%0D%0ALine%20three%0D%0AEnd%20%F0%9F%99%82',
    );
    // A mail program decodes exactly what was written, with CRLF line breaks.
    const body = new URL(url!).searchParams.get('body');
    expect(decodeURIComponent(url!.split('body=')[1]!)).toBe('Hola Dra. Vásquez-Ruiz,\r\nLine two\r\nLine three\r\nEnd 🙂');
    expect(body).toContain('Vásquez');
  });

  it('encodes characters that would end a field or the link', () => {
    const url = mailtoUrl({ to: 'a@b.org', subject: 'Q&A? 100% #1 = yes + no', body: 'x' })!;
    expect(url).toBe('mailto:a@b.org?subject=Q%26A%3F%20100%25%20%231%20%3D%20yes%20%2B%20no&body=x');
    expect(url).not.toContain('+');
  });

  it('keeps a subject on one line', () => {
    expect(encodeMailtoValue('one\r\ntwo')).toBe('one%20two');
  });

  it('leaves out empty fields and refuses anything but an email address', () => {
    expect(mailtoUrl({ to: 'a@b.org' })).toBe('mailto:a@b.org');
    expect(mailtoUrl({ to: 'a@b.org', body: 'hi' })).toBe('mailto:a@b.org?body=hi');
    expect(mailtoUrl({ to: 'javascript:alert(1)//@x.org', body: 'x' })).toBeUndefined();
    expect(mailtoUrl({ to: 'a@b.org?bcc=evil@x.org', body: 'x' })).toBeUndefined();
    expect(mailtoUrl({ to: '', body: 'x' })).toBeUndefined();
  });
});
