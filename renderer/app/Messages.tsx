// Status and error messages. Errors stay until dismissed and are announced to screen readers.

export interface Message {
  readonly id: number;
  readonly kind: 'info' | 'error';
  readonly text: string;
}

export function Messages({ items, onDismiss }: { items: readonly Message[]; onDismiss: (id: number) => void }) {
  return (
    <div className="messages" aria-live="polite">
      {items.map((m) => (
        <div
          key={m.id}
          className={`message message-${m.kind}`}
          role={m.kind === 'error' ? 'alert' : 'status'}
          data-testid={`message-${m.kind}`}
          data-message-id={m.id}
        >
          <span>{m.text}</span>
          <button type="button" aria-label="Dismiss" onClick={() => onDismiss(m.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
