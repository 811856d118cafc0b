// Turns decoded export files into layers per document: a document is its text's SHA-256 wherever
// it appears, and a layer is one annotator's annotations on it. Analysts exchange whole libraries,
// so the same layer can arrive twice (once in its author's file, once in a colleague's); those
// copies are merged by annotation id rather than counted twice, and the caller is told.

import type { Annotation } from '../../../src/annotations/types.js';
import type { DecodedLibrary } from '../../../src/codecs/spanmark/decode.js';
import type { Span } from '../../../src/review/span.js';

export interface SourceFile {
  readonly file: string;
  readonly library: DecodedLibrary;
}

export interface GatheredLayer {
  readonly annotator: string;
  /** The files the layer was read from, in argument order. */
  readonly files: readonly string[];
  /** UTF-16 offsets into the document's text, as the decoder returns them and the review code takes. */
  readonly spans: readonly Span[];
}

export interface GatheredDocument {
  readonly sha256: string;
  /** From the first file the document appears in; copies may be titled differently. */
  readonly title: string;
  readonly text: string;
  readonly files: readonly string[];
  /** In the order of `Gathered.annotators`. */
  readonly layers: readonly GatheredLayer[];
}

/** The same annotator's layer on the same document, read from two files and merged. */
export interface LayerMerge {
  readonly sha256: string;
  readonly title: string;
  readonly annotator: string;
  readonly earlier: string;
  readonly later: string;
  /** Annotation ids present in both copies. */
  readonly sharedIds: number;
  /** Of those, how many differ in label or offsets: the later file's version was kept. */
  readonly changed: number;
}

export interface Gathered {
  /** Every document, in order of first appearance across the files. */
  readonly documents: readonly GatheredDocument[];
  /** Every annotator, in order of first appearance across the files (file, document, annotation). */
  readonly annotators: readonly string[];
  readonly merges: readonly LayerMerge[];
}

interface LayerBuild {
  readonly files: string[];
  readonly byId: Map<string, Annotation>;
}

interface DocBuild {
  readonly sha256: string;
  readonly title: string;
  readonly text: string;
  readonly files: string[];
  readonly layers: Map<string, LayerBuild>;
}

export function gatherLayers(sources: readonly SourceFile[]): Gathered {
  const docs = new Map<string, DocBuild>();
  const annotators: string[] = [];
  const seenAnnotators = new Set<string>();
  const merges: LayerMerge[] = [];
  for (const { file, library } of sources) {
    for (const { article, annotations } of library.documents) {
      let doc = docs.get(article.sha256);
      if (doc === undefined) {
        doc = { sha256: article.sha256, title: article.title, text: article.text, files: [], layers: new Map() };
        docs.set(article.sha256, doc);
      }
      if (!doc.files.includes(file)) doc.files.push(file);
      const fromThisFile = new Map<string, Annotation[]>();
      for (const a of annotations) {
        if (!seenAnnotators.has(a.annotator)) {
          seenAnnotators.add(a.annotator);
          annotators.push(a.annotator);
        }
        const list = fromThisFile.get(a.annotator) ?? [];
        list.push(a);
        fromThisFile.set(a.annotator, list);
      }
      for (const [annotator, list] of fromThisFile) {
        const layer = doc.layers.get(annotator);
        if (layer === undefined) {
          doc.layers.set(annotator, { files: [file], byId: new Map(list.map((a) => [a.id, a])) });
          continue;
        }
        let sharedIds = 0;
        let changed = 0;
        for (const a of list) {
          const prior = layer.byId.get(a.id);
          if (prior !== undefined) {
            sharedIds += 1;
            if (prior.label !== a.label || prior.start !== a.start || prior.end !== a.end) changed += 1;
          }
          layer.byId.set(a.id, a);
        }
        merges.push({ sha256: doc.sha256, title: doc.title, annotator, earlier: layer.files[layer.files.length - 1]!, later: file, sharedIds, changed });
        if (!layer.files.includes(file)) layer.files.push(file);
      }
    }
  }
  const rank = new Map(annotators.map((name, i) => [name, i]));
  const documents = [...docs.values()].map((d): GatheredDocument => ({
    sha256: d.sha256,
    title: d.title,
    text: d.text,
    files: d.files,
    layers: [...d.layers]
      .sort(([x], [y]) => rank.get(x)! - rank.get(y)!)
      .map(([annotator, l]) => ({
        annotator,
        files: l.files,
        spans: [...l.byId.values()].map((a) => ({
          id: a.id,
          label: a.label,
          start: a.start,
          end: a.end,
          ...(a.attributes ? { attributes: a.attributes } : {}),
        })),
      })),
  }));
  return { documents, annotators, merges };
}

/** "The documents the files share": those at least two annotators have a layer on. */
export function sharedDocuments(gathered: Gathered): GatheredDocument[] {
  return gathered.documents.filter((d) => d.layers.length >= 2);
}

/** Annotators of the given documents, in the overall order of first appearance. */
export function annotatorsOf(documents: readonly GatheredDocument[], order: readonly string[]): string[] {
  const present = new Set(documents.flatMap((d) => d.layers.map((l) => l.annotator)));
  return order.filter((name) => present.has(name));
}
