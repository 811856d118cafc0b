// The re-anchoring Worker: places every span of a document in its new text (src/anchoring/
// reanchor.ts) off the window's main thread, so replacing a megabyte article with thousands of
// spans keeps the window painting. Pure computation: it touches no database; the window writes
// the result in its own transaction.

import { reanchorText } from '../../src/anchoring/reanchor.js';
import type { ReanchorReply, ReanchorRequest } from './reanchor-protocol.js';

// The renderer project is typed for a window; only what a dedicated worker offers is used here.
const scope = self as unknown as {
  postMessage(message: ReanchorReply): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<ReanchorRequest>) => void): void;
};

scope.postMessage({ kind: 'ready' });

scope.addEventListener('message', (e) => {
  const { id, oldText, newText, spans } = e.data;
  try {
    scope.postMessage({ id, kind: 'done', all: reanchorText(oldText, newText, spans).all });
  } catch (err) {
    scope.postMessage({ id, kind: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
});
