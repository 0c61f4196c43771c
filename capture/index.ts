/**
 * The capture API for extension pages and the background: extraction plus
 * validation against the `Capture` schema. Content scripts must not import
 * this module (it pulls in zod); they use ./extract and send the raw result.
 */
import { z } from 'zod';
import { Capture } from '../model/schemas';
import { extractRaw, findPeopleRaw } from './extract';

export { extractRaw, findPeopleRaw } from './extract';
export type { Capture, CaptureInput } from '../model/schemas';

/** The person the page is about, validated; null when there is none (or several). */
export function extractProfile(doc: Document, url: string): Capture | null {
  return validateCapture(extractRaw(doc, url));
}

/** Every person on a page that lists several, in page order, each validated. */
export function findPeople(doc: Document, url: string): Capture[] {
  const out: Capture[] = [];
  for (const raw of findPeopleRaw(doc, url)) {
    const capture = validateCapture(raw);
    if (capture) out.push(capture);
  }
  return out;
}

function own(obj: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Strips `.optional()` and `.default()` to reach the schema that does the work. */
function core(schema: z.ZodType): z.ZodType {
  let inner: z.ZodType = schema;
  for (;;) {
    if (inner instanceof z.ZodDefault || inner instanceof z.ZodOptional) inner = inner.unwrap() as z.ZodType;
    else return inner;
  }
}

/**
 * The valid part of one field's value, or undefined. Arrays keep their valid
 * elements (and as many as the schema allows); objects keep their valid
 * fields. Only keys the schema declares are ever written, so a page's
 * `__proto__` or `constructor` is never copied onto anything.
 */
function validPart(schema: z.ZodType, value: unknown): unknown {
  if (value === undefined) return undefined;
  if (schema.safeParse(value).success) return value;
  const inner = core(schema);
  if (inner instanceof z.ZodArray && Array.isArray(value)) {
    const element = inner.element as z.ZodType;
    const items: unknown[] = [];
    for (const item of value as unknown[]) {
      const valid = validPart(element, item);
      if (valid !== undefined) items.push(valid);
    }
    return longestValidPrefix(schema, items);
  }
  if (inner instanceof z.ZodObject && isPlainObject(value)) {
    const shape = inner.shape as Record<string, z.ZodType>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(shape)) {
      const field = shape[key];
      if (!field) continue;
      const valid = validPart(field, own(value, key));
      if (valid !== undefined) out[key] = valid;
    }
    return schema.safeParse(out).success ? out : undefined;
  }
  return undefined;
}

/** Too many entries (say 400 experience items) keeps the first ones the schema allows. */
function longestValidPrefix(schema: z.ZodType, items: unknown[]): unknown[] | undefined {
  if (schema.safeParse(items).success) return items;
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (schema.safeParse(items.slice(0, mid)).success) lo = mid;
    else hi = mid - 1;
  }
  return lo > 0 && schema.safeParse(items.slice(0, lo)).success ? items.slice(0, lo) : undefined;
}

/**
 * Validates what an extractor (or a content script) produced. Degrades field
 * by field: an invalid optional field (a `javascript:` photo, an over-long
 * headline, a bad education entry) is dropped and the rest kept. Only a
 * missing or invalid name, source or profile link yields null.
 */
export function validateCapture(raw: unknown): Capture | null {
  if (!isPlainObject(raw)) return null;
  const shape = Capture.shape as unknown as Record<string, z.ZodType>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(shape)) {
    const field = shape[key];
    if (!field) continue;
    const valid = validPart(field, own(raw, key));
    if (valid !== undefined) out[key] = valid;
  }
  const result = Capture.safeParse(out);
  return result.success ? result.data : null;
}
