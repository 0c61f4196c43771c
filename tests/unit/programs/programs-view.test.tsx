/**
 * The Programs view as rendered (happy-dom): cards with stage and people,
 * filters, choosing two programs and merging them with undo, and a program's
 * page linking a suggested person and marking a shared school.
 */
import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ProgramsView } from '../../../components/programs/ProgramsView';
import { UndoProvider } from '../../../components/undo';
import { addContact } from '../../../storage/contacts';
import { db } from '../../../storage/db';
import { addProgram, contactIdsOfProgram, listPrograms } from '../../../storage/programs';
import { updateSettings } from '../../../storage/settings';
import { reactHostForEachTest } from '../react-host';
import { until } from '../wait';

const screen = reactHostForEachTest();

const cards = () => [...screen.host.querySelectorAll('[data-testid="program-card"]')].map((c) => c.textContent ?? '');
const button = (name: string | RegExp) =>
  [...screen.host.ownerDocument.querySelectorAll('button')].find((b) => (typeof name === 'string' ? b.textContent === name : name.test(b.textContent ?? '')))!;
const click = (element: Element) => act(async () => (element as HTMLElement).click());

describe('ProgramsView', () => {
  it('shows each program’s stage and people, filters "know nobody", merges two with undo', async () => {
    const a = await addProgram({ name: 'Northfield General Hospital', stage: 'applied' }, 1);
    const b = await addProgram({ name: 'Northfield "NGH" General Hospital' }, 1);
    await addProgram({ name: 'Lakeside Clinic' }, 1);
    await addContact({ fullName: 'Ana Díaz', organization: 'Northfield General Hospital', status: 'replied' });
    await addContact({ fullName: 'Sam Lee', organization: 'Northfield "NGH" General Hospital' });
    await screen.render(createElement(UndoProvider, null, createElement(ProgramsView, { onOpen: () => undefined })));
    await until(() => expect(cards()).toHaveLength(3));
    expect(cards().find((c) => c.startsWith('Northfield General'))).toContain('Applied');
    expect(cards().find((c) => c.startsWith('Northfield General'))).toContain('1 contact, 1 replied');

    const nobody = [...screen.host.querySelectorAll('label')].find((l) => l.textContent === 'Programs where you know nobody yet')!.querySelector('input')!;
    await click(nobody);
    await until(() => expect(cards()).toEqual([expect.stringContaining('Lakeside Clinic')]));
    await click(nobody);
    await until(() => expect(cards()).toHaveLength(3));

    for (const name of ['Northfield General Hospital', 'Northfield "NGH" General Hospital']) {
      await click([...screen.host.querySelectorAll('input[type="checkbox"]')].find((i) => i.getAttribute('aria-label') === `Choose ${name} for a merge`)!);
    }
    await until(() => expect(button('Merge 2 programs')).toBeDefined());
    await click(button('Merge 2 programs'));
    await until(() => expect(cards()).toHaveLength(2));
    const merged = (await listPrograms()).find((p) => p.id === a.id)!;
    expect(merged.aliases).toEqual(['Northfield "NGH" General Hospital']);
    expect(await contactIdsOfProgram(a.id)).toHaveLength(2);
    expect(cards().find((c) => c.startsWith('Northfield'))).toContain('2 contacts, 1 replied');

    await click(button('Undo'));
    await until(() => expect(cards()).toHaveLength(3));
    expect(await db.programs.get(b.id)).toBeDefined();
    expect(await contactIdsOfProgram(b.id)).toHaveLength(1);
  });

  it('a program’s page lists its people with the shared school, and links a suggested person by hand', async () => {
    await updateSettings({ mySchool: 'Perelman School of Medicine' });
    const program = await addProgram({ name: 'Northfield General Hospital' }, 1);
    await addContact({ fullName: 'Ana Díaz', organization: 'Northfield General Hospital', education: [{ school: 'University of Pennsylvania' }] });
    const near = await addContact({ fullName: 'Kim Park', organization: 'Northfield General Hospital (NGH)' });
    await screen.render(createElement(UndoProvider, null, createElement(ProgramsView, { onOpen: () => undefined })));
    await until(() => expect(cards()).toHaveLength(1));
    await click(button('Northfield General Hospital'));
    await until(() => expect(screen.host.querySelector('[data-testid="program-person"]')?.textContent).toContain('Same school (University of Pennsylvania)'));
    await until(() => expect(screen.host.querySelector('[data-testid="program-suggestion"]')?.textContent).toContain('Kim Park'));
    await click(screen.host.querySelector('[data-testid="program-suggestion"] button')!);
    await until(() => expect(screen.host.querySelectorAll('[data-testid="program-person"]')).toHaveLength(2));
    expect(await contactIdsOfProgram(program.id)).toContain(near.id);
  });
});
