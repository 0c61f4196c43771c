import { describe, expect, it } from 'vitest';
import { validateCapture } from '../../../capture/index';

const base = {
  source: 'linkedin',
  fullName: 'Priya Raman',
  profileUrl: 'https://www.linkedin.com/in/priya-raman-md/',
};

describe('validateCapture', () => {
  it('accepts a minimal capture and fills the defaults', () => {
    expect(validateCapture(base)).toEqual({
      ...base,
      credentials: [],
      education: [],
      experience: [],
      affiliations: [],
      notLoaded: [],
    });
  });

  it('returns null without a name, a valid source or a valid link', () => {
    expect(validateCapture({ ...base, fullName: '' })).toBeNull();
    expect(validateCapture({ ...base, fullName: '\u200B\u202E ' })).toBeNull();
    expect(validateCapture({ ...base, fullName: undefined })).toBeNull();
    expect(validateCapture({ ...base, source: 'myspace' })).toBeNull();
    expect(validateCapture({ ...base, profileUrl: 'javascript:alert(1)' })).toBeNull();
    expect(validateCapture({ ...base, profileUrl: undefined })).toBeNull();
    expect(validateCapture(null)).toBeNull();
    expect(validateCapture('Priya Raman')).toBeNull();
    expect(validateCapture([base])).toBeNull();
  });

  it('drops an invalid optional field and keeps the rest', () => {
    const capture = validateCapture({
      ...base,
      headline: 'Resident at UCSF',
      photoUrl: 'javascript:alert(1)',
      email: 'not an email',
      title: 'x'.repeat(5_000),
      pronouns: 42,
      location: 'San Francisco',
    });
    expect(capture).not.toBeNull();
    expect(capture?.headline).toBe('Resident at UCSF');
    expect(capture?.location).toBe('San Francisco');
    expect(capture).not.toHaveProperty('photoUrl');
    expect(capture).not.toHaveProperty('email');
    expect(capture).not.toHaveProperty('title');
    expect(capture).not.toHaveProperty('pronouns');
  });

  it('rejects data:, blob: and other non-http photo links', () => {
    for (const photoUrl of ['data:image/png;base64,AAAA', 'blob:https://x/1', 'file:///etc/passwd', 'vbscript:x', ' JaVaScRiPt:alert(1)']) {
      expect(validateCapture({ ...base, photoUrl })).not.toHaveProperty('photoUrl');
    }
  });

  it('keeps the valid entries of a list and the valid fields of an entry', () => {
    const capture = validateCapture({
      ...base,
      credentials: ['MD', 'x'.repeat(100), 7],
      education: [
        { school: 'Perelman School of Medicine', degree: 'MD', startYear: 2019, endYear: 2023 },
        { school: '', degree: 'BS' },
        { school: 'Rutgers University', degree: 'd'.repeat(400), startYear: 1066, endYear: 2019 },
        'Harvard',
      ],
      experience: [{ title: 'Resident', organization: 'UCSF Health', start: 'Jun 2023', end: 'Present', extra: 'ignored' }],
      notLoaded: ['about', 'skills'],
    });
    expect(capture?.credentials).toEqual(['MD']);
    expect(capture?.education).toEqual([
      { school: 'Perelman School of Medicine', degree: 'MD', startYear: 2019, endYear: 2023 },
      { school: 'Rutgers University', endYear: 2019 },
    ]);
    expect(capture?.experience).toEqual([{ title: 'Resident', organization: 'UCSF Health', start: 'Jun 2023', end: 'Present' }]);
    expect(capture?.notLoaded).toEqual(['about']);
  });

  it('keeps as many list entries as the schema allows', () => {
    const experience = Array.from({ length: 250 }, (_, i) => ({ title: `Role ${i}` }));
    const capture = validateCapture({ ...base, experience });
    expect(capture?.experience).toHaveLength(100);
    expect(capture?.experience[0]?.title).toBe('Role 0');
  });

  it('cleans text: invisible characters removed, lines folded', () => {
    const capture = validateCapture({ ...base, fullName: ' Priya\u200B  Raman\u202E ', headline: 'a\n\n b' });
    expect(capture?.fullName).toBe('Priya Raman');
    expect(capture?.headline).toBe('a b');
  });

  it('never copies page-controlled keys', () => {
    const raw = JSON.parse(
      '{"source":"web","fullName":"Jane Doe","profileUrl":"https://example.org/jane","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"education":[{"school":"X","__proto__":{"polluted":true}}]}',
    ) as unknown;
    const capture = validateCapture(raw);
    expect(capture?.fullName).toBe('Jane Doe');
    expect(Object.keys(capture ?? {})).not.toContain('__proto__');
    expect(Object.keys(capture ?? {})).not.toContain('constructor');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((capture as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(capture?.education).toEqual([{ school: 'X' }]);
  });

  it('ignores inherited properties', () => {
    const raw = Object.create({ fullName: 'Inherited Name', source: 'web', profileUrl: 'https://example.org/' }) as object;
    expect(validateCapture(raw)).toBeNull();
  });
});
