/**
 * A copy of part of a page's live DOM as plain data, and the DOM built again from it: what the popup's first paint
 * shows of the due list (./paint-popup.ts), taken from the live view itself so that the copy and the view it stands
 * in for are the same elements with the same classes, texts and styles. Never HTML: the copy is built with
 * createElement and text nodes, of a fixed set of tags and attributes (no links, sources, handlers or values), so a
 * name from a saved page stays text and a copy loads nothing.
 */

/** A text, or an element: tag, attributes, children. */
export type CopiedNode = string | [tag: string, attrs: Record<string, string>, children: CopiedNode[]];

const TAGS = new Set(['div', 'span', 'p', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'strong', 'em', 'b', 'small', 'section', 'header', 'button', 'time', 'label']);
const ATTRIBUTE = /^(?:class|style|role|id|tabindex|type|disabled|title|lang|dir|hidden|aria-[a-z]+|data-(?!testid$)[a-z-]+)$/;
/** An element left out of a copy: a line about the user's last action, a menu they opened. */
export const TRANSIENT = 'data-transient';
/** Items of a list kept in a copy: more than a popup's 600 px, and no more. */
export const MAX_ITEMS = 12;
const MAX_NODES = 2_000;

/**
 * `root` as data, or undefined when it holds something a copy cannot show (another tag). Lists keep their first
 * MAX_ITEMS items; test ids are left out (tests find the live view, never its copy) and menus show closed.
 */
export function copyElement(root: Element): CopiedNode | undefined {
  let nodes = 0;
  const copy = (element: Element): CopiedNode | undefined => {
    const tag = element.tagName.toLowerCase();
    if (!TAGS.has(tag) || ++nodes > MAX_NODES) return undefined;
    const attrs: Record<string, string> = {};
    for (const { name, value } of element.attributes) if (ATTRIBUTE.test(name)) attrs[name] = name === 'aria-expanded' ? 'false' : value;
    const children: CopiedNode[] = [];
    let items = 0;
    for (const child of element.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        if (child.textContent) children.push(child.textContent);
        continue;
      }
      if (!(child instanceof Element) || child.hasAttribute(TRANSIENT)) continue;
      if ((tag === 'ul' || tag === 'ol') && ++items > MAX_ITEMS) break;
      const copied = copy(child);
      if (copied === undefined) return undefined;
      children.push(copied);
    }
    return [tag, attrs, children];
  };
  return copy(root);
}

/** Whether `value` is a copy this file would make: anything else in storage is not built. */
export function isCopiedNode(value: unknown, depth = 0): value is CopiedNode {
  if (typeof value === 'string') return true;
  if (!Array.isArray(value) || value.length !== 3 || depth > 40) return false;
  const [tag, attrs, children] = value as unknown[];
  if (typeof tag !== 'string' || !TAGS.has(tag) || typeof attrs !== 'object' || attrs === null || Array.isArray(attrs)) return false;
  if (!Object.entries(attrs).every(([name, text]) => ATTRIBUTE.test(name) && typeof text === 'string')) return false;
  return Array.isArray(children) && children.every((child) => isCopiedNode(child, depth + 1));
}

/** The DOM of a copy (checked by isCopiedNode first). */
export function buildCopy(node: CopiedNode): Node {
  if (typeof node === 'string') return document.createTextNode(node);
  const [tag, attrs, children] = node;
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  element.append(...children.map(buildCopy));
  return element;
}
