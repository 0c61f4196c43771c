import { Select } from '../Select';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useMemo, useState } from 'react';
import { LETTER_TEMPLATES, logKindFor } from '../../drafting/builtin-templates';
import { editedFromTemplate, fromTemplate, loggedText, type DraftState } from '../../drafting/draft';
import { channelOf, checkLimit, limitsFor } from '../../drafting/limits';
import { MAILTO_SAFE_LENGTH, mailtoUrl } from '../../drafting/mailto';
import { blockers, personalHint, render, usedVariables } from '../../drafting/render';
import { findSharedSchool } from '../../drafting/shared-school';
import { letterFieldsFromDraft, variableDef, variableValues, type VariableDef } from '../../drafting/variables';
import { currentLetterOf } from '../../storage/letters';
import { recordSent } from '../../storage/drafts';
import { logInteraction } from '../../storage/interactions';
import {
  MESSAGE_FORMATS,
  type Contact,
  type InteractionKind,
  type Template,
} from '../../model/schemas';
import { getSettings } from '../../storage/settings';
import { ensureBuiltIns, listTemplates } from '../../storage/templates';
import { LimitCount } from './LimitCount';
import { Preview } from './Preview';
import { VariableTextarea } from './VariableTextarea';
import { useDraftAutosave } from './use-draft-autosave';
import './drafting.css';
import { i18n } from '../../model/i18n';
import { formatDate } from '../format';
import { formatLabel, labelsOf } from '../labels';
import { writeThenNotify } from '../use-write';

interface Props {
  contact: Contact;
  /** The template to start from (a follow-up opened from the popup, for example). */
  templateId?: string;
}

const SEND_KINDS: InteractionKind[] = ['message_sent', 'follow_up_sent', 'letter_requested', 'letter_check_in', 'letter_thanked'];

/**
 * Turns a saved contact into a ready message: pick a template, write the one
 * personal sentence, fill what is missing, then copy it or open it in the
 * mail program. Rapport never sends or types anything into another site;
 * "Mark as sent" records what the user sent themselves.
 */
export function DraftComposer({ contact, templateId }: Props) {
  const uid = useId();
  const templates = useLiveQuery(listTemplates, []);
  const settings = useLiveQuery(getSettings, []);
  // The writer's letter a letter template is about: it fills the Letter ID, waiver and deadline.
  const letter = useLiveQuery(async () => (await currentLetterOf(contact.id)) ?? null, [contact.id]);
  const [pendingTemplate, setPendingTemplate] = useState<Template>();
  const [notice, setNotice] = useState<{ text: string; error?: boolean }>();
  const [kind, setKind] = useState<InteractionKind>();
  const [busy, setBusy] = useState(false);
  const draft = useDraftAutosave({
    contact,
    templateId,
    onSaveError: (error) => setNotice({ text: i18n.t('drafting.couldNotSave', { error }), error: true }),
  });
  const { state, loadError } = draft;

  useEffect(() => {
    void ensureBuiltIns().catch(() => undefined);
  }, []);

  // Another contact or template starts afresh: nothing said about the last draft stays.
  useEffect(() => {
    setNotice(undefined);
    setKind(undefined);
  }, [contact.id, templateId]);

  const edit = (patch: Partial<DraftState>) => {
    setNotice(undefined);
    draft.edit(patch);
  };

  const template = templates?.find((t) => t.id === state?.templateId);
  const ofLetter = letter ?? undefined;
  const base = useMemo(() => (settings ? variableValues(contact, settings, {}, ofLetter) : undefined), [contact, settings, ofLetter]);
  const values = useMemo(
    () => (settings && state ? variableValues(contact, settings, state.values, ofLetter) : undefined),
    [contact, settings, state?.values, ofLetter],
  );

  if (loadError) return <p className="error" role="alert">{i18n.t('drafting.theDraftCouldNot', { loadError })}</p>;
  if (!state || !settings || !templates || !values || !base || letter === undefined) return <p className="muted">{i18n.t('drafting.loadingTheDraft')}</p>;

  const limits = limitsFor(state.format, settings);
  const subject = render(limits.hasSubject ? state.subject : '', values);
  const body = render(state.body, values, state.personal);
  const reasons = blockers([subject, body]);
  const ready = reasons.length === 0;
  const place = formatLabel(state.format);
  const subjectCheck = checkLimit(subject.text, limits.subject);
  const bodyCheck = checkLimit(body.text, limits.body);
  const hint = personalHint(state.body);
  const hasMarker = body.personal.markers > 0;

  // Fields for variables the contact and settings leave empty; they stay while typed in.
  const used = [...new Set([...usedVariables(limits.hasSubject ? state.subject : ''), ...usedVariables(state.body)])];
  const fillIns = used
    .map((name) => variableDef(name))
    .filter((def): def is VariableDef => def !== undefined && !base[def.name]);

  const edited = editedFromTemplate(template, state);
  const chooseTemplate = (id: string) => {
    const next = templates.find((t) => t.id === id);
    if (!next) return;
    if (edited || (!template && state.body.trim())) setPendingTemplate(next);
    else edit(fromTemplate(next, state));
  };

  const sendKind = kind ?? logKindFor(state.templateId, contact);
  const logged = loggedText(subject.text, body.text, limits.hasSubject);
  const mailto = contact.email
    ? mailtoUrl({ to: contact.email, subject: subject.text, body: body.text })
    : undefined;
  const reasonsId = `${uid}-reasons`;
  const countsId = `${uid}-counts`;

  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setNotice({
        text: i18n.t('drafting.copied', { what, place: state.format === 'email' ? i18n.t('drafting.yourEmail') : place }),
      });
    } catch (error) {
      setNotice({ text: i18n.t('drafting.copyFailed', { error: (error as Error).message }), error: true });
    }
  };

  const markSent = async () => {
    setBusy(true);
    try {
      const aboutLetter = state.templateId !== undefined && LETTER_TEMPLATES.has(state.templateId);
      const { contact: updated } = await draft.sending(() =>
        writeThenNotify(() =>
          recordSent(
            contact.id,
            { kind: sendKind, channel: channelOf(state.format), format: state.format, text: logged, templateId: state.templateId },
            Date.now(),
            // A letter request marked sent creates the letter, or moves it to "asked", with what the draft knew.
            aboutLetter ? { letter: { letterId: letter?.id, ...letterFieldsFromDraft(state.values) } } : {},
          ),
        ),
      );
      setNotice({
        text: updated.nextFollowUpAt ? i18n.t('drafting.loggedNext', { date: formatDate(updated.nextFollowUpAt) }) : i18n.t('drafting.logged'),
      });
    } catch (error) {
      setNotice({ text: (error as Error).message, error: true });
    } finally {
      setBusy(false);
    }
  };

  const replyReceived = async () => {
    setBusy(true);
    try {
      await writeThenNotify(() => logInteraction(contact.id, { kind: 'reply_received', channel: channelOf(state.format) }));
      setNotice({ text: i18n.t('drafting.markedReplied') });
    } catch (error) {
      setNotice({ text: (error as Error).message, error: true });
    } finally {
      setBusy(false);
    }
  };

  const userTemplates = templates.filter((t) => !t.builtIn);
  const builtIns = templates.filter((t) => t.builtIn);
  const schools = contact.education.map((e) => e.school);
  const sharedWith = findSharedSchool(settings.mySchool, schools);

  return (
    <section className="stack" aria-label={i18n.t('drafting.draftAMessageTo', { fullName: contact.fullName })} data-testid="draft-composer">
      <div className="card stack" style={{ gap: 4 }} aria-label={i18n.t('drafting.beforeYouWrite')}>
        {contact.headline && <div>{contact.headline}</div>}
        {schools.length > 0 && <div className="muted">{i18n.t('drafting.studiedAt', { schools: schools.join(' · ') })}</div>}
        {sharedWith ? (
          <div className="ok" data-testid="shared-school">
            {i18n.t('drafting.youBothStudiedAt', { sharedWith })}</div>
        ) : settings.mySchool ? null : (
          <div className="muted small">{i18n.t('drafting.addYourSchoolIn')}</div>
        )}
      </div>

      <div className="row composer-choice">
        {/* Label beside, not around, the list: its name stays "Template", not the chosen option too. */}
        <div className="variable-field">
          <label htmlFor={`${uid}-template`}>{i18n.t('drafting.template')}</label>
          <select id={`${uid}-template`} value={state.templateId ?? ''} onChange={(e) => chooseTemplate(e.target.value)}>
            {!template && <option value="">{state.templateId ? i18n.t('drafting.deletedTemplate') : i18n.t('drafting.chooseATemplate')}</option>}
            {userTemplates.length > 0 && (
              <optgroup label={i18n.t('drafting.yourTemplates')}>
                {userTemplates.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label={i18n.t('drafting.builtIn')}>
              {builtIns.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <Select label={i18n.t('drafting.sendAs')} value={state.format} options={MESSAGE_FORMATS} labels={labelsOf.format(MESSAGE_FORMATS)} onChange={(format) => edit({ format })} />
      </div>
      {template?.purpose && <p className="muted small" style={{ margin: 0 }}>{template.purpose}</p>}

      {pendingTemplate && (
        <div className="card stack" role="group" aria-label={i18n.t('drafting.replaceTheDraft')}>
          <p style={{ margin: 0 }}>
            {i18n.t('drafting.replaceYourEditedDraft', { name: pendingTemplate.name })}</p>
          <div className="row">
            <button
              type="button"
              className="primary"
              onClick={() => {
                edit(fromTemplate(pendingTemplate, state));
                setPendingTemplate(undefined);
              }}
            >{i18n.t('drafting.replace')}</button>
            <button type="button" onClick={() => setPendingTemplate(undefined)}>{i18n.t('drafting.keepEditing')}</button>
          </div>
        </div>
      )}

      {hasMarker && (
        <div className="stack" style={{ gap: 2 }}>
          <label>{i18n.t('drafting.yourPersonalSentence')}<textarea
              rows={2}
              value={state.personal}
              placeholder={hint ?? i18n.t('drafting.somethingOnlyYouCould')}
              aria-describedby={`${uid}-personal-help`}
              onChange={(e) => edit({ personal: e.target.value })}
            />
          </label>
          <span id={`${uid}-personal-help`} className={state.personal.trim() ? 'muted small' : 'warn small'}>
            {state.personal.trim()
              ? i18n.t('drafting.itGoesWhereThe')
              : i18n.t('drafting.writeItBeforeYou', { value: (hint ?? i18n.t('drafting.defaultHint')).replace(/[.?!]?$/, (end) => end || '.') })}
          </span>
        </div>
      )}

      {fillIns.length > 0 && (
        <fieldset className="card fill-ins">
          <legend>{i18n.t('drafting.fillInForThis')}</legend>
          {fillIns.map((def) => (
            <FillIn
              key={def.name}
              def={def}
              value={state.values[def.name] ?? ''}
              onChange={(value) => edit({ values: { ...state.values, [def.name]: value } })}
            />
          ))}
        </fieldset>
      )}

      {limits.hasSubject && (
        <VariableTextarea label={i18n.t('drafting.subject')} singleLine value={state.subject} onChange={(subject) => edit({ subject })} testId="draft-subject" />
      )}
      <VariableTextarea label={i18n.t('drafting.message')} value={state.body} onChange={(value) => edit({ body: value })} rows={12} describedBy={countsId} testId="draft-body" />

      <div className="stack" style={{ gap: 4 }}>
        <h3>{i18n.t('drafting.preview')}</h3>
        {limits.hasSubject && <Preview rendered={subject} label={i18n.t('drafting.subjectPreview')} testId="subject-preview" />}
        <Preview rendered={body} label={i18n.t('drafting.messagePreview')} testId="message-preview" />
        <div id={countsId}>
          {limits.hasSubject && <LimitCount label={i18n.t('drafting.subject')} check={subjectCheck} place={place} />}
          <LimitCount label={i18n.t('drafting.message')} check={bodyCheck} place={place} />
        </div>
      </div>

      {!ready && (
        <ul id={reasonsId} className="blockers" aria-label={i18n.t('drafting.beforeYouCanCopy')} data-testid="draft-blockers">
          {reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}

      <div className="actions" aria-label={i18n.t('drafting.sendItYourself')} role="group">
        <button
          type="button"
          className="primary"
          disabled={!ready}
          aria-describedby={ready ? undefined : reasonsId}
          onClick={() => void copy(body.text, 'message')}
        >{i18n.t('drafting.copyMessage')}</button>
        {limits.hasSubject && (
          <button type="button" disabled={!ready} aria-describedby={ready ? undefined : reasonsId} onClick={() => void copy(subject.text, 'subject')}>{i18n.t('drafting.copySubject')}</button>
        )}
        {mailto &&
          (ready ? (
            <a className="button" href={mailto} data-testid="open-email">{i18n.t('drafting.openInEmail')}</a>
          ) : (
            <button type="button" disabled aria-describedby={reasonsId}>{i18n.t('drafting.openInEmail')}</button>
          ))}
        {contact.profiles.linkedin && /^https?:\/\//i.test(contact.profiles.linkedin) && (
          <a className="button" href={contact.profiles.linkedin} target="_blank" rel="noreferrer noopener">{i18n.t('drafting.openLinkedinProfile')}</a>
        )}
        {contact.profiles.doximity && /^https?:\/\//i.test(contact.profiles.doximity) && (
          <a className="button" href={contact.profiles.doximity} target="_blank" rel="noreferrer noopener">{i18n.t('drafting.openDoximityProfile')}</a>
        )}
      </div>
      {mailto && ready && mailto.length > MAILTO_SAFE_LENGTH && (
        <p className="warn small" style={{ margin: 0 }}>{i18n.t('drafting.thisMessageIsLong')}</p>
      )}
      {!contact.email && state.format === 'email' && (
        <p className="muted small" style={{ margin: 0 }}>
          {i18n.t('drafting.noEmailAddressIs', { fullName: contact.fullName })}</p>
      )}

      <div className="row" style={{ alignItems: 'flex-end', flexWrap: 'wrap' }}>
        <Select label={i18n.t('drafting.logAs')} value={sendKind} options={SEND_KINDS} labels={labelsOf.interaction(SEND_KINDS)} onChange={setKind} style={{ flex: 1, minWidth: 140 }} />
        <button
          type="button"
          disabled={!ready || busy}
          aria-describedby={ready ? undefined : reasonsId}
          onClick={() => void markSent()}
        >{i18n.t('drafting.markAsSent')}</button>
        {contact.status === 'awaiting_reply' && (
          <button type="button" disabled={busy} onClick={() => void replyReceived()}>{i18n.t('drafting.replyReceived')}</button>
        )}
      </div>
      <p
        role={notice?.error ? 'alert' : 'status'}
        className={notice?.error ? 'error' : 'ok'}
        style={{ margin: 0, minHeight: '1.4em' }}
        data-testid="draft-notice"
      >
        {notice?.text}
      </p>
    </section>
  );
}

function FillIn({ def, value, onChange }: { def: VariableDef; value: string; onChange(value: string): void }) {
  const label = `${def.label} {{${def.name}}}`;
  const missing = !value.trim();
  return (
    <label>
      <span>
        {label}
        {missing && <span className="warn">{' '}{i18n.t('drafting.needed')}</span>}
      </span>
      {def.input === 'choice' ? (
        <select value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{i18n.t('drafting.choose')}</option>
          {def.choices?.map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      ) : def.input === 'date' ? (
        <input type="date" value={value} onChange={(e) => onChange(e.target.value)} />
      ) : def.input === 'multiline' ? (
        <textarea rows={3} value={value} placeholder={def.hint} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input value={value} placeholder={def.hint} onChange={(e) => onChange(e.target.value)} />
      )}
    </label>
  );
}
