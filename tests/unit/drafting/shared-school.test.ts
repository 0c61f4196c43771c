// @vitest-environment node (no DOM reached: see vitest.config.ts)
import { describe, expect, it } from 'vitest';
import { findSharedSchool, normalizeSchool, sameSchool } from '../../../drafting/shared-school';

describe('sameSchool', () => {
  const PENN = 'Perelman School of Medicine at the University of Pennsylvania';

  it.each(['Penn Med', 'Penn Medicine', 'UPenn', 'University of Pennsylvania', 'Perelman SOM', 'penn', 'Perelman School of Medicine'])(
    '%s is the same school as Perelman at Penn',
    (name) => {
      expect(sameSchool(PENN, name)).toBe(true);
      expect(sameSchool(name, PENN)).toBe(true);
    },
  );

  it.each([
    ['Penn State College of Medicine', PENN],
    ['Pennsylvania State University', 'University of Pennsylvania'],
    ['UCSF School of Medicine', 'David Geffen School of Medicine at UCLA'],
    ['University of California, San Francisco', 'University of California, Los Angeles'],
    ['University of California', 'University of California, San Francisco'],
    ['Washington University in St. Louis School of Medicine', 'University of Washington School of Medicine'],
    ['Rutgers New Jersey Medical School', 'Rutgers Robert Wood Johnson Medical School'],
    ['Harvard Medical School', 'Stanford University School of Medicine'],
    ['School of Medicine', 'College of Medicine'],
    ['', 'Penn'],
  ])('%s is not %s', (a, b) => {
    expect(sameSchool(a, b)).toBe(false);
  });

  it.each([
    ['UT Health San Antonio Long School of Medicine', 'Long School of Medicine, UT Health San Antonio'],
    ['Baylor College of Medicine', 'BCM'],
    ['Icahn School of Medicine at Mount Sinai', 'Mount Sinai'],
    ['Johns Hopkins University School of Medicine', 'JHU'],
    ['Universidad Nacional Autónoma de México', 'UNIVERSIDAD NACIONAL AUTONOMA DE MEXICO, Facultad de Medicina'],
    ['Rutgers University', 'Rutgers'],
    ['Tulane University School of Medicine', 'Tulane Medicine'],
    ['University of New England College of Osteopathic Medicine', 'UNECOM'],
  ])('%s is %s', (a, b) => {
    expect(sameSchool(a, b)).toBe(true);
  });

  it('normalizes case, accents, punctuation and ampersands', () => {
    expect(normalizeSchool('  Texas A&M  Health—Science Center ')).toBe('texas a and m health science center');
    expect(normalizeSchool('Université de Montréal')).toBe('universite de montreal');
  });
});

describe('findSharedSchool', () => {
  it('finds the school of the contact’s that the user shares, if any', () => {
    const schools = ['Perelman School of Medicine at the University of Pennsylvania', 'Rutgers University'];
    expect(findSharedSchool('Penn Med', schools)).toBe(schools[0]);
    expect(findSharedSchool('Rutgers', schools)).toBe(schools[1]);
    expect(findSharedSchool('Drexel University College of Medicine', schools)).toBeUndefined();
    expect(findSharedSchool('   ', schools)).toBeUndefined();
  });
});
