/** A React root in the test DOM (happy-dom) for component tests: a fresh one for each test, unmounted after it. */
import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface ReactHost {
  /** The element the component renders into. */
  readonly host: HTMLElement;
  readonly root: Root;
  render(element: ReactElement): Promise<void>;
}

/** Call at a test file's top level; the returned object always holds the current test's root. */
export function reactHostForEachTest(): ReactHost {
  let host: HTMLElement;
  let root: Root;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(async () => {
    await act(async () => root.unmount());
    host.remove();
  });
  return {
    get host() {
      return host;
    },
    get root() {
      return root;
    },
    render: (element) => act(async () => root.render(element)),
  };
}
