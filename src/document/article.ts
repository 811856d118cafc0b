// The document model: the normalised text every offset refers to, plus its block structure as data
// (never markup), so untrusted HTML is rendered by React from plain records.

import type { WorkStatus } from '../corpus/work-status.js';

export type ArticleFormat = 'text' | 'markdown' | 'html';

export type BlockKind = 'paragraph' | 'heading' | 'list-item' | 'quote' | 'dateline';

/** A run of Article.text rendered as one block. start/end: UTF-16, end exclusive. */
export interface Block {
  readonly kind: BlockKind;
  readonly start: number;
  readonly end: number;
  /** Heading level 1-6, for kind 'heading'. */
  readonly level?: number;
}

export interface ArticleMetadata {
  /** YYYY-MM-DD, from a leading `date YYYY-MM-DD` line. */
  readonly date?: string;
  /** File name the article was opened from. */
  readonly sourceName?: string;
  // Corpus metadata (src/corpus): from an article feed, or edited in the article header.
  /** The outlet that published it ("Reuters"). */
  readonly source?: string;
  readonly url?: string;
  readonly author?: string;
  /** A language tag as the feed gave it ("en", "ru"). */
  readonly language?: string;
  /** The feed's own id for the article; the library keys by the text's hash instead. */
  readonly feedId?: string;
  readonly tags?: readonly string[];
}

/** A parsed article before it is stored: text is normalised (LF line endings). */
export interface ParsedArticle {
  readonly title: string;
  readonly format: ArticleFormat;
  readonly text: string;
  readonly blocks: readonly Block[];
  readonly metadata: ArticleMetadata;
}

export type ReviewStatus = 'unreviewed' | 'in-review' | 'reviewed';

/** A stored article. id is the hex SHA-256 of the UTF-8 text: same text, same document. */
export interface Article extends ParsedArticle {
  readonly id: string;
  readonly sha256: string;
  readonly addedAt: string;
  readonly reviewStatus?: ReviewStatus;
  /** new → in progress → done → reviewed (src/corpus/work-status.ts); absent means new. */
  readonly workStatus?: WorkStatus;
  /** ISO time it was archived: hidden from the library's default view (src/corpus/library-shelf.ts). */
  readonly archivedAt?: string;
  /**
   * ISO time it was deleted: hidden, with every layer of it kept, until the deletion is undone
   * (the field goes) or confirmed (the article and everything of it go).
   */
  readonly deletedAt?: string;
}
