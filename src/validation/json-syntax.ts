// Where a JSON text first breaks the grammar (RFC 8259, what JSON.parse accepts), and why. Run only
// after JSON.parse has refused a text: V8's messages vary between versions and about a third carry
// no position, but every refusal must say where. Iterative (an explicit stack, no recursion), so
// deep nesting cannot overflow; linear in the text.

export interface JsonSyntaxError {
  /** UTF-16 index into the text where the grammar breaks (the text's length at a premature end). */
  readonly offset: number;
  /** What was expected and what was found, as it follows "not valid JSON at …: ". */
  readonly message: string;
}

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;

/** The first syntax error of `text`, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const n = text.length;
  let i = 0;
  const stack: number[] = [];

  const skipSpace = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return;
      i++;
    }
  };
  const fail = (expected: string, at = i): JsonSyntaxError => ({ offset: at, message: `expected ${expected}, but found ${found(text, at)}` });

  const string = (): JsonSyntaxError | undefined => {
    i++; // the opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c < 0x20)
        return { offset: i, message: `a string contains the control character ${found(text, i)}, which JSON allows only escaped (as \\n, \\t or \\u00XX)` };
      if (c === 0x5c) {
        const e = text.charCodeAt(i + 1);
        if (e === 0x75) {
          for (let k = 2; k < 6; k++) if (!isHex(text.charCodeAt(i + k))) return fail('four hex digits after "\\u"', Math.min(i + k, n));
          i += 6;
        } else if (e === 0x22 || e === 0x5c || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) {
          i += 2;
        } else {
          return fail('an escape such as \\n, \\" or \\u00e9 after a backslash', Math.min(i + 1, n));
        }
        continue;
      }
      i++;
    }
    return fail('a closing quote (")');
  };

  const digitsFrom = (what: string): JsonSyntaxError | undefined => {
    if (!isDigit(text.charCodeAt(i))) return fail(what);
    while (isDigit(text.charCodeAt(i))) i++;
    return undefined;
  };

  const number = (): JsonSyntaxError | undefined => {
    if (text.charCodeAt(i) === 0x2d) i++;
    if (text.charCodeAt(i) === 0x30) i++;
    else {
      const e = digitsFrom('a digit');
      if (e) return e;
    }
    if (text.charCodeAt(i) === 0x2e) {
      i++;
      const e = digitsFrom('a digit after the decimal point');
      if (e) return e;
    }
    const c = text.charCodeAt(i);
    if (c === 0x65 || c === 0x45) {
      i++;
      const s = text.charCodeAt(i);
      if (s === 0x2b || s === 0x2d) i++;
      const e = digitsFrom('a digit in the exponent');
      if (e) return e;
    }
    return undefined;
  };

  /** A property name and its colon; i is then at the value. */
  const key = (): JsonSyntaxError | undefined => {
    skipSpace();
    if (text.charCodeAt(i) !== 0x22) return fail('a property name in double quotes');
    const e = string();
    if (e) return e;
    skipSpace();
    if (text.charCodeAt(i) !== 0x3a) return fail('":" after the property name');
    i++;
    return undefined;
  };

  for (;;) {
    // A value starts at i.
    skipSpace();
    const c = text.charCodeAt(i);
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      i++;
      skipSpace();
      if (text.charCodeAt(i) === (c === OPEN_OBJECT ? 0x7d : 0x5d)) {
        i++;
      } else {
        stack.push(c);
        if (c === OPEN_OBJECT) {
          const e = key();
          if (e) return e;
        }
        continue;
      }
    } else if (c === 0x22) {
      const e = string();
      if (e) return e;
    } else if (c === 0x2d || isDigit(c)) {
      const e = number();
      if (e) return e;
    } else if (c === 0x74 || c === 0x66 || c === 0x6e) {
      // At the first character that breaks the word, as JSON.parse reports it.
      const word = c === 0x74 ? 'true' : c === 0x66 ? 'false' : 'null';
      for (let k = 1; k < word.length; k++) if (text.charCodeAt(i + k) !== word.charCodeAt(k)) return fail(`"${word}"`, Math.min(i + k, n));
      i += word.length;
    } else {
      return fail('a value (an object, array, string, number, true, false or null)');
    }

    // After a value: close containers, or a comma and the next value.
    for (;;) {
      skipSpace();
      const top = stack[stack.length - 1];
      if (top === undefined) return i < n ? fail('the end of the file after the JSON value') : undefined;
      const d = text.charCodeAt(i);
      if (d === 0x2c) {
        i++;
        if (top === OPEN_OBJECT) {
          const e = key();
          if (e) return e;
        }
        break;
      }
      if (d === (top === OPEN_OBJECT ? 0x7d : 0x5d)) {
        i++;
        stack.pop();
        continue;
      }
      return fail(top === OPEN_OBJECT ? '"," or "}" after a property value' : '"," or "]" after an array element');
    }
  }
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** The character at i for a message: quoted when printable, as U+XXXX when not; "the end of the file" past it. */
function found(text: string, i: number): string {
  if (i >= text.length) return 'the end of the file';
  const cp = text.codePointAt(i)!;
  const printable = cp > 0x20 && cp !== 0x7f && !(cp >= 0x80 && cp < 0xa0) && !(cp >= 0xd800 && cp <= 0xdfff) && cp !== 0xfeff;
  return printable ? JSON.stringify(String.fromCodePoint(cp)) : `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * 1-based line and column of a UTF-16 index. Lines end at LF (as Python's json counts them); the
 * column counts code points, the unit of every offset in a Spanmark file and of Python's str.
 */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = text.indexOf('\n'); k >= 0 && k < offset; k = text.indexOf('\n', k + 1)) {
    line += 1;
    lineStart = k + 1;
  }
  let column = 1;
  for (let k = lineStart; k < offset; k++) {
    const c = text.charCodeAt(k);
    // The high half of a pair counts; its low half does not.
    if (!(c >= 0xdc00 && c <= 0xdfff && k > lineStart && isHigh(text.charCodeAt(k - 1)))) column++;
  }
  return { line, column };
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
