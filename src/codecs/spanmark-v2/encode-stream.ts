// The v2 export written in pieces (issue 12, item 9): documents are encoded one at a time as a
// source hands them over and their text is passed on in chunks, so exporting 5,000 articles never
// holds the whole file, nor every document's record, at once. Joined, the chunks are exactly
// serializeSpanmark(encodeSpanmarkV2(...)) of the same documents (tests/unit/codecs/
// spanmark-v2-stream.test.ts): one format, two ways of writing it. The same refusals as
// encodeSpanmarkV2, thrown from the generator at the document that fails (the file is then
// incomplete, and the writer must discard it). Not here: reading the documents (renderer/io/export.ts).

import { serializeSpanmarkPieces, type EncodeDocumentInput } from '../spanmark-v1/encode.js';
import { spanmarkV2Encoder, type EncodeHeadV2 } from './encode.js';

export interface StreamOptions {
  /** A chunk is handed on once it holds at least this many characters (the last may hold fewer). */
  readonly minChunkChars?: number;
}

/** The v2 file of `documents`, in chunks of text; documents may come from an async source. */
export function encodeSpanmarkV2Chunks(
  head: EncodeHeadV2,
  documents: AsyncIterable<EncodeDocumentInput> | Iterable<EncodeDocumentInput>,
  options: StreamOptions = {},
): AsyncGenerator<string, void, undefined> {
  // The head is encoded (and checked) before the first chunk, as encodeSpanmarkV2 does.
  const encoder = spanmarkV2Encoder(head);
  return serializeSpanmarkPieces(
    encoder.head,
    'documents',
    encodedDocuments((doc, i) => encoder.document(doc, i), documents),
    options.minChunkChars,
  );
}

async function* encodedDocuments(
  encode: ReturnType<typeof spanmarkV2Encoder>['document'],
  documents: AsyncIterable<EncodeDocumentInput> | Iterable<EncodeDocumentInput>,
): AsyncGenerator<unknown, void, undefined> {
  let i = 0;
  for await (const doc of documents) yield encode(doc, i++);
}
