import { useRef, type KeyboardEvent } from 'react';
import type { FocusRequest } from '../../storage/ui-state';
import { i18n } from '../../model/i18n';

type View = FocusRequest['view'];
const TABS: { id: View; label: string }[] = [
  { id: 'details', get label() { return i18n.t('sidepanel.tabDetails'); } },
  { id: 'draft', get label() { return i18n.t('sidepanel.tabDraft'); } },
];

export const tabId = (view: View) => `contact-tab-${view}`;
export const panelId = (view: View) => `contact-panel-${view}`;

/** The contact's two views as ARIA tabs: arrow keys, Home and End move between them. */
export function DetailTabs({ view, onViewChange }: { view: View; onViewChange(view: View): void }) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKeyDown = (event: KeyboardEvent) => {
    const index = TABS.findIndex((t) => t.id === view);
    const next =
      event.key === 'ArrowRight' ? (index + 1) % TABS.length
      : event.key === 'ArrowLeft' ? (index - 1 + TABS.length) % TABS.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? TABS.length - 1
      : undefined;
    const tab = next === undefined ? undefined : TABS[next];
    if (!tab) return;
    event.preventDefault();
    onViewChange(tab.id);
    refs.current[tab.id]?.focus();
  };
  return (
    <div className="tabs detail-tabs" role="tablist" aria-label={i18n.t('sidepanel.contactViews')} onKeyDown={onKeyDown}>
      {TABS.map(({ id, label }) => (
        <button
          key={id}
          ref={(el) => {
            refs.current[id] = el;
          }}
          type="button"
          role="tab"
          id={tabId(id)}
          className="tab"
          aria-selected={view === id}
          aria-controls={panelId(id)}
          tabIndex={view === id ? 0 : -1}
          onClick={() => onViewChange(id)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
