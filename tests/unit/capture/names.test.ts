import { describe, expect, it } from 'vitest';
import { credentialOf, isPlausibleName, looksLikePronouns, parseName } from '../../../capture/names';

describe('parseName', () => {
  it.each([
    // [displayed, fullName, firstName, lastName, credentials, honorific]
    ['Priya Raman, MD', 'Priya Raman', 'Priya', 'Raman', ['MD'], undefined],
    ["Daniel O'Connor-Nguyen, DO, MPH", "Daniel O'Connor-Nguyen", 'Daniel', "O'Connor-Nguyen", ['DO', 'MPH'], undefined],
    ['Jean-Luc van der Berg Jr., MD, PhD', 'Jean-Luc van der Berg Jr.', 'Jean-Luc', 'van der Berg', ['MD', 'PhD'], undefined],
    ['Jean-Luc van der Berg, Jr., MD, PhD', 'Jean-Luc van der Berg Jr.', 'Jean-Luc', 'van der Berg', ['MD', 'PhD'], undefined],
    ['Dr. María José de la Cruz', 'María José de la Cruz', 'María José', 'de la Cruz', [], 'Dr.'],
    ['Prof. Dr. Ludwig von Beethoven III', 'Ludwig von Beethoven III', 'Ludwig', 'von Beethoven', [], 'Prof. Dr.'],
    ['Aisha Bello, M.D., Ph.D.', 'Aisha Bello', 'Aisha', 'Bello', ['MD', 'PhD'], undefined],
    ['Sam Lee MD PhD', 'Sam Lee', 'Sam', 'Lee', ['MD', 'PhD'], undefined],
    ['Jordan Kim, MD/PhD', 'Jordan Kim', 'Jordan', 'Kim', ['MD', 'PhD'], undefined],
    ['Jordan Kim, MD-PhD', 'Jordan Kim', 'Jordan', 'Kim', ['MD', 'PhD'], undefined],
    ['Alex Rivera, PA-C', 'Alex Rivera', 'Alex', 'Rivera', ['PA-C'], undefined],
    ['Morgan Wu, RN, BSN, CCRN', 'Morgan Wu', 'Morgan', 'Wu', ['RN', 'BSN', 'CCRN'], undefined],
    ['Chris Patel, MBA', 'Chris Patel', 'Chris', 'Patel', ['MBA'], undefined],
    ['Raman, Priya', 'Priya Raman', 'Priya', 'Raman', [], undefined],
    ['Raman, Priya, MD', 'Priya Raman', 'Priya', 'Raman', ['MD'], undefined],
    ['Siobhán Ní Bhriain', 'Siobhán Ní Bhriain', 'Siobhán', 'Ní Bhriain', [], undefined],
    ['Ahmed bin Rashid Al-Mansouri', 'Ahmed bin Rashid Al-Mansouri', 'Ahmed', 'Al-Mansouri', [], undefined],
    ['Abdul Rahman Haddad', 'Abdul Rahman Haddad', 'Abdul Rahman', 'Haddad', [], undefined],
    ['Zoë O’Brien-Søndergaard', 'Zoë O’Brien-Søndergaard', 'Zoë', 'O’Brien-Søndergaard', [], undefined],
    // German doctorates qualify the honorific; they are not given names.
    ['Dr. med. Katharina Müller', 'Katharina Müller', 'Katharina', 'Müller', [], 'Dr. med.'],
    ['Prof. Dr. rer. nat. Jonas Weber', 'Jonas Weber', 'Jonas', 'Weber', [], 'Prof. Dr. rer. nat.'],
    // Taglines members add to the name field.
    ['Dr. John Smith | Cardiology', 'John Smith', 'John', 'Smith', [], 'Dr.'],
    ['Jane Doe, MD 🩺 · Pediatrics', 'Jane Doe', 'Jane', 'Doe', ['MD'], undefined],
    ['Amara Obi|Surgery', 'Amara Obi', 'Amara', 'Obi', [], undefined],
    // Class years on alumni pages.
    ['Tomás Oyelowo-Reyes, MD ’11', 'Tomás Oyelowo-Reyes', 'Tomás', 'Oyelowo-Reyes', ['MD'], undefined],
    ["Jane Doe '09", 'Jane Doe', 'Jane', 'Doe', [], undefined],
    // An apostrophe inside a name is not a class year.
    ["D'Angelo O'Neil", "D'Angelo O'Neil", "D'Angelo", "O'Neil", [], undefined],
  ])('%s', (raw, fullName, firstName, lastName, credentials, honorific) => {
    const parsed = parseName(raw);
    expect(parsed.fullName).toBe(fullName);
    expect(parsed.firstName).toBe(firstName);
    expect(parsed.lastName).toBe(lastName);
    expect(parsed.credentials).toEqual(credentials);
    expect(parsed.honorific).toBe(honorific);
  });

  it('keeps the generational suffix with the name, not as the last name', () => {
    const parsed = parseName('Martin Luther King Jr.');
    expect(parsed).toMatchObject({ fullName: 'Martin Luther King Jr.', lastName: 'King', suffix: 'Jr.' });
  });

  it('does not take surnames that look like credentials for credentials', () => {
    // "Do" is a Vietnamese family name, "Ma" a Chinese one: only capitalised DO/MA are degrees.
    expect(parseName('Anh Do')).toMatchObject({ fullName: 'Anh Do', lastName: 'Do', credentials: [] });
    expect(parseName('Yo-Yo Ma')).toMatchObject({ fullName: 'Yo-Yo Ma', lastName: 'Ma', credentials: [] });
    expect(parseName('Anh Do, DO')).toMatchObject({ fullName: 'Anh Do', credentials: ['DO'] });
  });

  it('removes zero-width and bidi control characters and folds white space', () => {
    const parsed = parseName('  Robert\u200B  Tables\u202Edm\u2066 \n, MD ');
    expect(parsed.fullName).toBe('Robert Tablesdm');
    expect(parsed.credentials).toEqual(['MD']);
  });

  it('keeps hostile-looking text as plain text', () => {
    expect(parseName('Robert <img src=x onerror=alert(1)> Tables').fullName).toBe('Robert <img src=x onerror=alert(1)> Tables');
  });

  it('takes pronouns and emoji out of the name', () => {
    expect(parseName('Priya Raman (She/Her), MD')).toMatchObject({ fullName: 'Priya Raman', pronouns: 'She/Her', credentials: ['MD'] });
    expect(parseName('Jane Doe 🚀').fullName).toBe('Jane Doe');
  });

  describe('non-Latin scripts', () => {
    it('splits a Chinese name family-name first', () => {
      expect(parseName('王小明')).toMatchObject({ fullName: '王小明', lastName: '王', firstName: '小明' });
      expect(parseName('欧阳娜娜')).toMatchObject({ lastName: '欧阳', firstName: '娜娜' });
      expect(parseName('王小明, MD')).toMatchObject({ fullName: '王小明', credentials: ['MD'] });
    });
    it('splits a Korean name family-name first', () => {
      expect(parseName('김민준')).toMatchObject({ lastName: '김', firstName: '민준' });
    });
    it('splits a spaced Japanese name family-name first and leaves an unspaced one whole', () => {
      expect(parseName('山田 太郎')).toMatchObject({ lastName: '山田', firstName: '太郎' });
      const unspaced = parseName('やまだたろう');
      expect(unspaced.fullName).toBe('やまだたろう');
      expect(unspaced.firstName).toBeUndefined();
      expect(unspaced.lastName).toBeUndefined();
    });
    it('keeps Arabic names intact and finds the family name after a patronymic', () => {
      expect(parseName('محمد بن سلمان العتيبي')).toMatchObject({
        fullName: 'محمد بن سلمان العتيبي',
        firstName: 'محمد',
        lastName: 'العتيبي',
      });
      expect(parseName('فاطمة الزهراء')).toMatchObject({ firstName: 'فاطمة', lastName: 'الزهراء' });
    });
    it('keeps Cyrillic, Greek and Devanagari names', () => {
      expect(parseName('Анна Павлова')).toMatchObject({ firstName: 'Анна', lastName: 'Павлова' });
      expect(parseName('Γιώργος Παπαδόπουλος, MD')).toMatchObject({ lastName: 'Παπαδόπουλος', credentials: ['MD'] });
      expect(parseName('अमित शर्मा')).toMatchObject({ firstName: 'अमित', lastName: 'शर्मा' });
    });
  });

  it('returns an empty name for empty or invisible input', () => {
    expect(parseName('').fullName).toBe('');
    expect(parseName('\u200B\u202E ').fullName).toBe('');
  });
});

describe('credentialOf', () => {
  it('normalises spelling', () => {
    expect(credentialOf('M.D.')).toBe('MD');
    expect(credentialOf('phd')).toBe('PhD');
    expect(credentialOf('Pharm.D.')).toBe('PharmD');
    expect(credentialOf('Houston')).toBeUndefined();
  });
});

describe('looksLikePronouns', () => {
  it.each(['She/Her', 'he/him/his', 'They/Them', '(She/Her)', 'Elle', 'Iel'])('%s is pronouns', (p) => expect(looksLikePronouns(p)).toBe(true));
  it.each(['MD/PhD', 'Internal Medicine Resident', '__proto__', 'San Francisco/Oakland Bay Area residents'])('%s is not', (p) =>
    expect(looksLikePronouns(p)).toBe(false),
  );
});

describe('isPlausibleName', () => {
  it.each(['Chidi Okonkwo, MD', 'Hana Suzuki, DO ’14', 'Dr. María José de la Cruz', 'Jean-Luc van der Berg Jr.', '王小明', 'Siobhán Ní Bhriain, RN'])('%s is a name', (n) =>
    expect(isPlausibleName(n)).toBe(true),
  );
  it.each([
    'Meet Our Residents',
    '2027 Match Calendar: Key Dates for Applicants',
    'Alumni Spotlight: Kenji Watanabe',
    'Department of Emergency Medicine',
    'Dr. Tomas Lindqvist wins teaching award',
    'Contact Us',
    'internal medicine',
    '',
  ])('%s is not', (n) => expect(isPlausibleName(n)).toBe(false));
});
