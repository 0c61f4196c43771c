import { describe, expect, it } from 'vitest';
import { parseSelection } from '../../../capture/selection';

describe('a selection turned into a contact', () => {
  it.each([
    ['Chidi Okonkwo, MD\nChief Resident\nNorthfield General Hospital', { fullName: 'Chidi Okonkwo', title: 'Chief Resident', organization: 'Northfield General Hospital' }],
    ['Dr. Aisha Bello — Program Director at Riverside Medical Center — abello@riverside.example.edu', { fullName: 'Aisha Bello', title: 'Program Director', organization: 'Riverside Medical Center', email: 'abello@riverside.example.edu' }],
    ['Sofia Reyes, MD | PGY-1 | Email: sreyes@northfield.example.org', { fullName: 'Sofia Reyes', title: 'PGY-1', email: 'sreyes@northfield.example.org' }],
    ['Hannah Müller, DO\nPGY-3\nHometown: Erie, PA', { fullName: 'Hannah Müller', title: 'PGY-3' }],
    ['Jean-Luc van der Berg, MD, PhD, Associate Professor, Department of Surgery, Lakeview University', { fullName: 'Jean-Luc van der Berg', title: 'Associate Professor', organization: 'Department of Surgery, Lakeview University' }],
  ])('reads %j', (text, expected) => {
    expect(parseSelection(text)).toEqual(expected);
  });

  it('guesses nothing from text that shows no person', () => {
    expect(parseSelection('The 2027 Match calendar opens on September 25.')).toEqual({});
    expect(parseSelection('')).toEqual({});
  });

  it('keeps page markup as plain text and stays bounded', () => {
    const result = parseSelection('<img src=x onerror=alert(1)> Robert Tables\n' + 'x'.repeat(50_000));
    for (const value of Object.values(result)) expect(value.length).toBeLessThanOrEqual(300);
  });
});
