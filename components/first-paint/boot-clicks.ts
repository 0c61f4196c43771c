/**
 * A section tab clicked on the painted snapshot, before React took over (components/first-paint/). The snapshot's
 * tabs have no handlers of their own, and the boot window grows with the database (0.4–1.5 s at 100,000 contacts),
 * so without this such a click was lost. The page's entry listens on the snapshot; the panel's first render opens
 * the section asked for.
 */
import type { Section } from '../sidepanel/sections';

let asked: Section | undefined;

/** Listens for clicks on the snapshot's section tabs (`data-section`) inside `root`. */
export function rememberSectionClicks(root: HTMLElement, sections: readonly Section[]): void {
  root.addEventListener('click', (event) => {
    const tab = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-first-paint] nav.tabs [data-section]') : null;
    const section = tab?.dataset.section as Section | undefined;
    if (!tab || !section || !sections.includes(section)) return;
    asked = section;
    // The click is seen to be heard: that tab is current until the live panel draws its section.
    for (const other of root.querySelectorAll('nav.tabs [data-section]')) other.removeAttribute('aria-current');
    tab.setAttribute('aria-current', 'page');
  });
}

/** The section clicked during the boot, if any (read by the panel's first render, which may run twice). */
export function bootSection(): Section | undefined {
  return asked;
}

/** Called once the live panel is on screen: a later mount (after an error, say) starts on its own section. */
export function forgetBootSection(): void {
  asked = undefined;
}
