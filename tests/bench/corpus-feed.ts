// The corpus bench's article feed: thousands of JSON Lines articles (one per line, the shape news
// scrapers produce) assembled from the paragraphs of the shared sample texts, seeded so every run
// imports the same bytes. Each article opens with a dateline naming its number, so no two texts
// are the same (the import would report a repeat as "already in the library"), and the articles'
// lengths are spread so the feed's text adds up to the size asked for.
// Excluded: reading the sample files (the caller passes their texts) and turning lines into stored
// articles (the app's own feed parser does that, src/corpus/).

import { mulberry32 } from './case.js';

export interface FeedOptions {
  /** Sample texts whose paragraphs the articles are made of (CRLF or LF, blank-line separated). */
  readonly texts: readonly string[];
  readonly articles: number;
  /** UTF-8 bytes of article text the whole feed holds (the `text` fields, not the JSON around them). */
  readonly targetBytes: number;
  readonly seed: number;
}

/** One feed line: the fields src/corpus/feed-article.ts reads. */
export interface FeedRecord {
  readonly id: string;
  readonly title: string;
  readonly date: string;
  readonly source: string;
  readonly url: string;
  readonly author: string;
  readonly language: string;
  readonly tags: readonly string[];
  readonly text: string;
}

export interface Feed {
  readonly records: readonly FeedRecord[];
  /** The feed file: one JSON object per line, LF-terminated. */
  readonly jsonl: string;
  /** UTF-8 bytes of all the `text` fields together. */
  readonly textBytes: number;
}

const SOURCES = [
  'Reuters',
  'AP',
  'AFP',
  'Interfax-Kazakhstan',
  'Vlast.kz',
  'Kursiv',
  'Azattyq',
  'Tengrinews',
  'BBC Russian',
  'Eurasianet',
  'Meduza',
  'Al Jazeera',
] as const;
const PLACES = ['Almaty', 'Nur-Sultan', 'Aktau', 'Zhanaozen', 'Taldykorgan', 'Shymkent', 'Aktobe', 'Moscow'] as const;
const AUTHORS = ['Staff reporter', 'A. Nurlanova', 'D. Petrov', 'M. Sultanbekov', 'J. Smith', 'R. Karimova'] as const;
const TAGS = ['protest', 'casualties', 'deployment', 'internet', 'fuel prices', 'CSTO'] as const;

/** The texts' paragraphs, line endings made LF; a `date …` line is left out (the feed gives dates). */
export function paragraphsOf(texts: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of texts) {
    for (const p of t.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
      const para = p.trim();
      if (para !== '' && !/^date \d{4}-\d{2}-\d{2}/.test(para)) out.push(para);
    }
  }
  return out;
}

const bytesOf = (s: string): number => Buffer.byteLength(s, 'utf8');

/** The first words of a paragraph (at most 60 characters, cut at a space), for a headline. */
function headline(para: string): string {
  const line = para.split('\n', 1)[0]!;
  const cps = [...line];
  if (cps.length <= 60) return line;
  const cut = cps.slice(0, 60).join('');
  const space = cut.lastIndexOf(' ');
  return space > 20 ? cut.slice(0, space) : cut;
}

export function buildFeed(o: FeedOptions): Feed {
  if (!Number.isInteger(o.articles) || o.articles < 1) throw new Error(`articles must be a whole number ≥ 1, not ${o.articles}`);
  if (!(o.targetBytes > 0)) throw new Error(`targetBytes must be positive, not ${o.targetBytes}`);
  const paragraphs = paragraphsOf(o.texts);
  if (paragraphs.length === 0) throw new Error('the sample texts have no paragraphs to build articles from');
  const rand = mulberry32(o.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const width = String(o.articles).length;
  const records: FeedRecord[] = [];
  let textBytes = 0;
  for (let i = 0; i < o.articles; i++) {
    const n = String(i + 1).padStart(width, '0');
    const source = pick(SOURCES);
    const day = 1 + Math.floor(rand() * 31);
    const date = `2022-01-${String(day).padStart(2, '0')}`;
    const place = pick(PLACES);
    // What is left of the budget, shared among the articles still to come, ±40% for variety.
    const share = (o.targetBytes - textBytes) / (o.articles - i);
    const want = i === o.articles - 1 ? share : share * (0.6 + rand() * 0.8);
    const parts = [`${place}, ${date} (${source}) — report ${n} of the corpus bench.`];
    let size = bytesOf(parts[0]!);
    let lead: string | undefined;
    while (size < want) {
      const p = pick(paragraphs);
      lead ??= p;
      // The last paragraph is cut (at a space) so an article ends near its share, not a paragraph past it.
      const room = want - size - 2;
      if (bytesOf(p) > room && room < bytesOf(p) / 2) {
        // By code points, and back to the last space, so no emoji or accented letter is split.
        const cut = [...p]
          .slice(0, Math.max(1, Math.floor(room)))
          .join('')
          .replace(/\s+\S*$/u, '');
        if (cut.length > 0) parts.push(cut);
        break;
      }
      parts.push(p);
      size += bytesOf(p) + 2;
    }
    const text = parts.join('\n\n');
    textBytes += bytesOf(text);
    records.push({
      id: `bench-${n}`,
      title: `${headline(lead ?? parts[0]!)} — ${source} ${n}`,
      date,
      source,
      url: `https://example.org/${source.toLowerCase().replace(/[^a-z0-9]+/g, '-')}/${date}/${n}`,
      author: pick(AUTHORS),
      language: 'en',
      tags: TAGS.filter(() => rand() < 0.3),
      text,
    });
  }
  return { records, jsonl: records.map((r) => `${JSON.stringify(r)}\n`).join(''), textBytes };
}
