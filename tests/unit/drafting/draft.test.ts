// @vitest-environment node (no DOM reached: see vitest.config.ts)
/** The draft's decisions (drafting/draft.ts): the template it starts from, keeping a saved draft, what is logged. */
import { describe, expect, it } from 'vitest';
import { builtInTemplate } from '../../../drafting/builtin-templates';
import { editedFromTemplate, emptyDraft, fromTemplate, keepsSavedDraft, loggedText, startTemplateIds } from '../../../drafting/draft';
import type { Contact, Template } from '../../../model/schemas';

const contact = (over: Partial<Contact> = {}) => ({ status: 'not_contacted', followUpsSent: 0, ...over }) as Contact;
const template = { ...builtInTemplate('builtin:informational')!, updatedAt: 0 } as Template;

describe('the template a draft starts from', () => {
  it('is the one asked for, then the suggested one', () => {
    expect(startTemplateIds(contact(), { requested: 'user:mine', sharedSchool: false })).toEqual(['user:mine', 'builtin:informational']);
  });

  it('is the letter’s next message for someone writing one, whatever their status suggests', () => {
    const awaiting = contact({ status: 'awaiting_reply' });
    expect(startTemplateIds(awaiting, { sharedSchool: false, letter: { status: 'asked' } })).toEqual(['builtin:letter-check-in', 'builtin:follow-up-1']);
    expect(startTemplateIds(awaiting, { sharedSchool: false, letter: { status: 'submitted' } })[0]).toBe('builtin:letter-thank-you');
    // A letter thanked for is done: the draft follows the contact again.
    expect(startTemplateIds(awaiting, { sharedSchool: false, letter: { status: 'thanked' } })[0]).toBe('builtin:follow-up-1');
  });

  it('is the suggested one otherwise, alumni for a shared school', () => {
    expect(startTemplateIds(contact(), { sharedSchool: true })).toEqual(['builtin:alumni', 'builtin:alumni']);
  });
});

describe('a draft', () => {
  it('saved is restored unless another template is asked for', () => {
    expect(keepsSavedDraft(undefined, undefined)).toBe(false);
    expect(keepsSavedDraft({ templateId: 'a' }, undefined)).toBe(true);
    expect(keepsSavedDraft({ templateId: 'a' }, 'a')).toBe(true);
    expect(keepsSavedDraft({ templateId: 'a' }, 'b')).toBe(false);
  });

  it('from a template keeps the sentence and values typed in, and knows when its text was edited', () => {
    const draft = fromTemplate(template, { personal: 'We met at the AAMC.', values: { erasLetterId: 'L-1' } });
    expect(draft).toMatchObject({ templateId: template.id, body: template.body, personal: 'We met at the AAMC.', values: { erasLetterId: 'L-1' } });
    expect(editedFromTemplate(template, draft)).toBe(false);
    expect(editedFromTemplate(template, { ...draft, body: `${draft.body} Thanks!` })).toBe(true);
    expect(editedFromTemplate(undefined, draft)).toBe(false);
    expect(emptyDraft()).not.toBe(emptyDraft());
  });

  it('logs the subject above the message where the channel has one', () => {
    expect(loggedText('Hello', 'Body', true)).toBe('Subject: Hello\n\nBody');
    expect(loggedText('  ', 'Body', true)).toBe('Body');
    expect(loggedText('Hello', 'Body', false)).toBe('Body');
  });
});
