// The session's store (store/session-store.ts) in this window's IndexedDB: edits written whole in
// their keystroke's task (writeNow), snapshots stamped only while the records are at the stamp,
// and other windows on the same database told through a BroadcastChannel.

import type { SessionStore } from '../store/session-store.js';
import { announceChange, onRemoteChange } from '../store/change-channel.js';
import { loadLayers, saveSnapshot, writeNow } from './annotations-repo.js';
import type { SpanmarkDb } from './db.js';

export function dexieSessionStore(db: SpanmarkDb): SessionStore {
  return {
    load: (docId, knownText, knownLayer) => loadLayers(db, docId, knownText, knownLayer),
    write: (cmd, after, whole) => writeNow(db, cmd, after, whole),
    saveSnapshot: (docId, stamp, annotations, text) => saveSnapshot(db, docId, stamp, annotations, text),
    announce: announceChange,
    onRemoteChange,
  };
}
