// The first-screen snapshot: what it keeps, when it may be painted, and that no write leaves it showing what is gone.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { firstScreenOf, parseFirstScreen, PAINT_STATUSES, FIRST_SCREEN_ROWS } from '../../../contacts/first-screen';
import { STATUSES, type Contact } from '../../../model/schemas';
import { addContact, deleteContacts, firstContacts, updateContact } from '../../../storage/contacts';
import { currentFirstScreen, readFirstScreen, SCREEN_KEY, writeFirstScreen } from '../../../storage/first-screen';
import { paintFirstScreen } from '../../../components/first-paint/first-paint';
import { paintSidePanel } from '../../../components/first-paint/paint-side-panel';
import { bootSection, forgetBootSection, rememberSectionClicks } from '../../../components/first-paint/boot-clicks';
import { pipelineCounts } from '../../../storage/contact-list';
import { useLocale } from '../locale-messages';
import { eventually } from '../wait';

const add = (fullName: string, extra: Partial<Contact> = {}) => addContact({ fullName, status: 'not_contacted', ...extra } as Parameters<typeof addContact>[0]);
const names = () => readFirstScreen()?.rows.map((row) => row.name);

beforeEach(() => localStorage.clear());
afterEach(() => localStorage.clear());

describe('the first-screen snapshot', () => {
  it('knows every status the model has (it cannot import the model’s zod enum)', () => {
    expect([...PAINT_STATUSES]).toEqual([...STATUSES]);
  });

  it('keeps only what the first screen shows: no notes, emails, links or photo links', async () => {
    await add('Ana Ruiz', {
      title: 'Resident',
      organization: 'UCSF',
      notes: 'private note',
      emails: ['ana@example.com'],
      photoUrl: 'https://media.licdn.com/x.jpg',
      profileUrl: 'https://www.linkedin.com/in/ana-ruiz/',
    } as Partial<Contact>);
    expect(await writeFirstScreen(firstContacts)).toBe(true);
    const raw = localStorage.getItem(SCREEN_KEY)!;
    expect(raw).not.toMatch(/private note|example\.com|licdn|linkedin/);
    expect(readFirstScreen()?.rows).toEqual([expect.objectContaining({ name: 'Ana Ruiz', role: 'Resident · UCSF', status: 'not_contacted' })]);
  });

  it('holds at most a first screen of rows, and a damaged or foreign snapshot is not read', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ id: `c${i}`, fullName: `P ${i}`, status: 'replied' }) as Contact);
    const screen = firstScreenOf(many, { gen: 1, stamp: '' });
    expect(screen.rows).toHaveLength(FIRST_SCREEN_ROWS);
    expect(parseFirstScreen(JSON.stringify(screen))).toEqual(screen);
    expect(parseFirstScreen('{')).toBeUndefined();
    expect(parseFirstScreen(JSON.stringify({ ...screen, format: 99 }))).toBeUndefined();
    expect(parseFirstScreen(JSON.stringify({ ...screen, rows: [{ ...screen.rows[0], status: 'hacked' }] }))).toBeUndefined();
    expect(parseFirstScreen(JSON.stringify({ ...screen, rows: [{ ...screen.rows[0], thumb: 'https://evil.example/x.png' }] }))).toBeUndefined();
  });

  it('a delete makes the snapshot stale before it is written: the deleted contact is never painted', async () => {
    const ana = await add('Ana Ruiz');
    await add('Ben Ode');
    await writeFirstScreen(firstContacts);
    expect(names()).toEqual(['Ana Ruiz', 'Ben Ode']);
    await deleteContacts([ana.id]);
    // Gone at once, in the same path as the delete: the next open paints from the database.
    expect(localStorage.getItem(SCREEN_KEY)).toBeNull();
    expect(await currentFirstScreen()).toBeUndefined();
    await writeFirstScreen(firstContacts);
    expect(names()).toEqual(['Ben Ode']);
  });

  it('a snapshot read before a write is dropped, not stored with the write’s version', async () => {
    const ana = await add('Ana Ruiz');
    let release!: () => void;
    const gate = new Promise<void>((done) => (release = done));
    const writing = writeFirstScreen(async (limit) => {
      const read = await firstContacts(limit);
      await gate;
      return read;
    });
    await eventually(() => expect(release).toBeDefined());
    await new Promise((done) => setTimeout(done, 0));
    await deleteContacts([ana.id]);
    release();
    expect(await writing).toBe(false);
    expect(readFirstScreen()).toBeUndefined();
  });

  it('a write from a context without localStorage (the background) makes it stale through the stamp', async () => {
    const ana = await add('Ana Ruiz');
    await writeFirstScreen(firstContacts);
    expect((await currentFirstScreen())?.rows.map((r) => r.name)).toEqual(['Ana Ruiz']);
    const storage = globalThis.localStorage;
    vi.stubGlobal('localStorage', undefined);
    try {
      await updateContact(ana.id, { fullName: 'Ana Ruiz-Ode' });
    } finally {
      vi.stubGlobal('localStorage', storage);
    }
    // The page's copy is still there, but its stamp is no longer the current one.
    expect(readFirstScreen()).toBeDefined();
    await eventually(async () => expect(await currentFirstScreen()).toBeUndefined());
  });
});

describe('the side panel’s first paint', () => {
  it('draws the snapshot’s names as text, in the browser’s language, and marks the paint', async () => {
    await useLocale('es');
    await add('<img src=x onerror=alert(1)>', { status: 'replied' } as Partial<Contact>);
    await writeFirstScreen(firstContacts);
    const root = document.createElement('div');
    expect(await paintFirstScreen(root, paintSidePanel)).toBeDefined();
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.contact-row-name')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(root.querySelector('.pill.replied')?.textContent).toBe('Respondió');
    // Inert but for the section tabs (components/first-paint/boot-clicks.ts).
    expect(root.querySelector('[data-first-paint] main')?.hasAttribute('inert')).toBe(true);
    expect(root.querySelector('[data-first-paint] header .spread')?.hasAttribute('inert')).toBe(true);
    expect(root.querySelector('[data-first-paint] [inert] nav, [data-first-paint][inert]')).toBeNull();
    expect(performance.getEntriesByName('rapport:first-paint').length).toBeGreaterThan(0);
  });

  it('draws the pipeline strip with the snapshot’s counts, not “Counting…” that the counts would then push down', async () => {
    await add('Ana Ruiz', { status: 'replied' } as Partial<Contact>);
    await add('Ben Ode');
    await writeFirstScreen(firstContacts, pipelineCounts);
    expect(readFirstScreen()?.pipeline).toEqual({ total: 2, counts: expect.objectContaining({ replied: 1, not_contacted: 1, meeting: 0 }) });
    const root = document.createElement('div');
    await paintFirstScreen(root, paintSidePanel);
    expect(root.textContent).not.toContain('Counting…');
    expect([...root.querySelectorAll('.pipeline .stage')].map((stage) => stage.getAttribute('aria-label'))).toEqual([
      'Not contacted: 1',
      'Awaiting reply: 0',
      'Replied: 1',
      'Meeting: 0',
      'Closed: 0',
      'No response: 0',
    ]);
    expect(root.querySelector('[data-testid="loading-count"]')?.textContent).toBe('Loading 2 contacts…');
    // Damaged counts are no snapshot at all.
    const screen = readFirstScreen()!;
    expect(parseFirstScreen(JSON.stringify({ ...screen, pipeline: { total: 2, counts: { replied: -1 } } }))).toBeUndefined();
  });

  it('a section tab clicked on the snapshot is marked and opened by the panel’s first render; other clicks are not', async () => {
    await add('Ana Ruiz');
    await writeFirstScreen(firstContacts);
    const root = document.createElement('div');
    rememberSectionClicks(root, ['contacts', 'overview', 'settings']);
    await paintFirstScreen(root, paintSidePanel);
    root.querySelector<HTMLElement>('.contact-row')!.click();
    expect(bootSection()).toBeUndefined();
    root.querySelector<HTMLElement>('[data-section="overview"]')!.click();
    expect(bootSection()).toBe('overview');
    expect(bootSection()).toBe('overview');
    expect([...root.querySelectorAll('nav.tabs [aria-current="page"]')].map((tab) => tab.getAttribute('data-section'))).toEqual(['overview']);
    // A tab of a section this page does not know is not followed.
    root.querySelector<HTMLElement>('[data-section="letters"]')!.click();
    expect(bootSection()).toBe('overview');
    forgetBootSection();
    expect(bootSection()).toBeUndefined();
  });

  it('paints nothing without a current snapshot', async () => {
    const root = document.createElement('div');
    expect(await paintFirstScreen(root, paintSidePanel)).toBeUndefined();
    expect(root.childElementCount).toBe(0);
  });
});
