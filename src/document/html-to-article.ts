// HTML articles come from anywhere, so they are reduced to plain text plus block records and never
// rendered as markup: scripts, frames, forms, media and hidden content are dropped, links keep only
// their words. parse5 parses to a tree without fetching or executing anything. The page's date is
// read from its metadata, a <time>, or a byline, as attribute values and text only.

import { html, parse } from 'parse5';
import type { DefaultTreeAdapterTypes as T } from 'parse5';
import { normalizeNewlines } from '../text/newlines.js';
import type { Block, BlockKind } from './article.js';
import { machineDate, writtenDate } from './written-date.js';

export interface HtmlArticle {
  readonly title: string;
  /** Blocks' text joined by blank lines; every block offset points into it. */
  readonly text: string;
  readonly blocks: Block[];
  /** YYYY-MM-DD the page says it was published, when it says so. */
  readonly date?: string;
}

const HTML_NS = html.NS.HTML;

/** Never visible as article text, or able to run, load or submit something: dropped with their content. */
const DROPPED = new Set([
  'head',
  'title',
  'meta',
  'link',
  'base',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'param',
  'svg',
  'math',
  'img',
  'picture',
  'source',
  'track',
  'video',
  'audio',
  'canvas',
  'input',
  'select',
  'textarea',
  'button',
  'option',
  'optgroup',
  'datalist',
  'keygen',
  'dialog',
  'xmp',
  'plaintext',
]);

/** Elements that end the text before them and start a new block. */
const BLOCK_LEVEL = new Set([
  'html',
  'body',
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'details',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'legend',
  'li',
  'listing',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'search',
  'section',
  'summary',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'ul',
]);

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;

interface Context {
  readonly kind: BlockKind;
  readonly level?: number;
  /** Inside <pre>: whitespace is content, not layout. */
  readonly pre: boolean;
}

interface Piece {
  readonly context: Context;
  readonly text: string;
}

export function htmlToArticle(html: string): HtmlArticle {
  const doc = parse(html);
  const body = findVisible(doc, 'body');
  const root = body && (findVisible(body, 'article') ?? findVisible(body, 'main') ?? body);
  let pieces = root ? extract(root) : [];
  // An empty <article> (a teaser shell, a consent wall) should not hide the body's text.
  if (pieces.length === 0 && body && root !== body) pieces = extract(body);

  const blocks: Block[] = [];
  let start = 0;
  for (const { context, text } of pieces) {
    const end = start + text.length;
    blocks.push(context.level === undefined ? { kind: context.kind, start, end } : { kind: context.kind, start, end, level: context.level });
    start = end + 2; // the blank line joining blocks
  }
  const text = pieces.map((p) => p.text).join('\n\n');
  const h1 = pieces.find((p) => p.context.kind === 'heading' && p.context.level === 1);
  const title = documentTitle(doc) || (h1 ? collapse(h1.text) : '');
  const date = pageDate(doc, root);
  return date === undefined ? { title, text, blocks } : { title, text, blocks, date };
}

/** Meta names and properties that carry the publication date, lower-cased. */
const DATE_META = new Set([
  'article:published_time',
  'og:article:published_time',
  'datepublished',
  'date',
  'pubdate',
  'publishdate',
  'publish-date',
  'publication_date',
  'dc.date',
  'dc.date.issued',
  'dcterms.date',
  'dcterms.issued',
  'sailthru.date',
  'parsely-pub-date',
  'citation_publication_date',
  'citation_date',
]);
/** Class, id or itemprop words of elements that hold a byline or dateline. */
const BYLINE = /(?:^|[\s_-])(?:byline|dateline|date|published|pubdate|timestamp|posted|datepublished)(?:$|[\s_-])/i;
/** Elements examined for a date: a hostile page may hold millions. */
const MAX_DATE_NODES = 20_000;

/**
 * The publication date, by trust: a date meta tag (anywhere, the head included), then the first
 * visible <time> in the article (its datetime, else its words), then the first visible byline.
 */
function pageDate(doc: T.Document, root: T.Element | undefined): string | undefined {
  let fromMeta: string | undefined;
  walk(doc, false, (el) => {
    if (el.tagName !== 'meta') return false;
    const key = (attr(el, 'property') ?? attr(el, 'name') ?? attr(el, 'itemprop') ?? '').trim().toLowerCase();
    const content = attr(el, 'content');
    if (DATE_META.has(key) && content !== undefined) fromMeta = machineDate(content) ?? writtenDate(content);
    return fromMeta !== undefined;
  });
  if (fromMeta !== undefined || root === undefined) return fromMeta;
  let fromTime: string | undefined;
  walk(root, true, (el) => {
    if (el.tagName !== 'time') return false;
    const datetime = attr(el, 'datetime');
    fromTime = (datetime === undefined ? undefined : machineDate(datetime)) ?? writtenDate(textOf(el));
    return fromTime !== undefined;
  });
  if (fromTime !== undefined) return fromTime;
  let fromByline: string | undefined;
  walk(root, true, (el) => {
    const words = `${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''} ${attr(el, 'itemprop') ?? ''}`;
    if (!BYLINE.test(words)) return false;
    fromByline = writtenDate(textOf(el));
    return fromByline !== undefined;
  });
  return fromByline;
}

/** Visits elements in document order (skipping dropped subtrees when `visible`) until `visit` returns true. */
function walk(root: T.ParentNode, visible: boolean, visit: (el: T.Element) => boolean): void {
  const stack: T.Node[] = [...root.childNodes].reverse();
  let seen = 0;
  for (let node = stack.pop(); node !== undefined && seen < MAX_DATE_NODES; node = stack.pop(), seen++) {
    if (!isElement(node) || node.namespaceURI !== HTML_NS) continue;
    if (visible && isDropped(node)) continue;
    if (visit(node)) return;
    if (node.tagName === 'template') continue;
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
}

function attr(el: T.Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

/** An element's text, visible parts only, collapsed; bounded, as only a byline's worth is read. */
function textOf(el: T.Element): string {
  let out = '';
  const stack: T.Node[] = [...el.childNodes].reverse();
  for (let node = stack.pop(); node !== undefined && out.length < 400; node = stack.pop()) {
    if (node.nodeName === '#text') out += (node as T.TextNode).value;
    else if (isElement(node) && !isDropped(node)) for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  return collapse(out);
}

function isElement(node: T.Node): node is T.Element {
  return 'tagName' in node;
}

function isDropped(el: T.Element): boolean {
  if (el.namespaceURI !== HTML_NS || DROPPED.has(el.tagName)) return true;
  for (const attr of el.attrs) {
    if (attr.name === 'hidden') return true;
    if (attr.name === 'style' && HIDDEN_STYLE.test(attr.value)) return true;
  }
  return false;
}

/** First element with this tag, in document order, outside dropped and hidden subtrees. */
function findVisible(root: T.ParentNode, tag: string): T.Element | undefined {
  const stack: T.Node[] = [...root.childNodes].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!isElement(node) || isDropped(node)) continue;
    if (node.tagName === tag) return node;
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  return undefined;
}

/** The <title> text, found without descending into SVG (whose <title> is a tooltip). */
function documentTitle(doc: T.Document): string {
  const stack: T.Node[] = [...doc.childNodes].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!isElement(node) || node.namespaceURI !== HTML_NS) continue;
    if (node.tagName === 'title') {
      return collapse(node.childNodes.map((c) => (c.nodeName === '#text' ? (c as T.TextNode).value : '')).join(''));
    }
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  return '';
}

function contextFor(parent: Context, tag: string): Context {
  const heading = /^h([1-6])$/.exec(tag);
  if (heading) return { kind: 'heading', level: Number(heading[1]), pre: parent.pre };
  if (tag === 'li') return { kind: 'list-item', pre: parent.pre };
  if (tag === 'blockquote') return { kind: 'quote', pre: parent.pre };
  if (tag === 'pre' || tag === 'listing') return { ...parent, pre: true };
  return parent; // a <p> in a quote or list item belongs to it
}

const LINE_BREAK = Symbol('br');
type Part = string | typeof LINE_BREAK;
type Frame = { readonly node: T.Node } | { readonly exit: Context };

/**
 * Walks with an explicit stack rather than recursion: hostile pages nest elements tens of thousands
 * deep, which would overflow the call stack.
 */
function extract(root: T.Element): Piece[] {
  const pieces: Piece[] = [];
  let context = contextFor({ kind: 'paragraph', pre: false }, root.tagName);
  let parts: Part[] = [];
  const flush = (): void => {
    const text = blockText(parts, context.pre);
    parts = [];
    if (text !== '') pieces.push({ context, text });
  };
  const stack: Frame[] = [...root.childNodes].reverse().map((node) => ({ node }));
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    if ('exit' in frame) {
      flush();
      context = frame.exit;
      continue;
    }
    const { node } = frame;
    if (node.nodeName === '#text') {
      parts.push((node as T.TextNode).value);
      continue;
    }
    if (!isElement(node) || isDropped(node)) continue; // comments, doctypes, dropped subtrees
    const tag = node.tagName;
    if (tag === 'br') {
      parts.push(LINE_BREAK);
      continue;
    }
    if (BLOCK_LEVEL.has(tag)) {
      flush();
      stack.push({ exit: context });
      context = contextFor(context, tag);
    } else if (tag === 'td' || tag === 'th') {
      parts.push(' '); // keeps cells of a row apart
    }
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push({ node: node.childNodes[i]! });
  }
  flush();
  return pieces;
}

/** One block's text: HTML whitespace collapsed (kept inside <pre>), <br> as a newline, ends trimmed. */
function blockText(parts: readonly Part[], pre: boolean): string {
  const lines: string[] = [''];
  for (const part of parts) {
    if (part === LINE_BREAK) lines.push('');
    else lines[lines.length - 1] += part;
  }
  if (pre) {
    // &#13; survives parsing as a CR, and the article text promises LF line endings only.
    const text = normalizeNewlines(lines.join('\n'))
      .replace(/^(?:[^\S\n]*\n)+/, '')
      .trimEnd();
    return /\S/.test(text) ? text : '';
  }
  return lines
    .map((line) => line.replace(/[ \t\n\r\f]+/g, ' ').replace(/^ | $/g, ''))
    .join('\n')
    .trim();
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
