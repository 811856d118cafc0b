// A yes/no question that must be answered before work goes on (alertdialog): Escape and the
// backdrop answer no, the safe choice; neither button is a default, so Enter answers nothing by
// accident. Excluded: anything that needs a text answer.

import { useEffect, useRef } from 'react';

/** What a yes/no question shows (asked through useQuestion). */
export interface ConfirmQuestion {
  readonly title: string;
  readonly message: string;
  readonly yes: string;
  readonly no: string;
  readonly testId?: string;
}

interface Props extends ConfirmQuestion {
  readonly onAnswer: (yes: boolean) => void;
}

export function ConfirmDialog({ title, message, yes, no, onAnswer, testId }: Props) {
  const noButton = useRef<HTMLButtonElement>(null);
  useEffect(() => noButton.current?.focus(), []);
  return (
    <div className="dialog-backdrop" role="presentation" onMouseDown={() => onAnswer(false)}>
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape') onAnswer(false);
        }}
      >
        <h2>{title}</h2>
        <p data-testid="confirm-message">{message}</p>
        <div className="dialog-actions">
          <button type="button" ref={noButton} onClick={() => onAnswer(false)} data-testid="confirm-no">
            {no}
          </button>
          <button type="button" onClick={() => onAnswer(true)} data-testid="confirm-yes">
            {yes}
          </button>
        </div>
      </div>
    </div>
  );
}
