// @vitest-environment node (no DOM reached: see vitest.config.ts)
import { describe, expect, it } from 'vitest';
import { channelOf, checkLimit, countCharacters, defaultFormat, DEFAULT_LIMITS, limitsFor } from '../../../drafting/limits';
import { DEFAULT_SETTINGS, Settings } from '../../../model/schemas';

describe('channel limits', () => {
  it('default to LinkedIn’s and mail programs’ limits', () => {
    expect(DEFAULT_LIMITS).toEqual({
      connectionNote: 200,
      connectionNotePremium: 300,
      inmailSubject: 200,
      inmailBody: 1_900,
      linkedinMessage: 8_000,
      emailSubject: 78,
    });
    expect(limitsFor('linkedin_connection', DEFAULT_SETTINGS)).toEqual({ hasSubject: false, body: { max: 200, soft: false } });
    expect(limitsFor('linkedin_inmail', DEFAULT_SETTINGS)).toEqual({
      hasSubject: true,
      subject: { max: 200, soft: false },
      body: { max: 1_900, soft: false },
    });
    expect(limitsFor('linkedin_message', DEFAULT_SETTINGS).body?.max).toBe(8_000);
    expect(limitsFor('email', DEFAULT_SETTINGS)).toEqual({ hasSubject: true, subject: { max: 78, soft: true } });
    expect(limitsFor('doximity', DEFAULT_SETTINGS)).toEqual({ hasSubject: false });
  });

  it('allow a longer connection note on Premium, and take the user’s own numbers', () => {
    expect(limitsFor('linkedin_connection', { ...DEFAULT_SETTINGS, linkedinPremium: true }).body?.max).toBe(300);
    const settings = Settings.parse({ channelLimits: { connectionNote: 250, emailSubject: 60 } });
    expect(limitsFor('linkedin_connection', settings).body?.max).toBe(250);
    expect(limitsFor('email', settings).subject?.max).toBe(60);
    expect(limitsFor('linkedin_message', settings).body?.max).toBe(8_000);
    expect(() => Settings.parse({ channelLimits: { connectionNote: 0 } })).toThrow();
  });

  it('count as a web page’s text box does and flag what goes past', () => {
    expect(countCharacters('Café 🙂')).toBe(7);
    const limit = { max: 10, soft: false };
    expect(checkLimit('0123456789', limit)).toEqual({ count: 10, max: 10, soft: false, remaining: 0, over: false });
    expect(checkLimit('0123456789A', limit)).toMatchObject({ over: true, remaining: -1 });
    expect(checkLimit('x'.repeat(201), limitsFor('linkedin_connection', DEFAULT_SETTINGS).body).over).toBe(true);
    expect(checkLimit('anything', undefined)).toEqual({ count: 8, soft: false, over: false });
  });

  it('map formats to timeline channels', () => {
    expect(channelOf('linkedin_inmail')).toBe('linkedin');
    expect(channelOf('email')).toBe('email');
    expect(defaultFormat('linkedin')).toBe('linkedin_message');
    expect(defaultFormat('phone')).toBe('other');
  });
});
