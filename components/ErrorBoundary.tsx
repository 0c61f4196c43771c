import { Component, type ReactNode } from 'react';
import { i18n } from '../model/i18n';

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
        <h2>{i18n.t('common.errorTitle')}</h2>
        <p className="muted">{error.message || i18n.t('common.errorUnexpected')} {i18n.t('common.nothingChanged')}</p>
        <div>
          <button type="button" className="primary" onClick={() => location.reload()}>
            {i18n.t('common.tryAgain')}
          </button>
        </div>
      </div>
    );
  }
}
