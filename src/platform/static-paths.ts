// Maps a request path to a file under the renderer folder, for Electron's app:// protocol and for the
// Node static server alike: one audited place that refuses traversal. String operations only (src/
// has no Node), so the callers join the result to their root and re-check containment themselves.

const MAX_PATH_CHARS = 2048;

/**
 * The file a request path names, as a relative posix path ('index.html', 'samples/a.txt'), or null
 * when the path is refused. Takes the raw request target (query and fragment are dropped), decodes
 * each segment once, and refuses: relative targets, backslashes (raw or encoded), '.' and '..' in any
 * spelling, hidden names (a leading '.'), ':' (Windows drives and streams), control characters, and
 * names ending in '.' or ' ' (Windows would alias them to another file). '/' and 'dir/' mean index.html.
 */
export function resolveStaticPath(rawTarget: string): string | null {
  const end = rawTarget.search(/[?#]/);
  const rawPath = end === -1 ? rawTarget : rawTarget.slice(0, end);
  if (!rawPath.startsWith('/') || rawPath.length > MAX_PATH_CHARS || rawPath.includes('\\')) return null;
  const rawSegments = rawPath.split('/');
  const segments: string[] = [];
  for (const raw of rawSegments) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (!isSafeSegment(segment)) return null;
    segments.push(segment);
  }
  if (rawPath.endsWith('/')) segments.push('index.html');
  return segments.join('/');
}

function isSafeSegment(segment: string): boolean {
  if (segment.length === 0 || segment.startsWith('.')) return false;
  if (segment.endsWith('.') || segment.endsWith(' ')) return false;
  return !/[\u0000-\u001f\u007f/\\:]/.test(segment);
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  htm: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  wasm: 'application/wasm',
};

/** The Content-Type for a served file, by extension; unknown types are opaque bytes (nosniff holds them). */
export function contentTypeFor(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const ext = dot === -1 ? '' : name.slice(dot + 1).toLowerCase();
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}
