import { useId, useRef, useState } from 'react';
import { channelOf, checkLimit, defaultFormat, limitsFor } from '../../drafting/limits';
import { checkTemplate, render } from '../../drafting/render';
import { variableValues } from '../../drafting/variables';
import {
  CHANNELS,
  Contact,
  MESSAGE_FORMATS,
  type Channel,
  type MessageFormat,
  type Settings,
  type Template,
} from '../../model/schemas';
import { duplicateTemplate, isModifiedBuiltIn, restoreBuiltIn, saveTemplate } from '../../storage/templates';
import { LimitCount } from '../drafting/LimitCount';
import { Preview } from '../drafting/Preview';
import { VariableTextarea } from '../drafting/VariableTextarea';
import { SaveState } from '../SaveState';
import { useAutosave } from '../use-autosave';

/** The editable part of a template, autosaved as one value (components/use-autosave.ts). */
interface TemplateForm {
  name: string;
  purpose: string;
  channel: Channel;
  format: MessageFormat | '';
  subject: string;
  body: string;
}

const NEW_BODY = 'Hi {{firstName}},\n\n[[Your personal sentence: why you are writing to them]]\n\n{{signature}}';

function formOf(template: Template | undefined): TemplateForm {
  return {
    name: template?.name ?? '',
    purpose: template?.purpose ?? '',
    channel: template?.channel ?? 'linkedin',
    format: template?.format ?? '',
    subject: template?.subject ?? '',
    body: template?.body ?? NEW_BODY,
  };
}

/** Equal as stored: saving trims the texts. */
function sameForm(a: TemplateForm, b: TemplateForm): boolean {
  return (Object.keys(a) as (keyof TemplateForm)[]).every((k) => a[k].trim() === b[k].trim());
}

function formErrors(form: TemplateForm, settings: Settings) {
  const limits = limitsFor(form.format || defaultFormat(form.channel), settings);
  const problems = checkTemplate(limits.hasSubject ? form.subject : '', form.body);
  if (!form.name.trim()) problems.unshift({ severity: 'error', message: i18n.t('templates.giveName') });
  return problems;
}
import { i18n } from '../../model/i18n';
import { channelLabel, formatLabel } from '../labels';

/** Shown in the preview when no contact is saved yet; clearly made up. */
const SAMPLE_CONTACT: Contact = Contact.parse({
  id: 'sample',
  source: 'manual',
  fullName: 'Jordan Lee (sample)',
  firstName: 'Jordan',
  lastName: 'Lee',
  credentials: ['MD'],
  title: 'Associate Program Director, Internal Medicine',
  organization: 'Riverside University Hospital',
  specialty: 'Internal Medicine',
  education: [{ school: 'Sample University School of Medicine', degree: 'MD' }],
  whereMet: { event: 'a regional specialty meeting' },
  createdAt: 0,
  updatedAt: 0,
});

interface Props {
  /** Absent for a new template. */
  template?: Template;
  /** Whom the preview can be shown for: the contacts changed most recently. */
  contacts: Contact[];
  settings: Settings;
  onClose(): void;
  onSaved(template: Template): void;
  onDuplicated(template: Template): void;
  onDelete(template: Template): Promise<void>;
}

/** Edit one template, saved as it is typed, with its problems listed and a live preview for a recent contact. */
export function TemplateEditor({ template, contacts, settings, onClose, onSaved, onDuplicated, onDelete }: Props) {
  const uid = useId();
  // A new template gets its id from its first save; later saves update it.
  const savedId = useRef(template?.id);
  const autosave = useAutosave<TemplateForm>({
    value: formOf(template),
    journal: template ? `template:${template.id}` : undefined,
    equals: sameForm,
    validate: (form) => formErrors(form, settings).find((p) => p.severity === 'error')?.message,
    save: async (form) => {
      const saved = await saveTemplate({
        id: savedId.current,
        name: form.name,
        purpose: form.purpose,
        channel: form.channel,
        format: form.format || undefined,
        subject: limitsFor(form.format || defaultFormat(form.channel), settings).hasSubject ? form.subject : undefined,
        body: form.body,
      });
      savedId.current = saved.id;
      onSaved(saved);
    },
  });
  const { name, purpose, channel, format, subject, body } = autosave.draft;
  const set = (patch: Partial<TemplateForm>) => autosave.edit((current) => ({ ...current, ...patch }));
  const setName = (name: string) => set({ name });
  const setPurpose = (purpose: string) => set({ purpose });
  const setSubject = (subject: string) => set({ subject });
  const setBody = (body: string) => set({ body });
  const [previewId, setPreviewId] = useState(contacts[0]?.id ?? SAMPLE_CONTACT.id);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [notice, setNotice] = useState<{ text: string; error?: boolean }>();
  const [busy, setBusy] = useState(false);

  const effectiveFormat = format || defaultFormat(channel);
  const limits = limitsFor(effectiveFormat, settings);
  const problems = formErrors(autosave.draft, settings);
  const errors = problems.filter((p) => p.severity === 'error');
  const changed = !template || !sameForm(autosave.draft, formOf(template)) || autosave.status === 'pending';

  const previewContact = contacts.find((c) => c.id === previewId) ?? SAMPLE_CONTACT;
  const values = variableValues(previewContact, settings);
  const renderedSubject = render(limits.hasSubject ? subject : '', values);
  const renderedBody = render(body, values);
  const problemsId = `${uid}-problems`;

  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    setNotice(undefined);
    try {
      await action();
    } catch (error) {
      setNotice({ text: (error as Error).message, error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="detail" data-testid="template-editor">
      <div>
        <button type="button" className="link" onClick={onClose}>{i18n.t('templates.allTemplates')}</button>
      </div>
      <h2>{template ? i18n.t('templates.edit', { name: template.name }) : i18n.t('templates.newTemplate')}</h2>
      {template?.builtIn && (
        <p className="muted small" style={{ margin: 0 }}>{i18n.t('templates.aBuiltInTemplate')}{' '}{isModifiedBuiltIn(template) ? i18n.t('templates.youHaveEditedIt') : i18n.t('templates.editItFreelyThe')}
        </p>
      )}

      <label>{i18n.t('templates.name')}<input value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>{i18n.t('templates.purpose')}<input value={purpose} maxLength={300} placeholder={i18n.t('templates.whatThisMessageIs')} onChange={(e) => setPurpose(e.target.value)} />
      </label>
      <div className="row">
        <label style={{ flex: 1 }}>{i18n.t('templates.channel')}<select
            value={channel}
            onChange={(e) => {
              const next = e.target.value as Channel;
              set({ channel: next, ...(format && channelOf(format) !== next ? { format: '' as const } : {}) });
            }}
          >
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {channelLabel(c)}
              </option>
            ))}
          </select>
        </label>
        <label style={{ flex: 1 }}>{i18n.t('templates.sentAs')}<select value={format} onChange={(e) => set({ format: e.target.value as MessageFormat | '' })}>
            <option value="">{i18n.t('templates.usualForTheChannel', { format: formatLabel(defaultFormat(channel)) })}</option>
            {MESSAGE_FORMATS.filter((f) => channelOf(f) === channel && f !== defaultFormat(channel)).map((f) => (
              <option key={f} value={f}>
                {formatLabel(f)}
              </option>
            ))}
          </select>
        </label>
      </div>

      {limits.hasSubject && <VariableTextarea label={i18n.t('templates.subject')} singleLine value={subject} onChange={setSubject} describedBy={problemsId} testId="template-subject" />}
      <VariableTextarea label={i18n.t('templates.message')} value={body} onChange={setBody} rows={12} describedBy={problemsId} testId="template-body" />

      <div id={problemsId}>
        {problems.length > 0 ? (
          <ul className="problems" aria-label={i18n.t('templates.problems')} data-testid="template-problems">
            {problems.map((problem) => (
              <li key={problem.message} className={problem.severity === 'error' ? 'error' : 'warn'}>
                {problem.severity === 'error' ? i18n.t('templates.error') : i18n.t('templates.note')}
                {problem.message}
              </li>
            ))}
          </ul>
        ) : (
          <p className="ok small" style={{ margin: 0 }}>{i18n.t('templates.noProblemsFound')}</p>
        )}
      </div>

      <section className="stack" aria-labelledby={`${uid}-preview`} style={{ gap: 4 }}>
        <div className="spread">
          <h3 id={`${uid}-preview`}>{i18n.t('templates.preview')}</h3>
          <label style={{ flexDirection: 'row', alignItems: 'center', gap: 6 }}>
            <span>{i18n.t('templates.for')}</span>
            <select value={previewContact.id} onChange={(e) => setPreviewId(e.target.value)} style={{ width: 'auto', maxWidth: 200 }}>
              {contacts.length === 0 && <option value={SAMPLE_CONTACT.id}>{SAMPLE_CONTACT.fullName}</option>}
              {contacts.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.fullName}
                </option>
              ))}
            </select>
          </label>
        </div>
        {limits.hasSubject && <Preview rendered={renderedSubject} label={i18n.t('templates.subjectPreview')} />}
        <Preview rendered={renderedBody} label={i18n.t('templates.messagePreview')} testId="template-preview" />
        {limits.hasSubject && <LimitCount label={i18n.t('templates.subject')} check={checkLimit(renderedSubject.text, limits.subject)} place={formatLabel(effectiveFormat)} />}
        <LimitCount label={i18n.t('templates.message')} check={checkLimit(renderedBody.text, limits.body)} place={formatLabel(effectiveFormat)} />
        {(renderedSubject.missing.length > 0 || renderedBody.missing.length > 0) && (
          <p className="muted small" style={{ margin: 0 }}>
            {i18n.t('templates.highlightedVariablesHaveNo', { fullName: previewContact.fullName })}</p>
        )}
      </section>

      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={busy || errors.length > 0 || !changed}
          aria-describedby={errors.length ? problemsId : undefined}
          onClick={autosave.flush}
        >
          {template ? i18n.t('templates.saveChanges') : i18n.t('templates.createTemplate')}
        </button>
        {template && (
          <button type="button" disabled={busy} onClick={() => void act(async () => onDuplicated(await duplicateTemplate(template.id)))}>{i18n.t('templates.duplicate')}</button>
        )}
        {template?.builtIn && isModifiedBuiltIn(template) && (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void act(async () => {
                const original = await restoreBuiltIn(template.id);
                autosave.takeTheirs();
                autosave.edit(formOf(original));
                setNotice({ text: i18n.t('templates.restoredAsShipped') });
              })
            }
          >{i18n.t('templates.restoreOriginal')}</button>
        )}
        {template && !confirmDelete && (
          <button type="button" className="danger" disabled={busy} onClick={() => setConfirmDelete(true)}>{i18n.t('templates.delete')}</button>
        )}
      </div>
      <SaveState autosave={autosave} show={(form) => form.name} />
      {template && confirmDelete && (
        <div className="card stack" role="group" aria-label={i18n.t('templates.deleteThisTemplate')}>
          <p style={{ margin: 0 }}>{i18n.t(template.builtIn ? 'templates.deleteBuiltInQuestion' : 'templates.deleteQuestion', { name: template.name })}
          </p>
          <div className="row">
            <button type="button" className="danger" onClick={() => void act(() => onDelete(template))}>{i18n.t('templates.delete')}</button>
            <button type="button" onClick={() => setConfirmDelete(false)}>{i18n.t('templates.keepIt')}</button>
          </div>
        </div>
      )}
      <p role={notice?.error ? 'alert' : 'status'} className={notice?.error ? 'error' : 'ok'} style={{ margin: 0, minHeight: '1.4em' }}>
        {notice?.text}
      </p>
    </div>
  );
}
