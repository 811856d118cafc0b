// A long operation's progress, in words and a bar, announced politely to screen readers. Without
// a total the bar is indeterminate (the stage is known, not how far into it).

export interface ProgressState {
  readonly label: string;
  readonly done?: number;
  readonly total?: number;
}

export function ProgressNotice({ state, testId }: { state: ProgressState; testId: string }) {
  const determinate = state.total !== undefined && state.total > 0 && state.done !== undefined;
  return (
    <div className="progress-notice" role="status" aria-live="polite" data-testid={testId}>
      <span className="progress-label">{state.label}</span>
      {determinate ? <progress max={state.total} value={state.done} /> : <progress />}
    </div>
  );
}
