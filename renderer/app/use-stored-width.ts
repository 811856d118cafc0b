// A pane width kept in the settings table, so the layout the analyst chose survives a reload. The
// stored value is read once; a missing or unusable one (not a finite number) keeps the default.

import { useCallback, useEffect, useState } from 'react';
import type { SpanmarkDb } from '../db/db.js';
import { getSetting, putSetting } from '../db/settings-repo.js';

const isWidth = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

export function useStoredWidth(
  db: SpanmarkDb,
  key: string,
  fallback: number,
  onError: (what: string, e: unknown) => void,
): { width: number; setWidth: (w: number) => void; commit: (w: number) => void } {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    let live = true;
    getSetting(db, key, isWidth).then(
      (w) => {
        if (live && w !== undefined) setWidth(w);
      },
      (e: unknown) => onError('Could not read the layout', e),
    );
    return () => {
      live = false;
    };
  }, [db, key, onError]);
  const commit = useCallback(
    (w: number) => {
      setWidth(w);
      putSetting(db, key, w).catch((e: unknown) => onError('Could not save the layout', e));
    },
    [db, key, onError],
  );
  return { width, setWidth, commit };
}
