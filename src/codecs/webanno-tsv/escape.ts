// WebAnno TSV 3.3 reserves \ [ ] | _ -> ; tab and newline (and * as a placeholder) and escapes them
// with a backslash wherever they occur in text or in a feature value, as the INCEpTION
// documentation's "Reserved characters" section lists them.

const RESERVED = ['\\', '[', ']', '|', '_', '->', ';', '\t', '\n', '*'] as const;
const ESCAPE_RE = /\\|\[|\]|\||_|->|;|\t|\n|\*/g;

export function escapeTsv(s: string): string {
  return s.replace(ESCAPE_RE, (m) => (m === '\t' ? '\\t' : m === '\n' ? '\\n' : `\\${m}`));
}

/** The inverse; a backslash before anything that is not reserved is kept as it is. */
export function unescapeTsv(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const rest = s.slice(i + 1);
    if (rest.startsWith('t')) {
      out += '\t';
      i += 1;
    } else if (rest.startsWith('n')) {
      out += '\n';
      i += 1;
    } else if (rest.startsWith('->')) {
      out += '->';
      i += 2;
    } else {
      const r = RESERVED.find((x) => x.length === 1 && rest.startsWith(x));
      if (r !== undefined) {
        out += r;
        i += 1;
      } else out += c;
    }
  }
  return out;
}

/** Splits at every `sep` not preceded by an escaping backslash. */
export function splitUnescaped(s: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length) {
      cur += c + s[i + 1];
      i += 1;
    } else if (c === sep) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}
