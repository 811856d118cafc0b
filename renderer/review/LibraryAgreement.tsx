// Agreement over a selection of documents: the same figures as on one document, pooled (counts,
// tables and coincidences summed, then the ratios computed once). Each document contributes the
// layers of the annotators who worked on it; a document with fewer than two such layers is
// excluded and named. A and B are pooled over the documents both worked on, alpha and the
// pairwise matrix over every contributing layer of the included documents.

import { useEffect, useMemo, useState } from 'react';
import type { Annotation } from '../../src/annotations/types.js';
import { tokenAlphaForDocuments } from '../../src/review/agreement/alpha.js';
import { splitByContribution } from '../../src/review/agreement/document-selection.js';
import { pairwiseAgreement } from '../../src/review/agreement/pairwise.js';
import { agreementForDocuments } from '../../src/review/agreement/report.js';
import { labelsToCompare } from '../../src/review/agreement/by-label.js';
import { labelIds } from '../../src/labels/schema.js';
import { useSchema } from '../schema/schema-context.js';
import { layerAtStage, myMarkCounts, workedOn, type ReviewStage } from '../../src/review/review-layers.js';
import { loadLayers } from '../db/annotations-repo.js';
import type { SpanmarkDb } from '../db/db.js';
import { AgreementTable, alphaCaption, type AlphaOver } from './AgreementTable.js';
import { StageToggle } from './DocumentAgreement.js';
import { PairwiseTable } from './PairwiseTable.js';
import { Dialog } from '../ui/Dialog.js';
import { plural } from '../ui/format.js';

interface Props {
  readonly db: SpanmarkDb;
  readonly me: string;
  readonly docIds: readonly string[];
  readonly onClose: () => void;
}

interface StoredDoc {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  /** Every layer, me first. */
  readonly layers: ReadonlyMap<string, readonly Annotation[]>;
  readonly reviewed: boolean;
  readonly decisions: number;
}

export function LibraryAgreement({ db, me, docIds, onClose }: Props) {
  const [docs, setDocs] = useState<StoredDoc[] | null>(null);
  const [stage, setStage] = useState<ReviewStage>('before');
  useEffect(() => {
    let live = true;
    void Promise.all(
      docIds.map(async (id): Promise<StoredDoc> => {
        const loaded = await loadLayers(db, id);
        return {
          id,
          title: loaded.article?.title ?? id,
          text: loaded.article?.text ?? '',
          layers: new Map([[me, loaded.own], ...loaded.others]),
          reviewed: loaded.article?.reviewStatus === 'reviewed',
          decisions: loaded.decisions.length,
        };
      }),
    ).then((d) => live && setDocs(d));
    return () => {
      live = false;
    };
  }, [db, docIds, me]);

  const split = useMemo(() => {
    const contributing = (docs ?? []).map((d) => ({
      id: d.id,
      title: d.title,
      text: d.text,
      layers: [...d.layers]
        .map(([annotator, list]) => ({
          annotator,
          spans: layerAtStage(list, stage),
          markedDone: annotator === me && myMarkCounts(stage, d.reviewed, d.decisions),
        }))
        .filter((l) => workedOn({ annotator: l.annotator, spans: l.spans.length, markedDone: l.markedDone }))
        .map(({ annotator, spans }) => ({ annotator, spans })),
    }));
    return splitByContribution(contributing);
  }, [docs, me, stage]);
  const names = useMemo(() => [...new Set(split.included.flatMap((d) => d.layers.map((l) => l.annotator)))], [split]);
  const [a, setA] = useState<string | null>(null);
  const [b, setB] = useState<string | null>(null);
  const aName = a !== null && names.includes(a) ? a : (names[0] ?? me);
  const bName = b !== null && names.includes(b) ? b : (names.find((n) => n !== aName) ?? aName);
  // One label list for every figure on screen: the schema's labels, then any other label a layer
  // uses (a colleague's), so the table, alpha and the matrix share their rows.
  const schema = useSchema();
  const labels = useMemo(
    () =>
      labelsToCompare(
        labelIds(schema),
        split.included.flatMap((d) => d.layers.map((l) => l.spans)),
      ),
    [schema, split],
  );
  const alpha: AlphaOver = useMemo(
    () => ({
      ...tokenAlphaForDocuments(
        split.included.map((d) => ({ text: d.text, layers: d.layers.map((l) => l.spans) })),
        labels,
      ),
      annotators: names,
    }),
    [split, names, labels],
  );
  const report = useMemo(() => {
    const both = split.included.filter((d) => d.layers.some((l) => l.annotator === aName) && d.layers.some((l) => l.annotator === bName));
    return aName === bName || both.length === 0
      ? null
      : agreementForDocuments(both.map((d) => ({ text: d.text, layers: d.layers, a: aName, b: bName, labels, attributeLabels: schema.labels })));
  }, [split, aName, bName, labels, schema]);
  const matrix = useMemo(() => (names.length >= 3 ? pairwiseAgreement(split.included, names, labels) : null), [split, names, labels]);

  return (
    <Dialog
      title={`Agreement over ${plural(docIds.length, 'document')}`}
      className="wide"
      testId="library-agreement"
      onCancel={onClose}
      actions={
        <button type="button" onClick={onClose}>
          Close
        </button>
      }
    >
      {docs === null ? <p>Reading layers…</p> : <StageToggle stage={stage} onStage={setStage} />}
      {docs && split.excluded.length > 0 ? (
        <p className="meta" data-testid="library-excluded">
          Excluded, fewer than two annotators worked on {split.excluded.length === 1 ? 'it' : 'them'}: {split.excluded.map((d) => d.title).join(', ')}
        </p>
      ) : null}
      {docs && split.included.length === 0 ? (
        <p className="field-error">No selected document has two annotators’ layers: import a colleague’s export first.</p>
      ) : null}
      {names.length >= 2 ? (
        <div className="compare-pick">
          A
          <select value={aName} onChange={(e) => setA(e.target.value)} data-testid="library-compare-a">
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          B
          <select value={bName} onChange={(e) => setB(e.target.value)} data-testid="library-compare-b">
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {names.length >= 2 && report === null ? (
        <p className="meta">
          {aName === bName ? 'Pick two different annotators.' : `${aName} and ${bName} worked on no selected document together.`} {alphaCaption(names)}
        </p>
      ) : null}
      {report ? report.ok ? <AgreementTable report={report.value} alpha={alpha} stage={stage} /> : <p className="field-error">{report.error.message}</p> : null}
      {matrix ? matrix.ok ? <PairwiseTable matrix={matrix.value} /> : <p className="field-error">{matrix.error.message}</p> : null}
    </Dialog>
  );
}
