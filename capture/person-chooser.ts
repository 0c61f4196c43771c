/**
 * The in-page chooser for pages listing several people. Plain DOM in a closed
 * Shadow DOM root, page text set with textContent only, and nothing of the
 * page itself touched: highlights are boxes drawn over the page, not styles on
 * its elements. Closing (Esc, Cancel, or after a choice) removes every
 * element and listener it added, leaving the page exactly as it was.
 *
 * Only ever injected into pages that are not LinkedIn's or Doximity's.
 */

export interface ChooserPerson {
  fullName: string;
  detail?: string;
}

export type ChooserAnswer = { index: number; fullName: string } | null;

/** Folds case and white space so a name matches the page however it is spaced. */
function fold(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD']);

/**
 * The card element of each person: the largest element around the first
 * mention of their name that mentions no one else. Null where the page shows
 * the name nowhere (structured data only); the list still offers them.
 */
export function locateCards(doc: Document, people: readonly ChooserPerson[]): (Element | null)[] {
  const names = people.map((p) => fold(p.fullName));
  const found: (Element | null)[] = people.map(() => null);
  const body = doc.body;
  if (!body) return found;
  const claimed = new Set<Element>();
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.ELEMENT_NODE && SKIP.has((node as Element).tagName)
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const mentions: Element[][] = people.map(() => []);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let text: string | null = null;
    if (node.nodeType === Node.TEXT_NODE) text = node.nodeValue;
    else if ((node as Element).tagName === 'IMG') text = (node as Element).getAttribute('alt');
    if (!text) continue;
    const folded = fold(text);
    if (!folded) continue;
    const owner = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
    if (!owner) continue;
    names.forEach((name, i) => {
      if (name && folded.includes(name)) mentions[i]?.push(owner);
    });
  }
  const others = (i: number) => names.filter((n, j) => j !== i && n && n !== names[i]);
  people.forEach((_, i) => {
    // Same name twice on a page (two people called Sam Lee): each takes the next unclaimed mention.
    const start = mentions[i]?.find((el) => ![...claimed].some((c) => c.contains(el)));
    if (!start) return;
    let card: Element = start;
    const rivals = others(i);
    for (let up = start.parentElement; up && up !== body && up !== doc.documentElement; up = up.parentElement) {
      const text = fold(up.textContent ?? '');
      const alts = [...up.querySelectorAll('img[alt]')].map((img) => fold(img.getAttribute('alt') ?? '')).join(' ');
      if (rivals.some((r) => text.includes(r) || alts.includes(r))) break;
      if ([...claimed].some((c) => up.contains(c))) break;
      card = up;
    }
    claimed.add(card);
    found[i] = card;
  });
  // The last card of a section is alone in its grid and would grow to the whole grid:
  // where most cards share a shape (tag and class), the card of that shape around the name is the one.
  const shape = (el: Element) => `${el.tagName}.${el.getAttribute('class') ?? ''}`;
  const counts = new Map<string, number>();
  for (const card of found) if (card) counts.set(shape(card), (counts.get(shape(card)) ?? 0) + 1);
  const [common, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  if (count >= 2) {
    found.forEach((card, i) => {
      if (!card || shape(card) === common) return;
      const start = mentions[i]?.find((el) => card.contains(el));
      for (let up = start ?? null; up && up !== card; up = up.parentElement) {
        if (shape(up) === common) {
          found[i] = up;
          return;
        }
      }
    });
  }
  return found;
}

const STYLE = `
:host { all: initial; }
.layer { position: fixed; inset: 0; z-index: 2147483647; pointer-events: none; font: 14px/1.4 system-ui, sans-serif; }
.box { position: fixed; box-sizing: border-box; border: 2px dashed rgba(37, 99, 235, .55); border-radius: 6px; pointer-events: none; }
.box.active { border: 3px solid #2563eb; background: rgba(37, 99, 235, .10); }
.panel { position: fixed; top: 12px; right: 12px; width: 300px; max-height: calc(100vh - 24px); overflow: auto;
  pointer-events: auto; background: #fff; color: #111827; border: 1px solid #d1d5db; border-radius: 10px;
  box-shadow: 0 8px 24px rgba(0,0,0,.18); padding: 12px; }
.panel h2 { font-size: 15px; margin: 0 0 4px; }
.panel p { margin: 0 0 8px; color: #4b5563; }
.panel ul { list-style: none; margin: 0 0 8px; padding: 0; display: grid; gap: 4px; }
.panel button { font: inherit; width: 100%; text-align: left; padding: 6px 8px; border-radius: 6px;
  border: 1px solid #d1d5db; background: #f9fafb; color: inherit; cursor: pointer; }
.panel button:hover, .panel button:focus-visible { border-color: #2563eb; outline: 2px solid #2563eb; outline-offset: 1px; }
.panel .detail { display: block; color: #4b5563; font-size: 12px; }
.panel .cancel { text-align: center; background: transparent; }
.status { font-weight: 600; }
@media (prefers-color-scheme: dark) {
  .panel { background: #1f2937; color: #f9fafb; border-color: #374151; }
  .panel p, .panel .detail { color: #d1d5db; }
  .panel button { background: #111827; border-color: #4b5563; }
}`;

export interface ChooserHandle {
  /** Shows a line of status in the panel (saving, saved, an error). */
  status(text: string): void;
  /** Removes everything the chooser added. Safe to call twice. */
  close(): void;
}

/**
 * Shows the chooser. `onAnswer` gets the chosen person, or null when the user
 * left (Esc, Cancel). Returns a handle, or null when no one could be offered.
 */
export function showChooser(
  doc: Document,
  people: readonly ChooserPerson[],
  onAnswer: (answer: ChooserAnswer, handle: ChooserHandle) => void,
  /**
   * Whether an event comes from the user. Only the browser sets `isTrusted`: a page script's synthetic click or
   * Escape must not decide who is saved, or cancel. Unit tests, whose events are all synthetic, pass their own.
   */
  fromUser: (event: Event) => boolean = (event) => event.isTrusted,
): ChooserHandle | null {
  const win = doc.defaultView;
  if (!win || people.length === 0) return null;
  const cards = locateCards(doc, people);
  const previousFocus = doc.activeElement instanceof win.HTMLElement ? doc.activeElement : null;

  const host = doc.createElement('rapport-chooser');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const layer = doc.createElement('div');
  layer.className = 'layer';
  const boxes = cards.map((card) => {
    if (!card) return null;
    const box = doc.createElement('div');
    box.className = 'box';
    layer.append(box);
    return box;
  });

  const panel = doc.createElement('section');
  panel.className = 'panel';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', i18n.t('picker.title'));
  const heading = doc.createElement('h2');
  heading.textContent = i18n.t('picker.title');
  const hint = doc.createElement('p');
  hint.textContent = i18n.t('picker.hint');
  const list = doc.createElement('ul');
  const statusLine = doc.createElement('p');
  statusLine.className = 'status';
  statusLine.setAttribute('role', 'status');
  const cancel = doc.createElement('button');
  cancel.type = 'button';
  cancel.className = 'cancel';
  cancel.textContent = i18n.t('picker.cancel');

  let active = -1;
  let ready = false;
  const highlight = (index: number) => {
    active = index;
    boxes.forEach((box, i) => box?.classList.toggle('active', i === index));
  };
  const buttons = people.map((person, index) => {
    const item = doc.createElement('li');
    const button = doc.createElement('button');
    button.type = 'button';
    const name = doc.createElement('span');
    name.textContent = person.fullName;
    button.append(name);
    if (person.detail) {
      const detail = doc.createElement('span');
      detail.className = 'detail';
      detail.textContent = person.detail;
      button.append(detail);
    }
    button.addEventListener('mouseenter', () => highlight(index));
    button.addEventListener('focus', () => {
      highlight(index);
      // The chooser's own first focus leaves the page where the user was.
      if (ready) cards[index]?.scrollIntoView({ block: 'nearest' });
    });
    button.addEventListener('click', (event) => fromUser(event) && answer({ index, fullName: person.fullName }));
    item.append(button);
    list.append(item);
    return button;
  });
  panel.append(heading, hint, list, statusLine, cancel);
  layer.append(panel);
  root.append(style, layer);

  let frame = 0;
  const place = () => {
    frame = 0;
    cards.forEach((card, i) => {
      const box = boxes[i];
      if (!card || !box) return;
      const r = card.getBoundingClientRect();
      box.style.left = `${r.left - 4}px`;
      box.style.top = `${r.top - 4}px`;
      box.style.width = `${r.width + 8}px`;
      box.style.height = `${r.height + 8}px`;
    });
  };
  const schedule = () => {
    if (!frame) frame = win.requestAnimationFrame(place);
  };

  const cardIndexOf = (target: EventTarget | null): number => {
    if (!(target instanceof win.Node) || target === host) return -1;
    return cards.findIndex((card) => card?.contains(target));
  };

  let answered = false;
  let closed = false;
  const handle: ChooserHandle = {
    status(text) {
      statusLine.textContent = text;
    },
    close() {
      if (closed) return;
      closed = true;
      win.removeEventListener('pointermove', onMove, true);
      win.removeEventListener('click', onClick, true);
      win.removeEventListener('pointerdown', onPress, true);
      win.removeEventListener('mousedown', onPress, true);
      win.removeEventListener('pointerup', onPress, true);
      win.removeEventListener('mouseup', onPress, true);
      win.removeEventListener('keydown', onKey, true);
      win.removeEventListener('scroll', schedule, true);
      win.removeEventListener('resize', schedule);
      if (frame) win.cancelAnimationFrame(frame);
      host.remove();
      if (previousFocus?.isConnected) previousFocus.focus({ preventScroll: true });
    },
  };

  function answer(choice: ChooserAnswer): void {
    if (answered) return;
    answered = true;
    buttons.forEach((b) => (b.disabled = true));
    highlight(choice ? choice.index : -1);
    onAnswer(choice, handle);
  }

  function onMove(event: Event): void {
    if (answered || !fromUser(event)) return;
    const index = cardIndexOf(event.target);
    if (index !== active && (index >= 0 || event.target !== host)) highlight(index);
  }
  // The page's own handlers must not see a click meant for the chooser (a card that is also a link).
  function onPress(event: Event): void {
    if (cardIndexOf(event.target) >= 0) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }
  function onClick(event: Event): void {
    if (!fromUser(event)) return;
    const index = cardIndexOf(event.target);
    if (index < 0) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const person = people[index];
    if (person) answer({ index, fullName: person.fullName });
  }
  function onKey(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || !fromUser(event)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (!answered) answer(null);
    handle.close();
  }
  cancel.addEventListener('click', (event) => {
    if (!fromUser(event)) return;
    if (!answered) answer(null);
    handle.close();
  });

  win.addEventListener('pointermove', onMove, true);
  win.addEventListener('click', onClick, true);
  win.addEventListener('pointerdown', onPress, true);
  win.addEventListener('mousedown', onPress, true);
  win.addEventListener('pointerup', onPress, true);
  win.addEventListener('mouseup', onPress, true);
  win.addEventListener('keydown', onKey, true);
  win.addEventListener('scroll', schedule, true);
  win.addEventListener('resize', schedule);
  doc.documentElement.append(host);
  place();
  buttons[0]?.focus({ preventScroll: true });
  ready = true;
  return handle;
}
