/**
 * "Point at the person": when reading the page finds the wrong people or
 * none, the user points at the card, row or block that shows the person. A
 * box follows the pointer over the element under it; ArrowUp or the wheel
 * away from the user grows it to the enclosing element, ArrowDown or the
 * wheel towards the user shrinks it back; a click (or Enter) chooses it,
 * Escape leaves.
 *
 * Like the chooser (./picker.ts): plain DOM in a closed Shadow DOM root, text
 * set with textContent only, the page's own elements never touched (the box
 * is drawn over them). Only events the user made count (`isTrusted`), so a
 * page's script cannot choose for them. Closing removes every element and
 * listener it added, leaving the page exactly as it was.
 *
 * Only ever injected into pages that are not LinkedIn's or Doximity's.
 */

export interface PointerLabels {
  /** The banner's instructions. */
  hint: string;
  /** Shown when the chosen element holds no name. */
  noName: string;
  cancel: string;
}

export interface PointerHandle {
  close(): void;
  /** Shows a short message in the banner (the chosen block held no name) and keeps pointing. */
  say(message: string): void;
}

const STYLE = `
  :host { all: initial; }
  .box { position: fixed; pointer-events: none; border: 2px solid #2563eb; background: rgba(37, 99, 235, 0.12); border-radius: 4px; z-index: 2147483647; display: none; box-sizing: border-box; }
  .bar { position: fixed; left: 50%; top: 12px; transform: translateX(-50%); z-index: 2147483647; display: flex; gap: 12px; align-items: center;
    font: 14px/1.4 system-ui, sans-serif; color: #0f172a; background: #f8fafc; border: 1px solid #cbd5e1; border-radius: 8px; padding: 8px 12px; box-shadow: 0 4px 16px rgba(0,0,0,.2); max-width: 90vw; }
  .bar button { font: inherit; padding: 4px 10px; border-radius: 6px; border: 1px solid #94a3b8; background: #fff; color: inherit; cursor: pointer; }
  .bar button:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
  @media (prefers-color-scheme: dark) {
    .bar { color: #e2e8f0; background: #0f172a; border-color: #334155; }
    .bar button { background: #1e293b; border-color: #475569; }
    .box { border-color: #60a5fa; background: rgba(96, 165, 250, 0.15); }
  }
`;

/** Elements never offered as a person's block: the whole page, or the page's frame. */
function pointable(el: Element | null, doc: Document): el is Element {
  return el !== null && el !== doc.documentElement && el !== doc.body && el.tagName !== 'HEAD';
}

export function startPointing(doc: Document, labels: PointerLabels, onChoose: (el: Element | null) => void): PointerHandle {
  const win = doc.defaultView;
  const host = doc.createElement('rapport-pointer');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const box = doc.createElement('div');
  box.className = 'box';
  const bar = doc.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'status');
  const text = doc.createElement('span');
  text.textContent = labels.hint;
  const cancel = doc.createElement('button');
  cancel.type = 'button';
  cancel.textContent = labels.cancel;
  bar.append(text, cancel);
  root.append(style, box, bar);
  doc.documentElement.append(host);

  let current: Element | null = null;
  /** The elements the user grew from, innermost first, to shrink back along the same path. */
  let smaller: Element[] = [];
  let closed = false;

  const draw = () => {
    if (!current) {
      box.style.display = 'none';
      return;
    }
    const r = current.getBoundingClientRect();
    Object.assign(box.style, { display: 'block', left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
  };
  const ours = (event: Event) => event.composedPath().includes(host);
  const grow = () => {
    const up = current?.parentElement ?? null;
    if (current && pointable(up, doc)) {
      smaller.unshift(current);
      current = up;
      draw();
    }
  };
  const shrink = () => {
    const down = smaller.shift();
    if (down) {
      current = down;
      draw();
    }
  };
  const finish = (el: Element | null) => {
    if (!el) handle.close();
    onChoose(el);
  };

  const onMove = (event: MouseEvent) => {
    if (!event.isTrusted || ours(event)) return;
    const target = event.target instanceof Element ? event.target : null;
    if (!pointable(target, doc) || target === current || smaller.includes(target)) return;
    current = target;
    smaller = [];
    draw();
  };
  // The page must not react to the click that chooses (no link followed, no menu opened).
  const swallow = (event: Event) => {
    if (!event.isTrusted || ours(event)) return;
    event.preventDefault();
    event.stopPropagation();
  };
  const onClick = (event: MouseEvent) => {
    if (!event.isTrusted || ours(event)) return;
    event.preventDefault();
    event.stopPropagation();
    if (current) finish(current);
  };
  const onKey = (event: KeyboardEvent) => {
    if (!event.isTrusted) return;
    const keys: Record<string, () => void> = {
      Escape: () => finish(null),
      ArrowUp: grow,
      ArrowDown: shrink,
      Enter: () => {
        if (current && !ours(event)) finish(current);
      },
    };
    const action = keys[event.key];
    if (!action || (event.key === 'Enter' && ours(event))) return;
    event.preventDefault();
    event.stopPropagation();
    action();
  };
  const onWheel = (event: WheelEvent) => {
    if (!event.isTrusted || !current) return;
    event.preventDefault();
    if (event.deltaY < 0) grow();
    else if (event.deltaY > 0) shrink();
  };
  const onScroll = () => draw();
  const onCancel = (event: MouseEvent) => {
    if (event.isTrusted) finish(null);
  };

  // Capture phase on the document: the pointer sees each event before the page does.
  const listeners: [EventTarget | null | undefined, string, (event: never) => void, AddEventListenerOptions][] = [
    [doc, 'mouseover', onMove, { capture: true }],
    [doc, 'mousedown', swallow, { capture: true }],
    [doc, 'mouseup', swallow, { capture: true }],
    [doc, 'click', onClick, { capture: true }],
    [doc, 'keydown', onKey, { capture: true }],
    [doc, 'wheel', onWheel, { capture: true, passive: false }],
    [win, 'scroll', onScroll, { capture: true }],
    [cancel, 'click', onCancel, {}],
  ];
  for (const [target, type, listener, options] of listeners) target?.addEventListener(type, listener as EventListener, options);

  const handle: PointerHandle = {
    close() {
      if (closed) return;
      closed = true;
      for (const [target, type, listener, options] of listeners) target?.removeEventListener(type, listener as EventListener, options);
      host.remove();
    },
    say(message: string) {
      text.textContent = message;
    },
  };
  return handle;
}
