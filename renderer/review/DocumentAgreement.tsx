// Agreement on the open document: which layers the figures cover (by default the annotators who
// worked on it, never a hidden layer; the analyst can tick others in or out), whether layers are
// read before review (default) or after, the A/B figures with alpha over the chosen layers, and
// the pairwise matrix when three or more layers are chosen.

import { useMemo, useState } from 'react';
import type { Annotation } from '../../src/annotations/types.js';
import { agreementReport } from '../../src/review/agreement/report.js';
import { pairwiseAgreement } from '../../src/review/agreement/pairwise.js';
import { labelIds } from '../../src/labels/schema.js';
import { useSchema } from '../schema/schema-context.js';
import { contributingAnnotators, layerAtStage, myMarkCounts, type ReviewStage } from '../../src/review/review-layers.js';
import { AgreementTable } from './AgreementTable.js';
import { PairwiseTable } from './PairwiseTable.js';

interface Props {
  readonly me: string;
  readonly text: string;
  /** Every annotator on the document, me first. */
  readonly names: readonly string[];
  readonly layerOf: (name: string) => readonly Annotation[];
  readonly shown: ReadonlySet<string>;
  readonly reviewed: boolean;
  readonly decisions: number;
  readonly a: string;
  readonly b: string;
}

export function StageToggle({ stage, onStage }: { stage: ReviewStage; onStage: (s: ReviewStage) => void }) {
  return (
    <div className="compare-pick" role="radiogroup" aria-label="Layers as">
      {(['before', 'after'] as const).map((s) => (
        <label key={s}>
          <input type="radio" checked={stage === s} onChange={() => onStage(s)} data-testid={`stage-${s}`} />{' '}
          {s === 'before' ? 'Before review' : 'After review'}
        </label>
      ))}
    </div>
  );
}

export function DocumentAgreement({ me, text, names, layerOf, shown, reviewed, decisions, a, b }: Props) {
  const [stage, setStage] = useState<ReviewStage>('before');
  const [picked, setPicked] = useState<ReadonlyMap<string, boolean>>(new Map());
  const staged = useMemo(() => new Map(names.map((n) => [n, [...layerAtStage(layerOf(n), stage)]])), [names, layerOf, stage]);
  const worked = useMemo(
    () =>
      new Set(
        contributingAnnotators(
          names.map((n) => ({ annotator: n, spans: staged.get(n)!.length, markedDone: n === me && myMarkCounts(stage, reviewed, decisions) })),
        ),
      ),
    [names, staged, me, stage, reviewed, decisions],
  );
  const chosen = useMemo(() => names.filter((n) => shown.has(n) && (picked.get(n) ?? worked.has(n))), [names, shown, picked, worked]);
  const layers = useMemo(() => names.map((n) => ({ annotator: n, spans: staged.get(n)! })), [names, staged]);
  const schema = useSchema();
  const labels = useMemo(() => labelIds(schema), [schema]);
  const report = useMemo(
    () => (a === b ? null : agreementReport({ text, layers, a, b, alphaOver: chosen, labels, attributeLabels: schema.labels })),
    [text, layers, a, b, chosen, labels, schema],
  );
  const matrix = useMemo(
    () => (chosen.length >= 3 ? pairwiseAgreement([{ text, layers: layers.filter((l) => chosen.includes(l.annotator)) }], chosen, labels) : null),
    [text, layers, chosen, labels],
  );

  return (
    <div className="document-agreement">
      <StageToggle stage={stage} onStage={setStage} />
      <div className="compare-pick" data-testid="alpha-layers">
        Layers in α and the matrix:
        {names.map((n) => (
          <label
            key={n}
            title={shown.has(n) ? (worked.has(n) ? 'worked on this document' : 'no annotation on this document') : 'hidden layers are not counted'}
          >
            <input
              type="checkbox"
              disabled={!shown.has(n)}
              checked={chosen.includes(n)}
              onChange={(e) => setPicked((m) => new Map(m).set(n, e.target.checked))}
              data-testid="alpha-layer"
              data-annotator={n}
            />{' '}
            {n}
          </label>
        ))}
      </div>
      {report === null ? (
        <p className="meta">Pick two different layers as A and B for F1 and κ.</p>
      ) : report.ok ? (
        <AgreementTable report={report.value} stage={stage} />
      ) : (
        <p className="field-error">{report.error.message}</p>
      )}
      {matrix ? matrix.ok ? <PairwiseTable matrix={matrix.value} /> : <p className="field-error">{matrix.error.message}</p> : null}
    </div>
  );
}
