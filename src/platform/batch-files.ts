// What a batch open (File › Open with several files, File › Open folder…) accepts, in one place
// for both shells: the browser's file chooser, Electron's dialog filter, and the folder rule
// (src/corpus/folder-pick.ts) that picks a folder's files. Excluded: File › Import's list (every
// format the registry reads), which main keeps apart so it does not bundle the codecs.

/** Articles (.txt … .htm) and article feeds (.jsonl, .ndjson, .csv), lower-case, without the dot. */
export const BATCH_EXTENSIONS: readonly string[] = ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'jsonl', 'ndjson', 'csv'];

/** Of those, the feeds: one file holds many articles, so it may be larger than one article. */
export const FEED_EXTENSIONS: readonly string[] = ['jsonl', 'ndjson', 'csv'];

/** Largest file one pick reads, in bytes: articles and feeds are far smaller; this stops a mis-pick. */
export const MAX_PICK_BYTES = 64 * 1024 * 1024;
/** Most files one pick may bring, and their bytes together: a corpus, not a whole disk. */
export const MAX_PICK_FILES = 10_000;
export const MAX_PICK_TOTAL_BYTES = 512 * 1024 * 1024;
