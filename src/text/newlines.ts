// Every offset in the app refers to normalised text, so line endings are unified once, on the way
// in. Only line endings: trimming or Unicode normalisation would silently shift offsets and quotes.

/** CRLF and lone CR become LF; every other character is left exactly as it was. */
export function normalizeNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}
