// The library's rows: each article without its text and blocks (articleRows, db.ts), so opening
// the library reads ~2 MB instead of every text (~25 MB for 5,000 articles). A derived copy that
// must never disagree with `articles`, so it is kept in one place rather than at every write site:
// a DBCore middleware adds articleRows to every readwrite transaction that may write articles and
// repeats each committed change to an article on its row in the same transaction (an abort undoes
// both). Dexie's update()/modify() reach this level as puts of whole records (their `updates` and
// `changeSpec` only describe them), and deletes by criteria still list their keys.
// Excluded: writes with IndexedDB itself (none write articles; a test that seeds a library by hand
// must write the row too), and writing articleRows or the packs directly, which is refused outside
// an upgrade.

import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, Middleware } from 'dexie';
import type { Article } from '../../src/document/article.js';
import { LIBRARY_PACKS, newRowsStamp } from './rows-pack.js';

/** An article as the library lists it: everything but its text and blocks. */
export type ArticleRow = Omit<Article, 'text' | 'blocks'>;

export const ARTICLES = 'articles';
export const ARTICLE_ROWS = 'articleRows';

export function articleRow(a: Article): ArticleRow {
  const { text: _text, blocks: _blocks, ...row } = a;
  return row;
}

/**
 * The article as stored now, from its row and the text and blocks an open session holds: those
 * are the stored ones while the row names the same text (its sha256; replacing the text changes
 * it), so a 1 MB text need not be read back. Undefined for another article or another text.
 */
export function rowWithText(row: ArticleRow | undefined, held: Pick<Article, 'id' | 'sha256' | 'text' | 'blocks'>): Article | undefined {
  return row !== undefined && row.id === held.id && row.sha256 === held.sha256 ? { ...row, text: held.text, blocks: held.blocks } : undefined;
}

/** The values (or keys) of a mutate whose operation succeeded, in order. */
const succeeded = <T>(items: readonly T[], res: DBCoreMutateResponse): T[] =>
  res.numFailures === 0 ? [...items] : items.filter((_, i) => !(i in res.failures));

async function mirror(rows: DBCoreTable, packs: DBCoreTable | undefined, req: DBCoreMutateRequest, res: DBCoreMutateResponse): Promise<void> {
  let done: DBCoreMutateResponse | undefined;
  switch (req.type) {
    case 'add':
    case 'put': {
      const values = succeeded(req.values as readonly Article[], res);
      // put, never add: a row is the latest copy of its article, whatever was there.
      if (values.length > 0) done = await rows.mutate({ type: 'put', trans: req.trans, values: values.map(articleRow) });
      break;
    }
    case 'delete': {
      const keys = succeeded(req.keys, res);
      if (keys.length > 0) done = await rows.mutate({ type: 'delete', trans: req.trans, keys });
      break;
    }
    case 'deleteRange':
      // A range of the primary key: a row has its article's key.
      if (res.numFailures === 0) done = await rows.mutate({ type: 'deleteRange', trans: req.trans, range: req.range });
      break;
  }
  if (done && done.numFailures > 0) {
    // A row that could not follow its article would make the two disagree: nothing of this transaction stays.
    req.trans.abort();
    throw Object.values(done.failures)[0] ?? new Error('The library row could not be written.');
  }
  if (done && packs) {
    const stamped = await packs.mutate({ type: 'put', trans: req.trans, values: [newRowsStamp()] });
    if (stamped.numFailures > 0) {
      // A pack left current for changed rows would show the library as it was: nothing stays.
      req.trans.abort();
      throw Object.values(stamped.failures)[0] ?? new Error('The library rows stamp could not be written.');
    }
  }
}

/** Whether a transaction may write a store (not one made by a later version, while an older one upgrades). */
const hasStore = (trans: unknown, name: string): boolean => (trans as IDBTransaction).objectStoreNames.contains(name);

const isUpgrade = (trans: unknown): boolean => (trans as { mode?: string }).mode === 'versionchange';

function createArticleRows(down: DBCore): Partial<DBCore> {
  return {
    transaction(stores, mode, options) {
      const scope =
        mode === 'readwrite' && stores.includes(ARTICLES) ? [...stores, ...[ARTICLE_ROWS, LIBRARY_PACKS].filter((s) => !stores.includes(s))] : stores;
      return down.transaction(scope, mode, options);
    },
    table(name) {
      const table = down.table(name);
      if (name === ARTICLE_ROWS || name === LIBRARY_PACKS) {
        return {
          ...table,
          mutate: (req) => (isUpgrade(req.trans) ? table.mutate(req) : Promise.reject(new Error(`${name} is a copy of articles: write the article instead.`))),
        };
      }
      if (name !== ARTICLES) return table;
      return {
        ...table,
        mutate: async (req) => {
          const res = await table.mutate(req);
          // An upgrade from before articleRows existed writes articles before its store is made;
          // the version that makes it fills it from the articles as they are then. (Looked up here,
          // not once: Dexie builds this stack on an older database's schema while it upgrades.)
          if (isUpgrade(req.trans) && !hasStore(req.trans, ARTICLE_ROWS)) return res;
          await mirror(down.table(ARTICLE_ROWS), hasStore(req.trans, LIBRARY_PACKS) ? down.table(LIBRARY_PACKS) : undefined, req, res);
          return res;
        },
      };
    },
  };
}

export const articleRowsMiddleware: Middleware<DBCore> = { stack: 'dbcore', name: 'ArticleRows', create: createArticleRows };
