/** Typing into a form field the way a user does, and finding a field by its label, for component tests (happy-dom). */

/** Sets the value through the element's own setter, so that React sees the input event as typing. */
export function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The input or textarea of the label whose own text (before the field) is `label`. */
export function fieldIn(host: ParentNode, label: string): HTMLInputElement | HTMLTextAreaElement {
  const found = [...host.querySelectorAll('label')].find((l) => l.firstChild?.textContent === label);
  const input = found?.querySelector('input, textarea');
  if (!input) throw new Error(`No field ${label}`);
  return input as HTMLInputElement;
}
