/**
 * The templates Rapport ships, written for this project. Each is a starting
 * point: it names its purpose and channel, and leaves one marked line, `[[…]]`,
 * for a sentence only the user can write. Ids are stable (`builtin:…`) so
 * that restoring a built-in replaces the user's edited copy rather than
 * adding a second one.
 *
 * Post-interview messages follow the Match's communication rules: they may
 * express interest, and none implies a ranking commitment or asks how a
 * program will rank the applicant.
 */
import type { Contact, InteractionKind, Letter, Template } from '../model/schemas';

export type BuiltInTemplate = Omit<Template, 'updatedAt' | 'builtIn'> & { builtIn: true };

const t = (template: Omit<BuiltInTemplate, 'builtIn'>): BuiltInTemplate => ({ ...template, builtIn: true });

export const BUILTIN_TEMPLATES: readonly BuiltInTemplate[] = [
  t({
    id: 'builtin:informational',
    name: 'Informational conversation request',
    purpose: 'Ask someone whose path interests you for a short conversation.',
    channel: 'linkedin',
    format: 'linkedin_message',
    body: `Dear {{salutation}},

My name is {{myName}}, {{myYear}} at {{mySchool}}, and I am applying in {{mySpecialty}}. I came across your work as {{title}} at {{organization}}.
[[Your personal sentence: what about their path or work made you write to them?]]

Would you have 15 to 20 minutes in the coming weeks for a short conversation? I would value your perspective on training in {{mySpecialty}} and on what helped you along the way. I am happy to work around your schedule, by phone or video.

Thank you for considering it,
{{signature}}`,
  }),
  t({
    id: 'builtin:connection-note',
    name: 'LinkedIn connection note',
    purpose: 'A short note with a connection request; fits the free account’s limit.',
    channel: 'linkedin',
    format: 'linkedin_connection',
    body: `Hi {{firstName}}, I'm {{myName}} ({{myYear}}), interested in {{mySpecialty}}.
[[Your personal sentence: one line on why them]]
I'd be glad to connect.`,
  }),
  t({
    id: 'builtin:alumni',
    name: 'Alumni outreach (shared school)',
    purpose: 'Reach out to someone who studied where you study.',
    channel: 'linkedin',
    format: 'linkedin_message',
    body: `Hi {{firstName}},

I am {{myName}}, {{myYear}} at {{sharedSchool}}, where you also studied. I am applying in {{mySpecialty}} this cycle and saw that you are now {{title}} at {{organization}}.
[[Your personal sentence: something specific you noticed in their path]]

Would you be open to a short call about how you chose your program and what you wish you had known as an applicant? Even 15 minutes would help me a great deal.

With thanks,
{{signature}}`,
  }),
  t({
    id: 'builtin:resident-question',
    name: 'Question for a current resident',
    purpose: 'Ask a resident about life in their program.',
    channel: 'linkedin',
    format: 'linkedin_message',
    body: `Hi {{firstName}},

I am {{myName}}, {{myYear}} at {{mySchool}}, applying in {{mySpecialty}}, and I am very interested in the program at {{organization}}.
[[Your personal sentence: the one question you most want answered about their program]]

If you have a few minutes, I would be grateful for your honest take on the day-to-day: the culture among residents, how teaching happens on busy services, and what you would want an applicant to know. I know residency leaves little free time, so even a short reply would help.

Thank you,
{{signature}}`,
  }),
  t({
    id: 'builtin:program-intro',
    name: 'Introduction to a program coordinator or director',
    purpose: 'Introduce yourself to a program before or while you apply.',
    channel: 'email',
    format: 'email',
    subject: '{{mySpecialty}} applicant: introduction from {{myName}}',
    body: `Dear {{salutation}},

My name is {{myName}}, {{myYear}} at {{mySchool}}, and I am applying to {{mySpecialty}} residency programs this cycle. I am writing to introduce myself and to share my interest in the program at {{organization}}.
[[Your personal sentence: what draws you to this program in particular]]

I have read the program's website, and I would be grateful to hear of anything else you would like applicants to know, or of an upcoming information session I could join.

Thank you for your time and for all you do for applicants.

Sincerely,
{{signature}}`,
  }),
  t({
    id: 'builtin:letter-request',
    name: 'Letter of recommendation request',
    purpose: 'Ask someone who knows your work for a letter, with everything ERAS needs.',
    channel: 'email',
    format: 'email',
    subject: 'Letter of recommendation request from {{myName}}',
    body: `Dear {{salutation}},

I hope you are well.
[[Your personal sentence: remind them how they know your work (rotation, research, when)]]

I am applying to {{mySpecialty}} residency this cycle, and I would be honored if you would write a letter of recommendation in support of my application. I will fully understand if your schedule does not allow it.

If you are able to, here is what ERAS needs:
- Applicant: {{myName}}, AAMC ID {{myAamcId}}
- ERAS Letter ID: {{erasLetterId}}
- {{waiverChoice}}
- The letter is uploaded through the ERAS Letter of Recommendation Portal (LoRP); I would be grateful to have it by {{letterDeadline}}.

I would be glad to send my CV, personal statement and a short summary of the work we did together, or to meet if that would help.

With gratitude,
{{signature}}`,
  }),
  t({
    id: 'builtin:letter-check-in',
    name: 'Letter check-in before the deadline',
    purpose: 'A gentle reminder to a letter writer as the deadline nears.',
    channel: 'email',
    format: 'email',
    subject: 'Checking in about my letter of recommendation',
    body: `Dear {{salutation}},

I hope you are well. I wanted to check in gently about the letter of recommendation you kindly agreed to write for my {{mySpecialty}} applications.
[[Your personal sentence: an update since you asked (a rotation, a result, your CV)]]

Programs begin reviewing applications soon, so I would be grateful to have it by {{letterDeadline}}. As a reminder:
- ERAS Letter ID: {{erasLetterId}}
- {{waiverChoice}}
- The letter is uploaded through the ERAS Letter of Recommendation Portal (LoRP).

Please let me know if there is anything I can send that would help. Thank you again for your support.

With gratitude,
{{signature}}`,
  }),
  t({
    id: 'builtin:letter-thank-you',
    name: 'Thank-you for a letter',
    purpose: 'Thank a writer once their letter is submitted.',
    channel: 'email',
    format: 'email',
    subject: 'Thank you for my letter of recommendation',
    body: `Dear {{salutation}},

I just saw that your letter of recommendation has been submitted. Thank you so much for taking the time to write it.
[[Your personal sentence: what their support and teaching have meant to you]]

I will keep you updated on how my application goes.

With sincere thanks,
{{signature}}`,
  }),
  t({
    id: 'builtin:match-update',
    name: 'Update after the Match',
    purpose: 'Tell the people who wrote for you, or helped you, where you matched.',
    channel: 'email',
    format: 'email',
    subject: 'I matched!',
    body: `Dear {{salutation}},

I wanted you to be among the first to know that I matched into {{mySpecialty}}.
[[Your personal sentence: the program where you matched, and when you start]]

Your support, and your letter, were a real part of getting here. Thank you for everything you did for me along the way.

I hope to stay in touch, and would be glad to help students from {{mySchool}} the way you helped me.

With gratitude,
{{signature}}`,
  }),
  t({
    id: 'builtin:keep-in-touch',
    name: 'Keeping in touch',
    purpose: 'A short note to someone you have not talked with in a while.',
    channel: 'email',
    format: 'email',
    subject: 'Catching up',
    body: `Hi {{firstName}},

I hope things are going well at {{organization}}. It has been a while since we last talked, and I wanted to share a quick update.
[[Your personal sentence: what you have been doing, and something you remember from your last conversation]]

I would love to hear how you are doing, whenever you have a moment.

Best,
{{signature}}`,
  }),
  t({
    id: 'builtin:follow-up-1',
    name: 'First follow-up',
    purpose: 'A polite nudge when your first message has had no answer.',
    channel: 'linkedin',
    format: 'linkedin_message',
    body: `Hi {{firstName}},

I wanted to follow up on my earlier message in case it got buried; I know how full your days are.
[[Your personal sentence: one new detail, or your ask in a single line]]

If a conversation is not possible right now, I would also be grateful for any advice you could share in a message.

Thank you,
{{myName}}`,
  }),
  t({
    id: 'builtin:follow-up-2',
    name: 'Second and last follow-up',
    purpose: 'The last polite follow-up; after it, let the conversation rest.',
    channel: 'linkedin',
    format: 'linkedin_message',
    body: `Hi {{firstName}},

I am following up one last time on my earlier note, and I will not fill your inbox after this.
[[Your personal sentence: your ask, restated in one line]]

If now is not a good time, I completely understand. Thank you for considering it, and best wishes with everything at {{organization}}.

Best,
{{myName}}`,
  }),
  t({
    id: 'builtin:thank-you',
    name: 'Thank-you after a conversation',
    purpose: 'Thank someone after you talked, and offer something back.',
    channel: 'email',
    format: 'email',
    subject: 'Thank you for your time',
    body: `Hi {{firstName}},

Thank you for taking the time to speak with me. I really appreciated how openly you talked about your path and about training at {{organization}}.
[[Your personal sentence: the advice you will act on, and how]]

I will let you know how my application goes. If I can ever help in return, for example by talking with students at {{mySchool}}, I would be glad to.

Gratefully,
{{signature}}`,
  }),
  t({
    id: 'builtin:conference-follow-up',
    name: 'Conference follow-up',
    purpose: 'Reconnect with someone you met at a conference or event.',
    channel: 'email',
    format: 'email',
    subject: 'Great to meet you at {{whereMet}}',
    body: `Hi {{firstName}},

It was a pleasure to meet you at {{whereMet}}. I am {{myName}}, {{myYear}} at {{mySchool}}, interested in {{mySpecialty}}.
[[Your personal sentence: what you talked about, so they remember you]]

I would love to stay in touch and, if you are open to it, to continue our conversation with a short call in the coming weeks.

Best regards,
{{signature}}`,
  }),
  t({
    id: 'builtin:post-interview-thanks',
    name: 'Post-interview thank-you',
    purpose: 'Thank an interviewer. Expresses interest only, as the Match’s communication rules allow.',
    channel: 'email',
    format: 'email',
    subject: 'Thank you for my interview at {{organization}}',
    body: `Dear {{salutation}},

Thank you for the time you spent with me during my interview at {{organization}}. I enjoyed learning about the program and meeting its residents and faculty.
[[Your personal sentence: a specific moment or conversation from your interview day]]

I came away with a clear sense of what makes the program special, and I remain very interested in training there.

Thank you again for your time and for the care that went into the day.

Sincerely,
{{signature}}`,
  }),
];

const BY_ID = new Map(BUILTIN_TEMPLATES.map((template) => [template.id, template]));

export function builtInTemplate(id: string): BuiltInTemplate | undefined {
  return BY_ID.get(id);
}

/** What "Mark as sent" logs for a built-in, when it is more than a plain message. */
export function logKindFor(templateId: string | undefined, contact: Pick<Contact, 'status'>): InteractionKind {
  if (templateId === 'builtin:letter-request') return 'letter_requested';
  if (templateId === 'builtin:letter-thank-you') return 'letter_thanked';
  if (templateId === 'builtin:letter-check-in') return 'letter_check_in';
  // A follow-up template sent to someone not awaiting a reply starts a new outreach.
  return contact.status === 'awaiting_reply' ? 'follow_up_sent' : 'message_sent';
}

/** The template a new draft starts from: the follow-up owed, else a first message that fits. */
/** Templates about a letter: their draft fills the Letter ID, waiver and deadline from the writer's letter. */
export const LETTER_TEMPLATES: ReadonlySet<string> = new Set(['builtin:letter-request', 'builtin:letter-check-in', 'builtin:letter-thank-you']);

/** The template a due letter reminder opens: a check-in while the letter is owed, a thank-you once it is in. */
export function letterTemplateFor(letter: Pick<Letter, 'status'>): string {
  if (letter.status === 'submitted' || letter.status === 'thanked') return 'builtin:letter-thank-you';
  if (letter.status === 'planned') return 'builtin:letter-request';
  return 'builtin:letter-check-in';
}

export function suggestTemplateId(
  contact: Pick<Contact, 'status' | 'followUpsSent' | 'whereMet'>,
  options: { sharedSchool: boolean },
): string {
  if (contact.status === 'awaiting_reply') {
    return contact.followUpsSent >= 1 ? 'builtin:follow-up-2' : 'builtin:follow-up-1';
  }
  if (contact.status === 'meeting' || contact.status === 'replied') return 'builtin:thank-you';
  if (contact.whereMet?.event) return 'builtin:conference-follow-up';
  if (options.sharedSchool) return 'builtin:alumni';
  return 'builtin:informational';
}
