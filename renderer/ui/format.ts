// Display formatting shared by panels.

// One formatter for the session: building an Intl formatter per call costs milliseconds.
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : timeFormat.format(d);
}

// Counts are grouped in threes ("10,000"), as the interface's English writes them: a long
// document's layer runs to five digits, and "10000 annotations" beside "10,000" in a progress line
// read as two different figures. One formatter, as for times.
const countFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

/** A count as shown to the analyst: "10,000". */
export function formatCount(n: number): string {
  return countFormat.format(n);
}

/** "1 annotation", "10,000 annotations". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
