/**
 * Rendering a template for one contact, as segments rather than a string, so
 * that the UI can show a missing variable highlighted as a React element and
 * never has to build HTML from contact text.
 *
 * Syntax: `{{name}}` is a variable (spaces inside the braces allowed);
 * `[[hint]]` marks the line where the user writes their own sentence. The
 * values of variables are never parsed again, so a contact whose headline
 * contains "{{" cannot inject anything.
 */
import { i18n } from '../model/i18n';
import { isKnownVariable, type VariableValues } from './variables';

export type Segment =
  | { kind: 'text'; text: string }
  /** A variable with a value. */
  | { kind: 'value'; name: string; text: string }
  /** A known variable without a value: shown as `{{name}}`, blocks copying. */
  | { kind: 'missing'; name: string; text: string }
  /** A name that is not a variable, or broken braces: an error. */
  | { kind: 'unknown'; name: string; text: string }
  /** The personal line: the user's sentence when written, else the marker and its hint. */
  | { kind: 'personal'; hint: string; text: string; filled: boolean };

export interface Rendered {
  segments: Segment[];
  /** The message as it would be sent. */
  text: string;
  missing: string[];
  unknown: string[];
  /** How many personal-line markers the source has, and whether the first one is filled. */
  personal: { markers: number; filled: boolean };
  /** `{{` or `}}` left unmatched. */
  strayBraces: boolean;
}

const TOKEN = /\{\{([^{}]*)\}\}|\[\[([^[\]\n]*)\]\]/g;
const NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/** The hint a personal-line marker shows before the user writes their sentence. */
export const PERSONAL_HINT_PREFIX = 'Your personal sentence';

export function render(source: string, values: VariableValues, personal = ''): Rendered {
  const segments: Segment[] = [];
  const missing = new Set<string>();
  const unknown = new Set<string>();
  let markers = 0;
  let filled = false;
  let strayBraces = false;
  let last = 0;
  const pushText = (text: string) => {
    if (!text) return;
    if (text.includes('{{') || text.includes('}}')) strayBraces = true;
    segments.push({ kind: 'text', text });
  };
  for (const match of source.matchAll(TOKEN)) {
    pushText(source.slice(last, match.index));
    last = match.index + match[0].length;
    if (match[1] !== undefined) {
      const name = match[1].trim();
      if (!NAME.test(name) || !isKnownVariable(name)) {
        unknown.add(name);
        segments.push({ kind: 'unknown', name, text: match[0] });
        continue;
      }
      const value = values[name] ?? '';
      if (value) segments.push({ kind: 'value', name, text: value });
      else {
        missing.add(name);
        segments.push({ kind: 'missing', name, text: `{{${name}}}` });
      }
    } else {
      markers += 1;
      const sentence = personal.trim();
      // Only the first marker takes the sentence: a template has one personal line.
      if (markers === 1 && sentence) {
        filled = true;
        segments.push({ kind: 'personal', hint: (match[2] ?? '').trim(), text: sentence, filled: true });
      } else {
        segments.push({ kind: 'personal', hint: (match[2] ?? '').trim(), text: match[0], filled: false });
      }
    }
  }
  pushText(source.slice(last));
  return {
    segments,
    text: segments.map((s) => s.text).join(''),
    missing: [...missing],
    unknown: [...unknown],
    personal: { markers, filled },
    strayBraces,
  };
}

/** What stops a rendered draft from being copied or sent, in words for the user. */
export function blockers(parts: readonly Rendered[]): string[] {
  const missing = [...new Set(parts.flatMap((p) => p.missing))];
  const unknown = [...new Set(parts.flatMap((p) => p.unknown))];
  const reasons: string[] = [];
  const braces = (names: string[]) => names.map((n) => `{{${n}}}`).join(', ');
  if (unknown.length) reasons.push(i18n.t('drafting.check.notAVariable', { names: braces(unknown) }));
  if (parts.some((p) => p.strayBraces)) reasons.push(i18n.t('drafting.check.strayBraces', { open: '{{', close: '}}' }));
  if (missing.length) reasons.push(i18n.t('drafting.check.noValueYet', { names: braces(missing) }));
  const markers = parts.reduce((n, p) => n + p.personal.markers, 0);
  const filled = parts.some((p) => p.personal.filled);
  if (markers > 0 && (!filled || markers > 1)) {
    reasons.push(filled ? i18n.t('drafting.check.extraPersonalLines') : i18n.t('drafting.check.writePersonalFirst'));
  }
  return reasons;
}

export interface TemplateProblem {
  severity: 'error' | 'warning';
  message: string;
}

/** Checks a template as the editor saves it: unknown variables and broken braces are errors. */
export function checkTemplate(subject: string, body: string): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const parts = [render(subject, {}), render(body, {})];
  const unknown = [...new Set(parts.flatMap((p) => p.unknown))];
  for (const name of unknown) {
    problems.push({
      severity: 'error',
      message: name ? i18n.t('drafting.check.unknownVariable', { name: `{{${name}}}` }) : i18n.t('drafting.check.emptyVariable', { braces: '{{}}' }),
    });
  }
  if (parts.some((p) => p.strayBraces)) problems.push({ severity: 'error', message: i18n.t('drafting.check.strayBraces', { open: '{{', close: '}}' }) });
  const subjectMarkers = parts[0]?.personal.markers ?? 0;
  const bodyMarkers = parts[1]?.personal.markers ?? 0;
  if (subjectMarkers > 0) problems.push({ severity: 'error', message: i18n.t('drafting.check.personalInSubject') });
  if (bodyMarkers > 1) problems.push({ severity: 'error', message: i18n.t('drafting.check.onePersonalLine') });
  if (bodyMarkers === 0) {
    problems.push({
      severity: 'warning',
      message: i18n.t('drafting.check.noPersonalLine'),
    });
  }
  return problems;
}

/** Variable names a source uses, in order of first use. */
/**
 * What the first personal line of `body` asks the user to write ("why this person?"), read with the same tokens
 * as render(), without the "Your personal sentence:" lead; undefined when there is no marker or it says nothing.
 */
export function personalHint(body: string): string | undefined {
  for (const match of body.matchAll(TOKEN)) {
    if (match[2] === undefined) continue;
    return match[2].trim().replace(new RegExp(`^${PERSONAL_HINT_PREFIX}:\\s*`, 'i'), '') || undefined;
  }
  return undefined;
}

export function usedVariables(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(TOKEN)) if (match[1] !== undefined) names.add(match[1].trim());
  return [...names];
}
