// Several files imported at once (picked together, dropped together, or unpacked from one zip) may
// be in several formats: brat pairs beside a doccano file beside a Spanmark export. They are split
// into groups the registry reads one codec at a time: everything together when one format claims
// it all (and every file has one of its extensions); else the brat collection (every .ann, with every .txt beside them: a .txt without its
// .ann is a document without annotations), then each remaining file on its own, files of one format
// joined into one group (one label mapping per format). Files no format claims come back as
// `unknown` for the caller to name or to open as articles.

import type { AnyFormatCodec, InputFile } from './format.js';
import { detectFormat, FORMATS } from './registry.js';
import { extensionOf } from './text-bytes.js';

export interface FileGroup {
  readonly codec: AnyFormatCodec;
  readonly files: readonly InputFile[];
}

export function groupByFormat(files: readonly InputFile[], formats: readonly AnyFormatCodec[] = FORMATS): { groups: FileGroup[]; unknown: InputFile[] } {
  if (files.length === 0) return { groups: [], unknown: [] };
  // A format's sniffing may look at some files only (brat at the .ann files): it claims them all
  // only when every file also has one of its extensions; otherwise they are looked at one by one.
  const whole = detectFormat(files, formats);
  if (whole !== undefined && files.every((f) => whole.extensions.some((e) => f.name.toLowerCase().endsWith(`.${e}`)))) {
    return { groups: [{ codec: whole, files: [...files] }], unknown: [] };
  }

  const groups: { codec: AnyFormatCodec; files: InputFile[] }[] = [];
  const unknown: InputFile[] = [];
  let rest = [...files];
  const anns = rest.filter((f) => extensionOf(f.name) === 'ann');
  if (anns.length > 0) {
    const collection = rest.filter((f) => ['ann', 'txt'].includes(extensionOf(f.name)));
    const brat = detectFormat(collection, formats);
    if (brat?.id === 'brat') {
      groups.push({ codec: brat, files: collection });
      rest = rest.filter((f) => !collection.includes(f));
    }
  }
  for (const f of rest) {
    const codec = detectFormat([f], formats);
    if (codec === undefined) {
      unknown.push(f);
      continue;
    }
    const same = groups.find((g) => g.codec.id === codec.id);
    if (same) same.files.push(f);
    else groups.push({ codec, files: [f] });
  }
  return { groups, unknown };
}
