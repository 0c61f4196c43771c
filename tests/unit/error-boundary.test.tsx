/** A read that fails while rendering shows its reason and a way to try again, not a blank page. */
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { reactHostForEachTest } from './react-host';

const screen = reactHostForEachTest();

function Failing(): never {
  throw new Error('The database is closed.');
}

describe('ErrorBoundary', () => {
  it('shows the reason in words with a Try again button', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await screen.render(createElement(ErrorBoundary, null, createElement(Failing)));
    const alert = screen.host.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Rapport could not read your data');
    expect(alert?.textContent).toContain('The database is closed. Nothing was changed.');
    expect(alert?.querySelector('button')?.textContent).toBe('Try again');
    vi.restoreAllMocks();
  });

  it('renders its children when nothing fails', async () => {
    await screen.render(createElement(ErrorBoundary, null, createElement('p', null, 'fine')));
    expect(screen.host.textContent).toBe('fine');
  });
});
