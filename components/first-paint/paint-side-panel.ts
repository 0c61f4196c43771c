/**
 * The side panel's first paint, from the first-screen snapshot (storage/first-screen.ts), in plain DOM: it runs
 * before React, Dexie and zod have loaded, so that the names show as fast as a bare page. It draws exactly what
 * React's first render of the panel draws (the same elements, classes and inline styles as SidePanelApp,
 * ContactsView and ContactList), so that React's first commit, which replaces it, moves nothing: the e2e test
 * "the side panel paints the snapshot's names first, and the live view takes over with every row in place" checks
 * it. The painted copy is inert but for its section tabs: it is there to be read, and is gone within a few frames.
 */
import { i18n } from '../../model/i18n';
import { initials } from '../../contacts/initials';
import { PAINT_STATUSES, type FirstScreen, type FirstScreenRow, type PipelineCounts } from '../../contacts/first-screen';
import { loadingCount } from '../contacts/count-text';
import { statusLabel } from '../labels';
import { SECTIONS } from '../sidepanel/sections';

/** ContactList's row height and the virtualizer's first window (initialRect 600 px, overscan 8). */
export const ROW_HEIGHT = 56;
const FIRST_WINDOW = Math.ceil(600 / ROW_HEIGHT) + 8;

type Attrs = Record<string, string | boolean | undefined>;

function el(tag: string, attrs: Attrs = {}, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : value);
  }
  // Text nodes only: names come from saved pages and are never parsed as HTML.
  node.append(...children);
  return node;
}

function row(item: FirstScreenRow, index: number): HTMLElement {
  const avatar = item.thumb
    ? el('img', { class: 'avatar small', src: item.thumb, alt: '' })
    : el('span', { class: 'avatar small', 'aria-hidden': 'true' }, initials(item.name));
  return el(
    'div',
    { role: 'listitem', 'data-index': String(index), class: 'contact-item', style: `height: ${ROW_HEIGHT}px; transform: translateY(${index * ROW_HEIGHT}px);` },
    el('input', { type: 'checkbox', class: 'contact-check', 'aria-label': i18n.t('sidepanel.select', { fullName: item.name }) }),
    el(
      'button',
      { type: 'button', class: 'contact-row', 'data-contact-id': item.id },
      avatar,
      el('span', { class: 'contact-row-text' }, el('span', { class: 'contact-row-name' }, item.name), el('span', { class: 'muted contact-row-role' }, item.role)),
      el('span', { class: `pill ${item.status}` }, statusLabel(item.status)),
    ),
  );
}

/** PipelineStrip with the snapshot's counts (model/schemas.ts's STATUSES, in their order, as PAINT_STATUSES). */
function pipelineStrip({ counts }: PipelineCounts): HTMLElement {
  return el(
    'div',
    { class: 'pipeline', role: 'group', 'aria-label': i18n.t('contacts.pipeline') },
    ...PAINT_STATUSES.map((status) =>
      el(
        'button',
        { type: 'button', class: `stage ${status}`, 'aria-pressed': 'false', 'aria-label': `${statusLabel(status)}: ${counts[status]}` },
        el('span', { class: 'stage-count' }, String(counts[status])),
        el('span', { class: 'stage-label' }, statusLabel(status)),
      ),
    ),
  );
}

/** The panel as React first draws it with `screen`'s rows as its first page. */
export function sidePanelFirstScreen(screen: FirstScreen): HTMLElement {
  const header = el(
    'header',
    { class: 'stack' },
    el(
      'div',
      { class: 'spread', inert: true },
      el('h1', {}, 'Rapport'),
      el('span', { class: 'muted', 'data-testid': 'due-count' }),
      el('button', { type: 'button', class: 'primary', disabled: true }, i18n.t('sidepanel.saveThisPageS')),
    ),
    el(
      'nav',
      { class: 'tabs', 'aria-label': i18n.t('sidepanel.sections') },
      ...SECTIONS.map(({ id, label }) => el('button', { type: 'button', class: 'tab', 'data-section': id, 'aria-current': id === 'contacts' ? 'page' : undefined }, label)),
    ),
  );
  const controls = el(
    'div',
    { class: 'stack', style: 'padding: 8px 12px; gap: 8px;' },
    el(
      'div',
      { class: 'row' },
      el('input', { type: 'search', placeholder: i18n.t('contacts.searchNameProgramSchool'), 'aria-label': i18n.t('contacts.searchContacts') }),
      el('button', { type: 'button', 'aria-label': i18n.t('contacts.addAContactBy') }, i18n.t('contacts.add')),
    ),
    screen.pipeline
      ? pipelineStrip(screen.pipeline)
      : el('p', { class: 'muted', 'aria-busy': 'true', style: 'margin: 0px;' }, i18n.t('contacts.counting')),
    el(
      'div',
      { class: 'spread' },
      el(
        'div',
        { class: 'tabs', role: 'group', 'aria-label': i18n.t('contacts.show') },
        el('button', { type: 'button', class: 'tab', 'aria-pressed': 'true', 'aria-current': 'page' }, i18n.t('contacts.people')),
        el('button', { type: 'button', class: 'tab', 'aria-pressed': 'false' }, i18n.t('programs.tab')),
      ),
      el('button', { type: 'button', class: 'link', 'aria-expanded': 'false' }, i18n.t('contacts.filtersAndSort')),
    ),
  );
  const rows = screen.rows.slice(0, FIRST_WINDOW);
  const list = el(
    'div',
    { class: 'contact-list', role: 'list', 'aria-label': i18n.t('sidepanel.contacts'), 'data-testid': 'contact-list' },
    el('div', { style: `height: ${screen.rows.length * ROW_HEIGHT}px; position: relative;` }, ...rows.map(row)),
  );
  const main = el(
    'main',
    { class: 'content', inert: true },
    el(
      'div',
      { style: 'display: contents;' },
      controls,
      el('p', { class: 'muted list-meta', 'aria-busy': 'true', 'data-testid': 'loading-count' }, loadingCount(screen.pipeline?.total)),
      list,
    ),
  );
  // Inert but for the section tabs, whose clicks the panel's first render follows (./boot-clicks.ts).
  return el('div', { class: 'sidepanel', 'data-first-paint': 'snapshot' }, header, main);
}

/** Paints `screen` into `root` (React's container, replaced by React's first commit). */
export function paintSidePanel(root: HTMLElement, screen: FirstScreen): void {
  root.replaceChildren(sidePanelFirstScreen(screen));
}
