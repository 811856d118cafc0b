// Moving through the corpus from an open article, and the status it follows by itself: the keys of
// corpus-keys.ts (mark done, next / previous, next not done), and "in progress" at the first tag
// (every committed create or tag-all, 'spanmark:saved', moves a new article on).

import { useCallback, useEffect, useRef } from 'react';
import { APP_EVENTS } from '../app/events.js';
import type { SpanmarkDb } from '../db/db.js';
import { neighbourArticle, noteTagged, setWorkStatus } from './article-details-repo.js';
import { corpusKey } from './corpus-keys.js';

interface Deps {
  readonly db: SpanmarkDb;
  readonly docId: string | undefined;
  readonly openDoc: (id: string) => Promise<void>;
  readonly say: (kind: 'info' | 'error', text: string) => void;
  readonly fail: (what: string, e: unknown) => void;
}

export function useCorpusNav({ db, docId, openDoc, say, fail }: Deps): (e: KeyboardEvent) => boolean {
  useEffect(() => {
    const saved = (e: Event) => {
      const { docId: id, kind } = (e as CustomEvent<{ docId: string; kind: string }>).detail;
      if (kind === 'create' || kind === 'batch') void noteTagged(db, id).catch((err: unknown) => fail('Could not update the status', err));
    };
    window.addEventListener(APP_EVENTS.saved, saved);
    return () => window.removeEventListener(APP_EVENTS.saved, saved);
  }, [db, fail]);

  // Keys are followed in order, each from where the ones before it lead: two quick Alt+← go back
  // two articles, even while the first is still opening (both used to start from the one shown).
  const queue = useRef<Promise<void>>(Promise.resolve());
  const aim = useRef<string | undefined>(docId);
  useEffect(() => {
    aim.current = docId;
  }, [docId]);

  return useCallback(
    (e: KeyboardEvent) => {
      const key = corpusKey(e);
      if (!key || docId === undefined) return false;
      if (key.kind === 'done') {
        void setWorkStatus(db, docId, 'done').then(
          () => say('info', 'Marked done.'),
          (err: unknown) => fail('Could not mark the article done', err),
        );
        return true;
      }
      queue.current = queue.current
        .then(async () => {
          const next = await neighbourArticle(db, aim.current ?? docId, key.dir, key.notDone);
          if (next) {
            aim.current = next;
            return openDoc(next);
          }
          say(
            'info',
            key.notDone
              ? 'No article after this one is still to do.'
              : key.dir === 1
                ? 'This is the last article in the library.'
                : 'This is the first article in the library.',
          );
          return undefined;
        })
        .catch((err: unknown) => {
          // Not opened: the next key starts from the article shown again.
          aim.current = undefined;
          fail('Could not open the next article', err);
        });
      return true;
    },
    [db, docId, openDoc, say, fail],
  );
}
