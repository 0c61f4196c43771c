import { Component, type ReactNode } from 'react';

interface State {
  error?: Error;
}

/**
 * What a page shows when a read fails while rendering (a live query throws
 * there): the reason in words and a way to try again, never a blank panel.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="empty stack" role="alert">
        <h2>Rapport could not read your data</h2>
        <p className="muted">{error.message || 'An unexpected error.'} Nothing was changed.</p>
        <div>
          <button type="button" className="primary" onClick={() => location.reload()}>
            Try again
          </button>
        </div>
      </div>
    );
  }
}
