// Boot: open the database (showing a recovery screen, never wiping, when it cannot open), ask
// for persistent storage, read settings, then render the app.

import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { FatalScreen } from './app/FatalScreen.js';
import { classifyDbError, describeDbFailure, openDatabase, SCHEMA_VERSION } from './db/db.js';
import { getSetting, isString, putSetting } from './db/settings-repo.js';
import { selectPlatform } from './platform/select.js';

declare const SPANMARK_VERSION: string;

async function requestPersistence(): Promise<string> {
  try {
    if (await navigator.storage?.persisted?.()) return 'persistent';
    if (await navigator.storage?.persist?.()) return 'persistent';
    return 'best-effort (the browser may evict it under disk pressure; keep exports as backups)';
  } catch {
    return 'best-effort';
  }
}

async function boot(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const platform = selectPlatform(SPANMARK_VERSION);
  const db = openDatabase();
  try {
    await db.open();
    // Dexie 4 opens a newer database in compatibility mode; an older build must not write to a
    // schema it does not know, so it stops here as if IndexedDB had said VersionError.
    // (Dexie keeps IndexedDB's version at ten times its own.)
    const stored = db.backendDB().version / 10;
    if (stored > SCHEMA_VERSION) {
      db.close();
      throw Object.assign(new Error(`schema version ${stored} is newer than ${SCHEMA_VERSION}`), { name: 'VersionError' });
    }
  } catch (e) {
    root.render(<FatalScreen message={describeDbFailure(classifyDbError(e), e instanceof Error ? e.message : String(e))} />);
    return;
  }
  // Another window upgrading the schema: let it, and reload into the new version.
  db.on('versionchange', () => {
    db.close();
    location.reload();
  });
  const [info, storage, annotator, storedId, lastDocId] = await Promise.all([
    platform.appInfo(),
    requestPersistence(),
    getSetting(db, 'annotator', isString),
    getSetting(db, 'annotatorId', isString),
    getSetting(db, 'lastDocId', isString),
  ]);
  // This installation's analyst id, made once: names repeat ("analyst"), ids tell people apart.
  const annotatorId = storedId || crypto.randomUUID();
  // Not stored (disk full): this session still has one; the next start tries again.
  if (!storedId) await putSetting(db, 'annotatorId', annotatorId).catch(() => undefined);
  const initialDocId = lastDocId && (await db.articles.get(lastDocId)) ? lastDocId : undefined;
  root.render(
    <App
      db={db}
      platform={platform}
      info={info}
      storage={storage}
      initialAnnotator={annotator ?? info.userName ?? 'analyst'}
      annotatorId={annotatorId}
      nameChosen={annotator !== undefined}
      initialDocId={initialDocId}
    />,
  );
  document.documentElement.dataset['ready'] = 'true';
}

void boot();
