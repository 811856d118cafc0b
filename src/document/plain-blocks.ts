// Plain-text and Markdown articles keep their text byte-for-byte (offsets refer to the source as
// written), so structure is recorded beside the text as blocks instead of by rewriting it. Blank
// lines separate blocks; single newlines stay inside one, since the UI renders with pre-wrap.

import type { Block } from './article.js';
import { findDateLine } from './date-line.js';

interface Line {
  readonly start: number;
  /** Exclusive, before the newline. */
  readonly end: number;
}

const NON_SPACE = /\S/;
const HEADING = /^ {0,3}(#{1,6})[ \t]/;
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]/;
const QUOTE = /^ {0,3}>/;

/** One paragraph block per run of non-blank lines, plus a dateline block when the date stands alone. */
export function plainTextBlocks(text: string): Block[] {
  const groups = lineGroups(text);
  const dateline = takeDateline(text, groups);
  const blocks: Block[] = dateline ? [dateline] : [];
  for (const group of groups) blocks.push(span('paragraph', group[0]!, group[group.length - 1]!));
  return blocks;
}

/**
 * As plainTextBlocks, and Markdown's line-level structure on top: ATX headings, list items (one block
 * per item, continuation lines included) and quotes. The markup stays in the text; only kinds change.
 */
export function markdownBlocks(text: string): Block[] {
  const groups = lineGroups(text);
  const dateline = takeDateline(text, groups);
  const blocks: Block[] = dateline ? [dateline] : [];
  for (const group of groups) {
    let open: { kind: 'paragraph' | 'list-item' | 'quote'; first: Line; last: Line } | undefined;
    const close = (): void => {
      if (open) blocks.push(span(open.kind, open.first, open.last));
      open = undefined;
    };
    for (const line of group) {
      const source = text.slice(line.start, line.end);
      const heading = HEADING.exec(source);
      if (heading) {
        close();
        blocks.push({ kind: 'heading', start: line.start, end: line.end, level: heading[1]!.length });
      } else if (LIST_ITEM.test(source)) {
        close();
        open = { kind: 'list-item', first: line, last: line };
      } else if (QUOTE.test(source) && open?.kind !== 'quote') {
        close();
        open = { kind: 'quote', first: line, last: line };
      } else if (open) {
        open.last = line; // a quote's next line, or a lazy continuation of a paragraph, item or quote
      } else {
        open = { kind: 'paragraph', first: line, last: line };
      }
    }
    close();
  }
  return blocks;
}

function span(kind: Block['kind'], first: Line, last: Line): Block {
  return { kind, start: first.start, end: last.end };
}

/** Runs of consecutive lines that hold something other than whitespace. */
function lineGroups(text: string): Line[][] {
  const groups: Line[][] = [];
  let current: Line[] = [];
  for (let pos = 0; pos <= text.length;) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    if (NON_SPACE.test(text.slice(pos, nl))) {
      current.push({ start: pos, end: nl });
    } else if (current.length > 0) {
      groups.push(current);
      current = [];
    }
    pos = nl + 1;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * A leading date token alone on its line becomes a dateline block and leaves its group; run into
 * the first sentence, it stays in that paragraph (the UI marks it using findDateLine).
 */
function takeDateline(text: string, groups: Line[][]): Block | undefined {
  const date = findDateLine(text);
  const first = groups[0];
  const line = first?.[0];
  if (!date || !first || !line || date.end > line.end || NON_SPACE.test(text.slice(date.end, line.end))) return undefined;
  first.shift();
  if (first.length === 0) groups.shift();
  return { kind: 'dateline', start: date.start, end: date.end };
}
