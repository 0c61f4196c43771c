import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { recentContacts } from '../../storage/contact-list';
import { type Template } from '../../model/schemas';
import { getSettings } from '../../storage/settings';
import {
  deleteTemplate,
  ensureBuiltIns,
  isModifiedBuiltIn,
  listTemplates,
  putBackTemplate,
  restoreBuiltIns,
} from '../../storage/templates';
import { useUndo } from '../undo';
import { TemplateEditor } from './TemplateEditor';
import '../drafting/drafting.css';
import { i18n } from '../../model/i18n';
import { channelLabel, formatLabel } from '../labels';

/** How many recent contacts the editor offers to preview a template with. */
const PREVIEW_CHOICES = 50;

/** Which template is open: none (the list), a new one, or an existing one. */
type Open = { kind: 'list' } | { kind: 'new'; key: number } | { kind: 'edit'; id: string; key: number };

/** The templates section: the built-ins and the user's own, and an editor for each. */
export function TemplatesView() {
  const templates = useLiveQuery(listTemplates, []);
  // The editor previews with one of the people the user worked with lately.
  const contacts = useLiveQuery(() => recentContacts(PREVIEW_CHOICES), []);
  const settings = useLiveQuery(getSettings, []);
  const [open, setOpen] = useState<Open>({ kind: 'list' });
  const [notice, setNotice] = useState<{ text: string; error?: boolean }>();
  const [confirmRestore, setConfirmRestore] = useState(false);
  // The template just saved or copied, until the live list catches up with it.
  const [fresh, setFresh] = useState<Template>();
  const offerUndo = useUndo();

  useEffect(() => {
    void ensureBuiltIns().catch((error: Error) => setNotice({ text: error.message, error: true }));
  }, []);

  if (!templates || !contacts || !settings) return <p className="muted detail">{i18n.t('templates.loadingTemplates')}</p>;

  if (open.kind !== 'list') {
    const template =
      open.kind === 'edit'
        ? (templates.find((t) => t.id === open.id) ?? (fresh?.id === open.id ? fresh : undefined))
        : undefined;
    if (open.kind === 'edit' && !template) {
      return (
        <div className="detail">
          <p>{i18n.t('templates.thisTemplateNoLonger')}</p>
          <button type="button" onClick={() => setOpen({ kind: 'list' })}>{i18n.t('templates.backToTemplates')}</button>
        </div>
      );
    }
    return (
      <TemplateEditor
        // A new template keeps its editor when first saved, so the form and its "Saved." stay.
        key={open.key}
        template={template}
        contacts={contacts}
        settings={settings}
        onClose={() => setOpen({ kind: 'list' })}
        onSaved={(saved) => {
          setFresh(saved);
          setOpen({ kind: 'edit', id: saved.id, key: open.key });
        }}
        onDuplicated={(copy) => {
          setFresh(copy);
          setOpen({ kind: 'edit', id: copy.id, key: Date.now() });
        }}
        onDelete={async (doomed: Template) => {
          await deleteTemplate(doomed.id);
          setOpen({ kind: 'list' });
          offerUndo({ message: i18n.t('templates.deletedName', { name: doomed.name }), undo: () => putBackTemplate(doomed) });
        }}
      />
    );
  }

  const own = templates.filter((t) => !t.builtIn);
  const builtIns = templates.filter((t) => t.builtIn);

  const restoreAll = async () => {
    setConfirmRestore(false);
    try {
      await restoreBuiltIns();
      setNotice({ text: i18n.t('templates.builtInsBack') });
    } catch (error) {
      setNotice({ text: (error as Error).message, error: true });
    }
  };

  return (
    <div className="detail" data-testid="templates-view">
      <div className="spread">
        <h2>{i18n.t('templates.templates')}</h2>
        <button type="button" className="primary" onClick={() => setOpen({ kind: 'new', key: Date.now() })}>{i18n.t('templates.newTemplate')}</button>
      </div>
      <p className="muted" style={{ margin: 0 }}>{i18n.t('templates.startingPoints', { variables: '{{variables}}' })}</p>

      <section className="stack" aria-labelledby="own-templates">
        <h3 id="own-templates">{i18n.t('templates.yourTemplates')}</h3>
        {own.length === 0 ? (
          <p className="muted" style={{ margin: 0 }}>{i18n.t('templates.noneYetCreateOne')}</p>
        ) : (
          <TemplateList templates={own} onOpen={(id) => setOpen({ kind: 'edit', id, key: Date.now() })} />
        )}
      </section>

      <section className="stack" aria-labelledby="builtin-templates">
        <div className="spread">
          <h3 id="builtin-templates">{i18n.t('templates.builtIn')}</h3>
          {!confirmRestore && (
            <button type="button" onClick={() => setConfirmRestore(true)}>{i18n.t('templates.restoreBuiltIns')}</button>
          )}
        </div>
        {confirmRestore && (
          <div className="card stack" role="group" aria-label={i18n.t('templates.restoreBuiltIns2')}>
            <p style={{ margin: 0 }}>{i18n.t('templates.putEveryBuiltIn')}</p>
            <div className="row">
              <button type="button" className="primary" onClick={() => void restoreAll()}>{i18n.t('templates.restore')}</button>
              <button type="button" onClick={() => setConfirmRestore(false)}>{i18n.t('templates.cancel')}</button>
            </div>
          </div>
        )}
        {builtIns.length === 0 ? (
          <p className="muted" style={{ margin: 0 }}>{i18n.t('templates.youDeletedEveryBuilt')}</p>
        ) : (
          <TemplateList templates={builtIns} onOpen={(id) => setOpen({ kind: 'edit', id, key: Date.now() })} />
        )}
      </section>
      <p role={notice?.error ? 'alert' : 'status'} className={notice?.error ? 'error' : 'ok'} style={{ margin: 0, minHeight: '1.4em' }}>
        {notice?.text}
      </p>
    </div>
  );
}

function TemplateList({ templates, onOpen }: { templates: Template[]; onOpen(id: string): void }) {
  return (
    <ul className="template-list">
      {templates.map((template) => (
        <li key={template.id}>
          <button type="button" onClick={() => onOpen(template.id)}>
            <span className="spread" style={{ width: '100%' }}>
              <strong>{template.name}</strong>
              <span className="row" style={{ gap: 4 }}>
                {isModifiedBuiltIn(template) && <span className="pill">{i18n.t('templates.edited')}</span>}
                <span className="pill">
                  {template.format ? formatLabel(template.format) : channelLabel(template.channel)}
                </span>
              </span>
            </span>
            {template.purpose && <span className="muted small">{template.purpose}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
