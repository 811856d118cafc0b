// The display preferences as React state: applied to <html> on every change (and when the system
// theme changes while "System" is chosen), stored in the settings table so they survive a reload.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SpanmarkDb } from '../db/db.js';
import { putSetting } from '../db/settings-repo.js';
import { applyDisplay, DISPLAY_KEYS, zoomStep, type DisplayPrefs } from './display-prefs.js';

const DARK = '(prefers-color-scheme: dark)';

export interface Display {
  readonly prefs: DisplayPrefs;
  readonly update: (patch: Partial<DisplayPrefs>) => void;
  readonly zoom: (how: 'in' | 'out' | 'reset') => void;
}

export function useDisplay(db: SpanmarkDb, initial: DisplayPrefs, onError: (e: unknown) => void): Display {
  const [prefs, setPrefs] = useState(initial);
  const current = useRef(prefs);
  current.current = prefs;

  useEffect(() => {
    const media = window.matchMedia(DARK);
    const apply = () => applyDisplay(document.documentElement, prefs, media.matches);
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [prefs]);

  const update = useCallback(
    (patch: Partial<DisplayPrefs>) => {
      const next = { ...current.current, ...patch };
      current.current = next;
      setPrefs(next);
      for (const key of Object.keys(patch) as (keyof DisplayPrefs)[]) {
        putSetting(db, DISPLAY_KEYS[key], next[key]).catch(onError);
      }
    },
    [db, onError],
  );

  const zoom = useCallback(
    (how: 'in' | 'out' | 'reset') => update({ zoom: how === 'reset' ? 1 : zoomStep(current.current.zoom, how === 'in' ? 1 : -1) }),
    [update],
  );

  return useMemo(() => ({ prefs, update, zoom }), [prefs, update, zoom]);
}
