// `spanmark convert --to 1|2 FILE`: rewrites an export in another contract version, to stdout, for
// consumers that cannot read the version they were given (mostly: version 1 for tools written before
// attributes). The file is read with the app's decoder first, so only a valid file is converted.
// Version 1 has no place for attribute values: they are left out, and stderr says how many.
// Excluded: converting between other formats (interop codecs) and writing files in place.

import { encodeSpanmarkV1, serializeSpanmark, type EncodeDocumentInput } from '../../../src/codecs/spanmark-v1/encode.js';
import { attributeValueCount, encodeSpanmarkV2 } from '../../../src/codecs/spanmark-v2/encode.js';
import type { Article } from '../../../src/document/article.js';
import { plainTextBlocks } from '../../../src/document/plain-blocks.js';
import type { CliIo } from './io.js';
import { loadFile, problemLines } from './load.js';
import { plural, printable } from './text.js';

export interface ConvertOptions {
  readonly file: string;
  readonly to: 1 | 2;
}

export async function convertCommand(options: ConvertOptions, io: CliIo, version: string): Promise<number> {
  const loaded = await loadFile(options.file, io);
  if (!loaded.ok) {
    io.stderr(`${[`FAIL ${printable(options.file)}`, ...problemLines(loaded.problems)].join('\n')}\nconvert needs a valid file; nothing was written.\n`);
    return 1;
  }
  const { library } = loaded;
  const documents: EncodeDocumentInput[] = library.documents.map((d) => {
    // A file may leave blocks and addedAt out; the app fills them in on import, and so does this.
    const article: Article = {
      ...d.article,
      blocks: d.article.blocks.length > 0 ? d.article.blocks : plainTextBlocks(d.article.text),
      addedAt: d.article.addedAt ?? library.exportedAt,
    };
    return { article, annotations: d.annotations, ...(d.review !== undefined ? { review: d.review } : {}) };
  });
  const input = {
    documents,
    exportedAt: library.exportedAt,
    generatorVersion: version,
    ...(library.exportedBy !== undefined ? { exportedBy: library.exportedBy } : {}),
  };
  const file = options.to === 1 ? encodeSpanmarkV1(input) : encodeSpanmarkV2({ ...input, schema: library.schema });
  io.stdout(serializeSpanmark(file));
  const dropped = options.to === 1 ? attributeValueCount(documents) : 0;
  if (dropped > 0) io.stderr(`spanmark: ${plural(dropped, 'attribute value')} left out: contract version 1 cannot hold them.\n`);
  return 0;
}
