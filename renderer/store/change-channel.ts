// Tells other Spanmark windows of the same origin that a document's layer changed, so two
// windows on one database stay consistent (each reloads from IndexedDB, the single truth).

const CHANNEL = 'spanmark-changes';
const windowId = crypto.randomUUID();
let channel: BroadcastChannel | undefined;

function getChannel(): BroadcastChannel {
  channel ??= new BroadcastChannel(CHANNEL);
  return channel;
}

interface ChangeMessage {
  readonly type: 'layer-changed';
  readonly docId: string;
  readonly from: string;
}

export function announceChange(docId: string): void {
  const msg: ChangeMessage = { type: 'layer-changed', docId, from: windowId };
  getChannel().postMessage(msg);
}

export function onRemoteChange(docId: string, listener: () => void): () => void {
  // A separate channel object per listener: a BroadcastChannel does not hear its own messages.
  const ch = new BroadcastChannel(CHANNEL);
  ch.onmessage = (e: MessageEvent<unknown>) => {
    const m = e.data as Partial<ChangeMessage> | null;
    if (m?.type === 'layer-changed' && m.docId === docId && m.from !== windowId) listener();
  };
  return () => ch.close();
}
