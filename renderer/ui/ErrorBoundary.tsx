// Keeps a failing panel from taking the window down: a render error in the reader, the side panel
// or the library is caught here and shown in place of that panel (which panel, the error's
// message, a button to reload it), while every other panel, the open session and the database go
// on untouched. Errors in event handlers and promises never reach a boundary; those are reported
// as messages by whoever awaited them.

import { Component, type ReactNode } from 'react';
import { dispatch } from '../app/events.js';

interface Props {
  /** The panel's name as the analyst knows it ("Reader", "Annotations"). */
  readonly panel: string;
  /**
   * Runs before the panel is shown again, e.g. re-reading its data from the database. When it
   * fails, the panel stays in its failed state with the new message.
   */
  readonly onReload?: () => Promise<void> | void;
  /**
   * The data the panel draws (compared by identity). While failed, a new value tries the panel
   * again: a panel fed a deferred value gets the reloaded data a render after the reload resolves.
   */
  readonly retryOn?: unknown;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
  readonly reloading: boolean;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, reloading: false };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown): void {
    // For tests and for anyone watching the console; the panel itself already says what failed.
    dispatch('spanmark:panel-failed', { panel: this.props.panel, message: error instanceof Error ? error.message : String(error) });
    console.error(`Spanmark: the ${this.props.panel} panel failed`, error);
  }

  override componentDidUpdate(prev: Props): void {
    if (this.state.error && !this.state.reloading && prev.retryOn !== this.props.retryOn) this.setState({ error: null });
  }

  private reload = (): void => {
    this.setState({ reloading: true });
    Promise.resolve()
      .then(() => this.props.onReload?.())
      .then(
        () => this.setState({ error: null, reloading: false }),
        (e: unknown) => this.setState({ error: e instanceof Error ? e : new Error(String(e)), reloading: false }),
      );
  };

  override render(): ReactNode {
    const { error, reloading } = this.state;
    if (!error) return this.props.children;
    return (
      <section className="panel-failed" role="alert" data-testid="panel-failed" data-panel={this.props.panel}>
        <h2>The {this.props.panel} panel stopped working</h2>
        <p className="panel-failed-message" data-testid="panel-failed-message">
          {error.message || error.name}
        </p>
        <p className="hint">Your annotations are safe: nothing was changed. The rest of Spanmark keeps working.</p>
        <button type="button" onClick={this.reload} disabled={reloading} data-testid="panel-reload">
          {reloading ? 'Reloading…' : `Reload the ${this.props.panel} panel`}
        </button>
      </section>
    );
  }
}
