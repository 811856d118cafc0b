// A yes/no question that must be answered before work goes on (alertdialog): Escape and the
// backdrop answer no, the safe choice; neither button is a default, so Enter answers nothing by
// accident. Excluded: anything that needs a text answer.

import { useRef } from 'react';
import { Dialog } from './Dialog.js';

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
  return (
    <Dialog
      title={title}
      role="alertdialog"
      testId={testId}
      onCancel={() => onAnswer(false)}
      initialFocus={noButton}
      actions={
        <>
          <button type="button" ref={noButton} onClick={() => onAnswer(false)} data-testid="confirm-no">
            {no}
          </button>
          <button type="button" onClick={() => onAnswer(true)} data-testid="confirm-yes">
            {yes}
          </button>
        </>
      }
    >
      <p data-testid="confirm-message">{message}</p>
    </Dialog>
  );
}
