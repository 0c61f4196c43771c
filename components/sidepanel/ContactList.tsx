import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import { rowRole, type ListedContact } from '../../contacts/first-screen';
import { Avatar } from '../Avatar';
import { useContactRows } from '../contacts/use-contact-rows';
import { i18n } from '../../model/i18n';
import { statusLabel } from '../labels';
// The snapshot's first paint draws rows of this height too, so that the live list takes over in place.
import { ROW_HEIGHT } from '../first-paint/paint-side-panel';


interface Props {
  /** The ids to list, in order; each row reads its contact when it comes into view. */
  ids: readonly string[];
  /** Contacts already read (the first page), shown until their rows' own read answers. */
  seed?: readonly ListedContact[];
  /** Records read with `ids` (a search's matches): their rows are drawn from them, not read again. */
  fresh?: ReadonlyMap<string, ListedContact>;
  /** Contacts ticked for a bulk action. */
  checked: ReadonlySet<string>;
  onToggle(id: string): void;
  onOpen(id: string): void;
  /** The rows the list has room for, when `ids` holds only the first of them (read as they are scrolled to). */
  count?: number;
  /** Called with the last row about to be shown, so that more ids are read before they are needed. */
  onReach?(index: number): void;
}

/**
 * The contacts, virtualized so that 100,000 rows stay smooth; arrow keys move, Enter opens. Memoized: a keystroke in
 * the search field redraws the list only once its results arrive.
 */
export const ContactList = memo(function ContactList({ ids, seed, fresh, checked, onToggle, onOpen, count = ids.length, onReach }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: { width: 360, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const lastShown = items.at(-1)?.index ?? 0;
  const rows = useContactRows(ids, items[0]?.index ?? 0, lastShown, seed, fresh);
  useEffect(() => onReach?.(lastShown), [onReach, lastShown]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const move = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (!move || !(event.target instanceof HTMLElement)) return;
    const row = event.target.closest<HTMLElement>('[data-index]');
    if (!row) return;
    event.preventDefault();
    const target = Math.min(count - 1, Math.max(0, Number(row.dataset.index) + move));
    virtualizer.scrollToIndex(target);
    requestAnimationFrame(() =>
      scroller.current?.querySelector<HTMLButtonElement>(`[data-index="${target}"] .contact-row`)?.focus(),
    );
  };

  return (
    <div ref={scroller} className="contact-list" onKeyDown={onKeyDown} role="list" aria-label={i18n.t('sidepanel.contacts')} data-testid="contact-list">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const id = ids[item.index];
          const contact = id === undefined ? undefined : rows.get(id);
          if (!contact) {
            const style = { height: ROW_HEIGHT, transform: `translateY(${item.start}px)` };
            // Read in a few milliseconds (its id too, past the ids read so far); the row keeps its place so the list does not jump.
            return (
              <div key={id ?? `row-${item.index}`} role="listitem" data-index={item.index} className="contact-item" style={style} aria-busy="true">
                <span className="muted contact-row-placeholder">{i18n.t('sidepanel.loading')}</span>
              </div>
            );
          }
          return <ContactRow key={id} contact={contact} index={item.index} start={item.start} checked={checked.has(contact.id)} onToggle={onToggle} onOpen={onOpen} />;
        })}
      </div>
    </div>
  );
});

interface RowProps {
  contact: ListedContact;
  index: number;
  /** Where the virtualizer places the row, in pixels from the list's top. */
  start: number;
  checked: boolean;
  onToggle(id: string): void;
  onOpen(id: string): void;
}

/**
 * One contact's row. Memoized: a search's answer, or the rows' own read that follows it, redraws only the rows whose
 * contact, place or tick changed, not every row on screen.
 */
const ContactRow = memo(function ContactRow({ contact, index, start, checked, onToggle, onOpen }: RowProps) {
  return (
    <div role="listitem" data-index={index} className="contact-item" style={{ height: ROW_HEIGHT, transform: `translateY(${start}px)` }}>
      <input
        type="checkbox"
        className="contact-check"
        aria-label={i18n.t('sidepanel.select', { fullName: contact.fullName })}
        checked={checked}
        onChange={() => onToggle(contact.id)}
      />
      <button type="button" className="contact-row" data-contact-id={contact.id} onClick={() => onOpen(contact.id)}>
        <Avatar contact={contact} small />
        <span className="contact-row-text">
          <span className="contact-row-name">{contact.fullName}</span>
          <span className="muted contact-row-role">{rowRole(contact)}</span>
        </span>
        <span className={`pill ${contact.status}`}>{statusLabel(contact.status)}</span>
      </button>
    </div>
  );
});
