/**
 * The templates repository: the built-ins (seeded into the table on first
 * use, so the user can edit or delete them) and the user's own templates.
 * Every write is checked by the Template schema and by the template checker:
 * a template with an unknown variable is never saved.
 */
import { BUILTIN_TEMPLATES, builtInTemplate, type BuiltInTemplate } from '../drafting/builtin-templates';
import { checkTemplate } from '../drafting/render';
import { db } from './db';
import { newId } from '../model/ids';
import { Template, type Channel, type MessageFormat } from '../model/schemas';
import { UserError, userText } from '../model/user-text';

/** The built-in ids already put in the table once; a deleted built-in is not put back by itself. */
const SEEDED_KEY = 'templates:seeded';

async function seededIds(): Promise<Set<string>> {
  const row = await db.settings.get(SEEDED_KEY);
  return new Set(Array.isArray(row?.value) ? row.value.filter((v): v is string => typeof v === 'string') : []);
}

function materialize(template: BuiltInTemplate, now: number): Template {
  return Template.parse({ ...template, updatedAt: now });
}

const ORDER = new Map(BUILTIN_TEMPLATES.map((template, index) => [template.id, index]));

/** Built-ins in their catalogue order, then the user's own by name. */
function sortTemplates(templates: Template[]): Template[] {
  return templates.sort((a, b) => {
    const x = ORDER.get(a.id);
    const y = ORDER.get(b.id);
    if (x !== undefined && y !== undefined) return x - y;
    if (x !== undefined) return -1;
    if (y !== undefined) return 1;
    return a.name.localeCompare(b.name);
  });
}

/**
 * Every template. Read-only, so it can run inside a live query: built-ins not
 * yet seeded are listed from the code until `ensureBuiltIns` stores them.
 */
export async function listTemplates(): Promise<Template[]> {
  const [rows, seeded] = await Promise.all([db.templates.toArray(), seededIds()]);
  const present = new Set(rows.map((row) => row.id));
  const unseeded = BUILTIN_TEMPLATES.filter((b) => !seeded.has(b.id) && !present.has(b.id)).map((b) => materialize(b, 0));
  return sortTemplates([...rows, ...unseeded]);
}

/** Every template's name by id, as listTemplates names them, without building each record (the Overview's labels). */
export async function templateNames(): Promise<Map<string, string>> {
  const [rows, seeded] = await Promise.all([db.templates.toArray(), seededIds()]);
  const names = new Map(rows.map((row) => [row.id, row.name]));
  for (const b of BUILTIN_TEMPLATES) if (!seeded.has(b.id) && !names.has(b.id)) names.set(b.id, b.name);
  return names;
}

export async function getTemplate(id: string): Promise<Template | undefined> {
  const row = await db.templates.get(id);
  if (row) return row;
  const builtIn = builtInTemplate(id);
  if (builtIn && !(await seededIds()).has(id)) return materialize(builtIn, 0);
  return undefined;
}

/** Stores the built-ins never stored before (first use, or new ones in an update). */
export async function ensureBuiltIns(now = Date.now()): Promise<void> {
  await db.transaction('rw', [db.templates, db.settings], async () => {
    const seeded = await seededIds();
    const missing = BUILTIN_TEMPLATES.filter((b) => !seeded.has(b.id));
    if (missing.length === 0) return;
    for (const builtIn of missing) {
      if (!(await db.templates.get(builtIn.id))) await db.templates.add(materialize(builtIn, now));
      seeded.add(builtIn.id);
    }
    await db.settings.put({ key: SEEDED_KEY, value: [...seeded] });
  });
}

export interface TemplateFields {
  /** Absent for a new template. */
  id?: string;
  name: string;
  purpose?: string;
  channel: Channel;
  format?: MessageFormat;
  subject?: string;
  body: string;
}

/** Saves a new or edited template; throws with the problems when it has errors. */
export async function saveTemplate(fields: TemplateFields, now = Date.now()): Promise<Template> {
  const errors = checkTemplate(fields.subject ?? '', fields.body).filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(errors.map((e) => e.message).join(' '));
  await ensureBuiltIns(now);
  return db.transaction('rw', db.templates, async () => {
    const existing = fields.id ? await db.templates.get(fields.id) : undefined;
    if (fields.id && !existing) throw new UserError(userText('errors.templateGone'));
    const template = Template.parse({
      id: existing?.id ?? `user:${newId()}`,
      name: fields.name,
      purpose: fields.purpose ?? '',
      channel: fields.channel,
      format: fields.format,
      subject: fields.subject?.trim() ? fields.subject : undefined,
      body: fields.body,
      builtIn: existing?.builtIn ?? false,
      updatedAt: now,
    });
    await db.templates.put(template);
    return template;
  });
}

/** A copy the user owns, named "… (copy)". */
export async function duplicateTemplate(id: string, now = Date.now()): Promise<Template> {
  const source = await getTemplate(id);
  if (!source) throw new UserError(userText('errors.templateGone'));
  const template = Template.parse({
    ...source,
    id: `user:${newId()}`,
    name: `${source.name.slice(0, 112)} (copy)`,
    builtIn: false,
    updatedAt: now,
  });
  await db.templates.add(template);
  return template;
}

export async function deleteTemplate(id: string, now = Date.now()): Promise<void> {
  // Seed first, so that a deleted built-in is not listed again from the code.
  await ensureBuiltIns(now);
  await db.templates.delete(id);
}

/** Puts one built-in back as shipped, replacing the user's edits. */
export async function restoreBuiltIn(id: string, now = Date.now()): Promise<Template> {
  const builtIn = builtInTemplate(id);
  if (!builtIn) throw new UserError(userText('errors.notBuiltIn'));
  await ensureBuiltIns(now);
  const template = materialize(builtIn, now);
  await db.templates.put(template);
  return template;
}

/** Puts every built-in back as shipped: deleted ones return, edited ones are reset. The user's own are kept. */
export async function restoreBuiltIns(now = Date.now()): Promise<void> {
  await ensureBuiltIns(now);
  await db.templates.bulkPut(BUILTIN_TEMPLATES.map((b) => materialize(b, now)));
}

/** Whether a built-in differs from how it shipped. */
export function isModifiedBuiltIn(template: Template): boolean {
  const original = builtInTemplate(template.id);
  if (!original || !template.builtIn) return false;
  const shipped = materialize(original, template.updatedAt);
  return (['name', 'purpose', 'channel', 'format', 'subject', 'body'] as const).some((k) => shipped[k] !== template[k]);
}

/** Puts back a template exactly as it was (undo of a delete). */
export async function putBackTemplate(template: Template): Promise<Template> {
  const parsed = Template.parse(template);
  await db.templates.put(parsed);
  return parsed;
}
