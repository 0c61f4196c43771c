import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type KeyboardEvent } from 'react';
import { STATUS_LABELS, type Contact } from '../../storage/schemas';
import { Avatar } from '../Avatar';

const ROW_HEIGHT = 56;

interface Props {
  contacts: Contact[];
  selectedId?: string;
  onOpen(id: string): void;
}

/** The contacts, virtualized so that thousands of rows stay smooth; arrow keys move, Enter opens. */
export function ContactList({ contacts, selectedId, onOpen }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: contacts.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = Array.from(scroller.current?.querySelectorAll<HTMLButtonElement>('[data-row]') ?? []);
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const move = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (!move) return;
    event.preventDefault();
    const current = Number(buttons[index]?.dataset.row ?? -1);
    const target = Math.min(contacts.length - 1, Math.max(0, current + move));
    virtualizer.scrollToIndex(target);
    requestAnimationFrame(() =>
      scroller.current?.querySelector<HTMLButtonElement>(`[data-row="${target}"]`)?.focus(),
    );
  };

  return (
    <div ref={scroller} className="contact-list" onKeyDown={onKeyDown} role="list" aria-label="Contacts">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const contact = contacts[item.index]!;
          const role = [contact.title, contact.organization].filter(Boolean).join(' · ') || contact.headline;
          return (
            <div
              key={contact.id}
              role="listitem"
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
            >
              <button
                type="button"
                data-row={item.index}
                className={`contact-row${contact.id === selectedId ? ' selected' : ''}`}
                aria-current={contact.id === selectedId ? 'true' : undefined}
                onClick={() => onOpen(contact.id)}
              >
                <Avatar contact={contact} small />
                <span className="contact-row-text">
                  <span className="contact-row-name">{contact.fullName}</span>
                  <span className="muted contact-row-role">{role}</span>
                </span>
                <span className={`pill ${contact.status}`}>{STATUS_LABELS[contact.status]}</span>
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}
