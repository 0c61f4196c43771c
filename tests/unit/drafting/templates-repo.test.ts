// @vitest-environment node (no DOM reached but the page's localStorage: see vitest.config.ts)
import '../page-storage';
import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '../../../drafting/builtin-templates';
import { db } from '../../../storage/db';
import {
  deleteTemplate,
  duplicateTemplate,
  ensureBuiltIns,
  getTemplate,
  isModifiedBuiltIn,
  listTemplates,
  restoreBuiltIn,
  restoreBuiltIns,
  saveTemplate,
} from '../../../storage/templates';

describe('templates repository', () => {
  it('lists the built-ins before first use without writing, and seeds them once', async () => {
    const listed = await listTemplates();
    expect(listed.map((t) => t.id)).toEqual(BUILTIN_TEMPLATES.map((t) => t.id));
    expect(await db.templates.count()).toBe(0);
    await ensureBuiltIns(5);
    await ensureBuiltIns(6);
    expect(await db.templates.count()).toBe(BUILTIN_TEMPLATES.length);
    expect((await getTemplate('builtin:alumni'))?.updatedAt).toBe(5);
  });

  it('saves, edits and duplicates the user’s own templates', async () => {
    const created = await saveTemplate({ name: 'Quick hello', channel: 'email', subject: 'Hi {{firstName}}', body: 'Hello {{firstName}}\n[[Your personal sentence: x]]' }, 10);
    expect(created.id).toMatch(/^user:/);
    expect(created).toMatchObject({ builtIn: false, purpose: '', subject: 'Hi {{firstName}}', updatedAt: 10 });
    const edited = await saveTemplate({ id: created.id, name: 'Quick hello 2', channel: 'linkedin', format: 'linkedin_connection', body: 'Hey' }, 11);
    expect(edited).toMatchObject({ id: created.id, name: 'Quick hello 2', subject: undefined, format: 'linkedin_connection' });
    const copy = await duplicateTemplate(created.id, 12);
    expect(copy).toMatchObject({ name: 'Quick hello 2 (copy)', builtIn: false, body: 'Hey' });
    expect(copy.id).not.toBe(created.id);
    const names = (await listTemplates()).map((t) => t.name);
    // Built-ins first, then the user's own by name.
    expect(names.slice(-2)).toEqual(['Quick hello 2', 'Quick hello 2 (copy)']);
  });

  it('refuses a template with an unknown variable or broken braces, and writes nothing', async () => {
    await expect(saveTemplate({ name: 'Bad', channel: 'email', body: 'Hi {{frist}}' })).rejects.toThrow(
      '{{frist}} is not a variable Rapport knows.',
    );
    await expect(saveTemplate({ name: 'Bad', channel: 'email', body: 'Hi {{firstName' })).rejects.toThrow('has no partner');
    await expect(saveTemplate({ name: '   ', channel: 'email', body: 'Hi' })).rejects.toThrow();
    expect((await db.templates.toArray()).filter((t) => !t.builtIn)).toEqual([]);
  });

  it('lets a built-in be edited or deleted, and restores it as shipped', async () => {
    const original = (await getTemplate('builtin:thank-you'))!;
    const edited = await saveTemplate({ ...original, body: 'Thanks {{firstName}}! [[Your personal sentence: x]]' }, 20);
    expect(edited.builtIn).toBe(true);
    expect(isModifiedBuiltIn(edited)).toBe(true);
    expect(isModifiedBuiltIn(original)).toBe(false);

    await deleteTemplate('builtin:alumni');
    await ensureBuiltIns();
    expect((await listTemplates()).some((t) => t.id === 'builtin:alumni')).toBe(false);
    expect(await getTemplate('builtin:alumni')).toBeUndefined();

    const restored = await restoreBuiltIn('builtin:thank-you', 30);
    expect(isModifiedBuiltIn(restored)).toBe(false);
    const own = await saveTemplate({ name: 'Mine', channel: 'other', body: 'x' });
    await restoreBuiltIns(40);
    const ids = (await listTemplates()).map((t) => t.id);
    expect(ids).toContain('builtin:alumni');
    expect(ids).toContain(own.id);
    await expect(restoreBuiltIn(own.id)).rejects.toThrow('not a built-in');
  });
});
