// HTML articles come from anywhere, so they are reduced to plain text plus block records and never
// rendered as markup: scripts, frames, forms, media and hidden content are dropped, links keep only
// their words. parse5 parses to a tree without fetching or executing anything.

import { html, parse } from 'parse5';
import type { DefaultTreeAdapterTypes as T } from 'parse5';
import { normalizeNewlines } from '../text/newlines.js';
import type { Block, BlockKind } from './article.js';

export interface HtmlArticle {
  readonly title: string;
  /** Blocks' text joined by blank lines; every block offset points into it. */
  readonly text: string;
  readonly blocks: Block[];
}

const HTML_NS = html.NS.HTML;

/** Never visible as article text, or able to run, load or submit something: dropped with their content. */
const DROPPED = new Set([
  'head', 'title', 'meta', 'link', 'base', 'script', 'style', 'noscript', 'template',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'svg', 'math',
  'img', 'picture', 'source', 'track', 'video', 'audio', 'canvas',
  'input', 'select', 'textarea', 'button', 'option', 'optgroup', 'datalist', 'keygen', 'dialog',
  'xmp', 'plaintext',
]);

/** Elements that end the text before them and start a new block. */
const BLOCK_LEVEL = new Set([
  'html', 'body', 'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dir', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'search', 'section',
  'summary', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'ul',
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
  return { title, text, blocks };
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
    const text = normalizeNewlines(lines.join('\n')).replace(/^(?:[^\S\n]*\n)+/, '').trimEnd();
    return /\S/.test(text) ? text : '';
  }
  return lines.map((line) => line.replace(/[ \t\n\r\f]+/g, ' ').replace(/^ | $/g, '')).join('\n').trim();
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
