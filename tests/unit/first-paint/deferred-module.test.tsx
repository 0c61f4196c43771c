// Code loaded apart from a page's first chunks (components/deferred-module.ts): not loaded while nothing wants it,
// drawn as soon as a prefetch brings it, and loaded at once when something on screen needs it.
import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { deferredModule } from '../../../components/deferred-module';
import { reactHostForEachTest } from '../react-host';
import { until } from '../wait';

const screen = reactHostForEachTest();

function loader() {
  let loads = 0;
  let release!: () => void;
  const ready = new Promise<void>((done) => (release = done));
  const module = deferredModule(async () => {
    loads++;
    await ready;
    return { word: 'loaded' };
  });
  return { module, release, loads: () => loads };
}

describe('a deferred module', () => {
  it('waits for a prefetch while not wanted, then draws it', async () => {
    const { module, release, loads } = loader();
    const Probe = () => createElement('p', null, module.useModule(false)?.word ?? 'waiting');
    await screen.render(createElement(Probe));
    expect(loads()).toBe(0);
    expect(screen.host.textContent).toBe('waiting');
    const prefetched = module.prefetch();
    release();
    await act(() => prefetched);
    await until(() => expect(screen.host.textContent).toBe('loaded'));
    expect(loads()).toBe(1);
  });

  it('loads at once, and once, when wanted', async () => {
    const { module, release, loads } = loader();
    const Probe = () => createElement('p', null, module.useModule(true)?.word ?? 'waiting');
    await screen.render(createElement('div', null, createElement(Probe), createElement(Probe)));
    expect(loads()).toBe(1);
    release();
    await until(() => expect(screen.host.textContent).toBe('loadedloaded'));
  });
});
