// The article header's edit form, checked: title, date, outlet, URL, author, language and tags as
// the analyst typed them become the stored title and metadata, or a message naming the field that
// is wrong. The same limits as a feed's fields, so an edited article exports like an imported one.
// Excluded: sourceName and feedId (where the article came from is not the analyst's to edit).

import type { ArticleMetadata } from '../document/article.js';
import { isIsoDate } from '../validation/date-time.js';
import { loneSurrogateAt } from '../validation/fields.js';
import { fail, ok, type Result } from '../result.js';

export interface DetailsInput {
  readonly title: string;
  readonly date: string;
  readonly source: string;
  readonly url: string;
  readonly author: string;
  readonly language: string;
  /** Comma-separated, as typed. */
  readonly tags: string;
}

const MAX_CHARS = 4_000;
const EDITABLE = ['date', 'source', 'url', 'author', 'language', 'tags'] as const;

/** The form's starting values for an article. */
export function detailsInput(title: string, m: ArticleMetadata): DetailsInput {
  return {
    title,
    date: m.date ?? '',
    source: m.source ?? '',
    url: m.url ?? '',
    author: m.author ?? '',
    language: m.language ?? '',
    tags: (m.tags ?? []).join(', '),
  };
}

/** The new title and metadata (the uneditable keys of `current` kept), or the first problem. */
export function checkDetails(input: DetailsInput, current: ArticleMetadata): Result<{ title: string; metadata: ArticleMetadata }> {
  for (const key of Object.keys(input) as (keyof DetailsInput)[]) {
    const value = input[key];
    if (value.length > MAX_CHARS) return fail('too-long', `The ${key} is longer than ${MAX_CHARS} characters.`, key);
    const lone = loneSurrogateAt(value);
    if (lone) return fail('lone-surrogate', `The ${key} contains a lone surrogate (${lone.unit}), which is not a character.`, key);
  }
  const title = input.title.trim();
  if (title === '') return fail('empty-title', 'The title is empty; every article needs one.', 'title');
  const date = input.date.trim();
  if (date !== '' && !isIsoDate(date)) return fail('bad-date', `The date "${input.date.trim()}" is not a calendar date written YYYY-MM-DD.`, 'date');
  const url = input.url.trim();
  if (/\s/.test(url)) return fail('bad-url', 'The URL contains a space or a line break; a URL is one word.', 'url');
  const tags = [
    ...new Set(
      input.tags
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== ''),
    ),
  ];
  const metadata: { -readonly [K in keyof ArticleMetadata]: ArticleMetadata[K] } = { ...current };
  for (const key of EDITABLE) delete metadata[key];
  if (date !== '') metadata.date = date;
  for (const key of ['source', 'author', 'language'] as const) {
    const v = input[key].trim();
    if (v !== '') metadata[key] = v;
  }
  if (url !== '') metadata.url = url;
  if (tags.length > 0) metadata.tags = tags;
  return ok({ title, metadata });
}
