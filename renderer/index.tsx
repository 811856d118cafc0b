// Boot: open the database (showing a recovery screen, never wiping, when it cannot open; a
// waiting screen while an older window blocks the upgrade), ask for persistent storage, read
// settings, hold closing while edits are written, then render the app.

import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { BlockedScreen } from './app/BlockedScreen.js';
import { FatalScreen } from './app/FatalScreen.js';
import { classifyDbError, describeDbFailure, openDatabase, SCHEMA_VERSION } from './db/db.js';
import { getSetting, isString, putSetting } from './db/settings-repo.js';
import { selectPlatform } from './platform/select.js';
import { pendingWrites } from './store/pending-writes.js';
import { applyDisplay, DEFAULT_DISPLAY, DISPLAY_KEYS, isReadingWidth, isThemeChoice, isZoom, type DisplayPrefs } from './settings/display-prefs.js';
import { loadSchema } from './db/schema-repo.js';
import { SchemaProvider } from './schema/SchemaProvider.js';

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
  // A panel that throws while React renders it in the background is caught by its error boundary
  // after React retries it in one go; React then reports that retry as "recoverable". It is
  // handled (the boundary shows what failed), so it is logged, not raised as an uncaught error.
  const root = createRoot(document.getElementById('root')!, {
    onRecoverableError: (error) => console.warn('Spanmark: a panel recovered from a render error:', error),
  });
  // The system theme until the stored choice is read, so even the recovery screen follows it.
  applyDisplay(document.documentElement, DEFAULT_DISPLAY, window.matchMedia('(prefers-color-scheme: dark)').matches);
  const platform = selectPlatform(SPANMARK_VERSION);
  const db = openDatabase();
  // Dexie 4 does not reject while another window holds an older version open: it waits for that
  // window to let go. Say so, and carry on by itself once it does (db.open() then resolves).
  db.on('blocked', () => root.render(<BlockedScreen />));
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
  platform.guardClose(pendingWrites);
  const [info, storage, annotator, storedId, lastDocId, theme, zoom, width, schema] = await Promise.all([
    platform.appInfo(),
    requestPersistence(),
    getSetting(db, 'annotator', isString),
    getSetting(db, 'annotatorId', isString),
    getSetting(db, 'lastDocId', isString),
    getSetting(db, DISPLAY_KEYS.theme, isThemeChoice),
    getSetting(db, DISPLAY_KEYS.zoom, isZoom),
    getSetting(db, DISPLAY_KEYS.width, isReadingWidth),
    loadSchema(db),
  ]);
  // This installation's analyst id, made once: names repeat ("analyst"), ids tell people apart.
  const annotatorId = storedId || crypto.randomUUID();
  // Not stored (disk full): this session still has one; the next start tries again.
  if (!storedId) await putSetting(db, 'annotatorId', annotatorId).catch(() => undefined);
  const display: DisplayPrefs = { theme: theme ?? DEFAULT_DISPLAY.theme, zoom: zoom ?? DEFAULT_DISPLAY.zoom, width: width ?? DEFAULT_DISPLAY.width };
  const initialDocId = lastDocId && (await db.articles.get(lastDocId)) ? lastDocId : undefined;
  root.render(
    <SchemaProvider db={db} initial={schema}>
      <App
        db={db}
        platform={platform}
        info={info}
        storage={storage}
        initialAnnotator={annotator ?? info.userName ?? 'analyst'}
        annotatorId={annotatorId}
        nameChosen={annotator !== undefined}
        initialDocId={initialDocId}
        initialDisplay={display}
      />
    </SchemaProvider>,
  );
  document.documentElement.dataset['ready'] = 'true';
}

void boot();
