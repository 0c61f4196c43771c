/**
 * A draft's decisions, pure, so that they are tested apart from the composer (components/drafting/DraftComposer.tsx,
 * which restores, autosaves and shows the draft): which template a draft starts from, when a saved draft is kept,
 * a template's fields as a draft, whether the user edited the template, and the text "Mark as sent" logs.
 */
import { isPending } from '../followups/due';
import { defaultFormat } from './limits';
import { letterTemplateFor, suggestTemplateId } from './builtin-templates';
import type { Contact, Letter, MessageFormat, Template } from '../model/schemas';

export interface DraftState {
  templateId?: string;
  format: MessageFormat;
  subject: string;
  body: string;
  personal: string;
  values: Record<string, string>;
}

/** A draft with no template at all (none stored): the user writes it from scratch. */
export function emptyDraft(): DraftState {
  return { format: 'linkedin_message', subject: '', body: '', personal: '', values: {} };
}

/** A template's fields as a draft; switching templates keeps the personal sentence and the values typed in. */
export function fromTemplate(template: Template, keep?: Pick<DraftState, 'personal' | 'values'>): DraftState {
  return {
    templateId: template.id,
    format: template.format ?? defaultFormat(template.channel),
    subject: template.subject ?? '',
    body: template.body,
    personal: keep?.personal ?? '',
    values: keep?.values ?? {},
  };
}

/** The saved draft is restored unless the user asked for another template (a follow-up opened from the popup). */
export function keepsSavedDraft(saved: Pick<DraftState, 'templateId'> | undefined, requested: string | undefined): boolean {
  return saved !== undefined && (!requested || saved.templateId === requested);
}

/**
 * The templates to start from, in order (the first one stored wins): the one asked for, or for someone writing a
 * letter the letter's next message, or the one suggested by where the contact stands; then the suggested one.
 */
export function startTemplateIds(
  contact: Pick<Contact, 'status' | 'followUpsSent' | 'whereMet'>,
  options: { requested?: string; sharedSchool: boolean; letter?: Pick<Letter, 'status'> },
): [string, string] {
  const suggested = suggestTemplateId(contact, { sharedSchool: options.sharedSchool });
  const owed = options.letter;
  const first = options.requested ?? (owed && (isPending(owed) || owed.status === 'submitted') ? letterTemplateFor(owed) : suggested);
  return [first, suggested];
}

/** Whether the draft's text differs from its template's, so that switching templates must ask first. */
export function editedFromTemplate(template: Template | undefined, draft: Pick<DraftState, 'subject' | 'body'>): boolean {
  return template !== undefined && (template.body !== draft.body || (template.subject ?? '') !== draft.subject);
}

/** What "Mark as sent" records on the timeline: the subject, when the channel has one, above the message. */
export function loggedText(subject: string, body: string, hasSubject: boolean): string {
  return hasSubject && subject.trim() ? `Subject: ${subject}\n\n${body}` : body;
}
