// The corpus keys in an open article: Ctrl/⌘+Enter marks it done (Ctrl+Enter in the note field
// stays "save the note": fields never reach here), Alt+→ / Alt+← open the next / previous article
// in the library's order, Alt+N the next one not done (Alt+Shift+→ extends a selection by word in
// the reader; N is matched by its key position, as macOS's Option+N types a dead key). Alt+←/→ are
// the browser's back and forward too, which would leave the app: the caller prevents the default.

export type CorpusKey = { readonly kind: 'done' } | { readonly kind: 'step'; readonly dir: 1 | -1; readonly notDone: boolean };

export function corpusKey(e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): CorpusKey | undefined {
  const mod = e.ctrlKey || e.metaKey;
  if (e.key === 'Enter' && mod && !e.altKey && !e.shiftKey) return { kind: 'done' };
  if (!e.altKey || mod || e.shiftKey) return undefined;
  if (e.key === 'ArrowRight') return { kind: 'step', dir: 1, notDone: false };
  if (e.key === 'ArrowLeft') return { kind: 'step', dir: -1, notDone: false };
  if (e.code === 'KeyN') return { kind: 'step', dir: 1, notDone: true };
  return undefined;
}
