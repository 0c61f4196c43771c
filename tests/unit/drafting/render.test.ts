// @vitest-environment node (no DOM reached: see vitest.config.ts)
import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES, suggestTemplateId } from '../../../drafting/builtin-templates';
import { blockers, checkTemplate, personalHint, render } from '../../../drafting/render';
import { variableValues, VARIABLES } from '../../../drafting/variables';
import { DEFAULT_SETTINGS } from '../../../model/schemas';
import { useLocale } from '../locale-messages';
import { FIXTURE_PATHS, ME, fixtureContact } from './fixture-contacts';

/** What a user types in a draft for the variables only a draft can know, and for gaps in a capture. */
const TYPED = {
  erasLetterId: 'L-0012345',
  waiverChoice: 'I have waived my right to see the letter.',
  letterDeadline: '2026-09-01',
  specialty: 'Internal Medicine',
  whereMet: 'ACP Internal Medicine Meeting 2026',
  title: 'Physician',
  organization: 'the program',
};

describe('built-in templates', () => {
  it('have stable, unique ids, a purpose and a channel', () => {
    const ids = BUILTIN_TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const template of BUILTIN_TEMPLATES) {
      expect(template.id).toMatch(/^builtin:[a-z0-9-]+$/);
      expect(template.purpose.length).toBeGreaterThan(10);
      expect(template.channel).toBeTruthy();
    }
    expect(ids).toEqual(
      expect.arrayContaining([
        'builtin:informational',
        'builtin:alumni',
        'builtin:resident-question',
        'builtin:program-intro',
        'builtin:letter-request',
        'builtin:follow-up-1',
        'builtin:follow-up-2',
        'builtin:thank-you',
        'builtin:conference-follow-up',
        'builtin:post-interview-thanks',
      ]),
    );
  });

  it.each(BUILTIN_TEMPLATES.map((t) => [t.id, t] as const))('%s passes the editor’s checks with one personal line', (_id, template) => {
    expect(checkTemplate(template.subject ?? '', template.body)).toEqual([]);
    expect(render(template.body, {}).personal.markers).toBe(1);
    expect(template.body).toMatch(/^\[\[Your personal sentence: .+\]\]$/m);
  });

  const cases = BUILTIN_TEMPLATES.flatMap((template) => FIXTURE_PATHS.map((path) => [template.id, path, template] as const));
  it.each(cases)('%s renders for %s with no stray braces or markers', (_id, path, template) => {
    const contact = fixtureContact(path);
    const known = variableValues(contact, ME);
    // The user fills only what neither the capture nor the settings know.
    const gaps: Record<string, string> = Object.fromEntries(Object.entries(TYPED).filter(([name]) => !known[name]));
    if (template.body.includes('{{sharedSchool}}') && !known.sharedSchool) {
      // Alumni outreach to someone from another school is flagged, not silently sent.
      const flagged = render(template.body, variableValues(contact, ME, gaps), 'x');
      expect(blockers([flagged])).toEqual(['No value yet for {{sharedSchool}}: fill it in or remove it.']);
      gaps.sharedSchool = 'Penn Med';
    }
    const values = variableValues(contact, ME, gaps);
    const subject = render(template.subject ?? '', values);
    const body = render(template.body, values, 'I read your piece on teaching rounds and it stayed with me.');
    expect(blockers([subject, body])).toEqual([]);
    for (const text of [subject.text, body.text]) {
      expect(text).not.toMatch(/\{\{|\}\}|\[\[|\]\]/);
    }
    expect(body.text).toContain('I read your piece on teaching rounds');
    expect([values.firstName, values.salutation].some((name) => body.text.includes(`${name},`))).toBe(true);
    if (template.body.includes('{{organization}}') && known.organization) expect(body.text).toContain(known.organization);
  });

  it('fill the letter request with the AAMC ID, the ERAS Letter ID, the waiver and the deadline', () => {
    const template = BUILTIN_TEMPLATES.find((t) => t.id === 'builtin:letter-request')!;
    const body = render(template.body, variableValues(fixtureContact('doximity/profile'), ME, TYPED), 'You supervised me on the wards in March.');
    expect(body.text).toContain('AAMC ID 12345678');
    expect(body.text).toContain('ERAS Letter ID: L-0012345');
    expect(body.text).toContain('I have waived my right to see the letter.');
    expect(body.text).toMatch(/September 1, 2026/);
    expect(body.text).toContain('Dear Dr. Vásquez-Ruiz,');
  });

  it('post-interview messages express interest without any ranking talk', () => {
    for (const template of BUILTIN_TEMPLATES) {
      const text = `${template.name} ${template.subject ?? ''} ${template.body}`;
      expect(text, template.id).not.toMatch(/\brank|ranking|first choice|top choice|number one|#1|commit/i);
    }
    const thanks = BUILTIN_TEMPLATES.find((t) => t.id === 'builtin:post-interview-thanks')!;
    expect(thanks.body).toMatch(/interested/);
  });

  it('only use variables from the catalogue', () => {
    const known = new Set(VARIABLES.map((v) => v.name));
    for (const template of BUILTIN_TEMPLATES) {
      for (const [, name] of `${template.subject ?? ''}${template.body}`.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
        expect(known.has(name!), `${template.id}: ${name}`).toBe(true);
      }
    }
  });
});

describe('render', () => {
  const contact = fixtureContact('linkedin/profile-resident');

  it('marks a variable without a value as missing and blocks the draft until it is filled or removed', () => {
    const values = variableValues(contact, ME);
    expect(values.specialty).toBe('');
    const result = render('Hi {{firstName}}, I love {{ specialty }}.', values);
    expect(result.segments).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'value', name: 'firstName', text: 'Priya' },
      { kind: 'text', text: ', I love ' },
      { kind: 'missing', name: 'specialty', text: '{{specialty}}' },
      { kind: 'text', text: '.' },
    ]);
    expect(result.missing).toEqual(['specialty']);
    expect(blockers([result])).toEqual(['No value yet for {{specialty}}: fill it in or remove it.']);

    const filled = render('Hi {{firstName}}, I love {{specialty}}.', variableValues(contact, ME, { specialty: 'cardiology' }));
    expect(filled.text).toBe('Hi Priya, I love cardiology.');
    expect(blockers([filled])).toEqual([]);
    expect(blockers([render('Hi {{firstName}}.', values)])).toEqual([]);
  });

  it('reports unknown variables and unmatched braces as errors', () => {
    const result = render('Hi {{fristName}} {{}} {{first name}}', variableValues(contact, ME));
    expect(result.unknown).toEqual(['fristName', '', 'first name']);
    expect(result.segments.filter((s) => s.kind === 'unknown')).toHaveLength(3);
    expect(blockers([result])[0]).toMatch(/Not a variable: \{\{fristName\}\}/);

    const stray = render('Hi {{firstName', {});
    expect(stray.strayBraces).toBe(true);
    expect(checkTemplate('', 'Hi {{firstName')).toContainEqual({ severity: 'error', message: 'A “{{” or “}}” has no partner.' });
    expect(checkTemplate('{{nope}}', 'Hi [[Your personal sentence: x]]')).toContainEqual({
      severity: 'error',
      message: '{{nope}} is not a variable Rapport knows.',
    });
  });

  it('warns until the personal line is written, and puts the sentence in its place', () => {
    const source = 'Hi {{firstName}},\n[[Your personal sentence: why them?]]\nThanks';
    const values = variableValues(contact, ME);
    const empty = render(source, values, '   ');
    expect(empty.personal).toEqual({ markers: 1, filled: false });
    expect(blockers([empty])).toEqual(['Write your personal sentence first.']);
    const filled = render(source, values, 'Your talk on anemia was great.');
    expect(filled.text).toBe('Hi Priya,\nYour talk on anemia was great.\nThanks');
    expect(blockers([filled])).toEqual([]);
    expect(checkTemplate('', 'Hi')).toEqual([expect.objectContaining({ severity: 'warning' })]);
    expect(checkTemplate('', '[[a]] [[b]]')).toContainEqual({ severity: 'error', message: 'Use one personal line [[…]] per template.' });
  });

  it('says problems, blockers and variable names in the browser’s language', async () => {
    const firstName = VARIABLES.find((v) => v.name === 'firstName')!;
    expect([firstName.label, firstName.hint]).toEqual(['First name', 'Their first name']);
    await useLocale('es');
    expect([firstName.label, firstName.hint]).toEqual(['Nombre', 'Su nombre']);
    expect(blockers([render('Hi {{specialty}} {{fristName}}', {})])).toEqual([
      'No es una variable: {{fristName}}.',
      'Aún no hay valor para {{specialty}}: complétalo o quítalo.',
    ]);
    expect(checkTemplate('', 'Hi {{firstName')).toEqual([
      { severity: 'error', message: 'Un «{{» o «}}» no tiene pareja.' },
      expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/^Sin línea personal: .*\[\[Tu frase personal: ¿por qué esta persona\?\]\]/) }),
    ]);
    expect(checkTemplate('', '{{}} [[x]]')).toEqual([{ severity: 'error', message: '«{{}}» no tiene nombre de variable.' }]);
  });

  it('never expands text that came from a contact', () => {
    const hostile = fixtureContact('linkedin/profile-hostile', { organization: '{{myName}} [[x]]' });
    const result = render('At {{organization}}, {{fullName}}', variableValues(hostile, ME));
    expect(result.text).toBe('At {{myName}} [[x]], Robert <img src=x onerror=alert(1)> Tablesdm');
    expect(result.missing).toEqual([]);
    expect(result.personal.markers).toBe(0);
  });
});

describe('variables', () => {
  it('fill the contact, the user and the shared school', () => {
    const values = variableValues(fixtureContact('linkedin/profile-resident'), ME);
    expect(values).toMatchObject({
      firstName: 'Priya',
      lastName: 'Raman',
      salutation: 'Dr. Raman',
      organization: 'UCSF Health',
      school: 'Perelman School of Medicine at the University of Pennsylvania',
      myName: 'Alex Kim',
      sharedSchool: 'Penn Med',
      myAamcId: '12345678',
    });
  });

  it('have no shared school when the contact studied elsewhere, and a signature made from the profile', () => {
    const values = variableValues(fixtureContact('doximity/profile'), { ...ME, signature: '' });
    expect(values.sharedSchool).toBe('');
    expect(values.signature).toBe('Alex Kim\nMS4, Penn Med');
    expect(variableValues(fixtureContact('doximity/profile'), DEFAULT_SETTINGS).signature).toBe('');
  });

  it('greet someone without a doctorate by first name, and take names from the full name when missing', () => {
    const contact = fixtureContact('linkedin/profile-resident', { credentials: [], firstName: undefined, lastName: undefined, fullName: 'Maria José Lopez' });
    expect(variableValues(contact, ME)).toMatchObject({ salutation: 'Maria', firstName: 'Maria', lastName: 'Lopez' });
  });

  it('suggest the follow-up owed, or alumni outreach when the school is shared', () => {
    const contact = fixtureContact('linkedin/profile-resident');
    expect(suggestTemplateId(contact, { sharedSchool: true })).toBe('builtin:alumni');
    expect(suggestTemplateId(contact, { sharedSchool: false })).toBe('builtin:informational');
    expect(suggestTemplateId({ ...contact, status: 'awaiting_reply' }, { sharedSchool: true })).toBe('builtin:follow-up-1');
    expect(suggestTemplateId({ ...contact, status: 'awaiting_reply', followUpsSent: 1 }, { sharedSchool: true })).toBe('builtin:follow-up-2');
  });
});

describe('follow-up templates', () => {
  it('exist under the ids the follow-up rules open', async () => {
    const { FOLLOW_UP_TEMPLATES } = await import('../../../followups/rules');
    const ids = new Set(BUILTIN_TEMPLATES.map((t) => t.id));
    for (const id of FOLLOW_UP_TEMPLATES) expect(ids.has(id)).toBe(true);
  });
});

describe('personalHint', () => {
  it('is what the first personal line asks, without its "Your personal sentence:" lead', () => {
    expect(personalHint('Hi {{firstName}},\n[[Your personal sentence: why this person?]]\n[[second]]')).toBe('why this person?');
    expect(personalHint('[[ A line about their research ]]')).toBe('A line about their research');
  });

  it('is undefined without a marker, for an empty one, and for brackets inside a variable, as render() reads them', () => {
    expect(personalHint('Hi {{firstName}}')).toBeUndefined();
    expect(personalHint('[[Your personal sentence: ]]')).toBeUndefined();
    expect(personalHint('{{ [[not a line]] }}')).toBeUndefined();
    expect(render('{{ [[not a line]] }}', {}).personal.markers).toBe(0);
  });
});
