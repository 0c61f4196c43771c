/**
 * Merging variants of one place into a single program. Pure: storage/programs.ts
 * writes the result and keeps what it replaced, so that the merge can be undone.
 */
import type { Interview, Program } from '../model/schemas';
import { nameKey } from './names';

/**
 * `into` absorbs `others`: their names become its other names (so future saves
 * link to it), its empty fields take theirs, notes are joined, interviews
 * gathered; nothing any of them held is dropped.
 */
export function mergePrograms(into: Program, others: readonly Program[], now: number): Program {
  const seen = new Set([nameKey(into.name)]);
  const aliases: string[] = [];
  for (const name of [...into.aliases, ...others.flatMap((p) => [p.name, ...p.aliases])]) {
    const key = nameKey(name);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    aliases.push(name);
  }
  const merged: Program = { ...into, aliases, updatedAt: now };
  const FILLABLE = ['specialty', 'parent', 'city', 'region', 'website', 'rank'] as const;
  for (const other of others) {
    for (const field of FILLABLE) if (merged[field] === undefined && other[field] !== undefined) (merged as Record<string, unknown>)[field] = other[field];
    if (merged.kind === 'other' && other.kind !== 'other') merged.kind = other.kind;
    if (merged.stage === 'researching' && other.stage !== 'researching') merged.stage = other.stage;
  }
  merged.notes = [into, ...others].map((p) => p.notes).filter(Boolean).join('\n\n');
  const interviews = new Map<string, Interview>();
  for (const interview of [into, ...others].flatMap((p) => p.interviews)) if (!interviews.has(interview.date)) interviews.set(interview.date, interview);
  merged.interviews = [...interviews.values()].sort((a, b) => a.date.localeCompare(b.date));
  merged.createdAt = Math.min(into.createdAt, ...others.map((p) => p.createdAt));
  return merged;
}
