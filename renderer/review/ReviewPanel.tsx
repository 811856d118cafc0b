// Review of colleagues' layers on the open document: which layers are shown, a comparison of any
// two layers row by row (each row jumps to the text), decisions on a colleague's spans, the
// agreement figures, and the document's review status.

import { useCallback, useMemo, useState } from 'react';
import type { Annotation } from '../../src/annotations/types.js';
import type { ReviewStatus } from '../../src/document/article.js';
import type { LabelId } from '../../src/labels/schema.js';
import { useSchema } from '../schema/schema-context.js';
import { compareLayers, summarizeComparison, type ComparisonRow, type RowKind } from '../../src/review/diff.js';
import { decisionId, type ReviewDecision } from '../../src/review/decisions.js';
import { LabelChip } from '../ui/LabelChip.js';
import { DocumentAgreement } from './DocumentAgreement.js';
import { LayerBadge } from './LayerBadge.js';
import { reviewProgress } from '../../src/review/differences.js';
import { useDocumentDifferences } from './document-differences.js';
import { ReviewProgressLine } from './ReviewProgressLine.js';
import { AttributeDiffs, type AttributeChoices } from './AttributeDiffs.js';
import { MoreRemaining } from '../ui/MoreRows.js';

const NONE: readonly Annotation[] = [];
/**
 * Compare rows drawn at first and per "Show more": the narrow pane shows a dozen at a time, and
 * each row costs ~0.6 ms of style and layout (200 rows made opening the tab a 200 ms task over
 * two 10,000-span layers). Going through them all is review mode's job.
 */
const ROW_PAGE = 50;

export const KIND_NAMES: Record<RowKind, string> = {
  exact: 'Exact match',
  'attribute-mismatch': 'Same span, different attributes',
  'label-mismatch': 'Same span, different label',
  overlap: 'Overlapping boundaries',
  'overlap-label-mismatch': 'Overlapping, different label',
  'only-a': 'Only in A',
  'only-b': 'Only in B',
};

export interface DecideActions {
  /** attributes: per differing attribute, whose value my identical span keeps (defaults otherwise). */
  readonly accept: (theirs: Annotation, opts: { label?: LabelId; useSelection?: boolean; attributes?: AttributeChoices }) => void;
  readonly reject: (theirs: Annotation, reason: string) => void;
  readonly clear: (decision: ReviewDecision) => void;
}

interface Props {
  readonly me: string;
  readonly docId: string;
  readonly text: string;
  readonly own: readonly Annotation[];
  readonly layers: ReadonlyMap<string, readonly Annotation[]>;
  readonly decisions: ReadonlyMap<string, ReviewDecision>;
  readonly slots: ReadonlyMap<string, number>;
  readonly shown: ReadonlySet<string>;
  readonly status: ReviewStatus;
  readonly hasSelection: boolean;
  readonly onToggleLayer: (annotator: string) => void;
  readonly onRow: (row: ComparisonRow<Annotation>) => void;
  readonly onStatus: (status: ReviewStatus) => void;
  readonly onReviewMode: () => void;
  /** Asks for a new name for a colleague's layer. */
  readonly onRenameLayer?: (layer: string) => void;
  /** Exports the document with every layer (File › Export Document with All Layers in Electron). */
  readonly onExportAllLayers?: () => void;
  readonly actions: DecideActions;
}

export function ReviewPanel(props: Props) {
  const { me, own, layers, slots } = props;
  const names = useMemo(() => [me, ...[...layers.keys()].filter((n) => n !== me)], [me, layers]);
  const [pair, setPair] = useState<{ a: string; b: string }>({ a: me, b: names[1] ?? me });
  const a = names.includes(pair.a) ? pair.a : me;
  const b = names.includes(pair.b) ? pair.b : (names.find((n) => n !== a) ?? me);
  const layerOf = useCallback((name: string): readonly Annotation[] => (name === me ? own : (layers.get(name) ?? NONE)), [me, own, layers]);
  const layerA = layerOf(a);
  const layerB = layerOf(b);
  const schema = useSchema();
  const rows = useMemo(() => compareLayers(layerA, layerB, { labels: schema.labels }), [layerA, layerB, schema]);
  const summary = useMemo(() => summarizeComparison(rows), [rows]);
  const [active, setActive] = useState<number | null>(null);
  // Rows render a page at a time: two 10,000-span layers make thousands of rows.
  const [limit, setLimit] = useState(ROW_PAGE);
  const [showAgreement, setShowAgreement] = useState(false);
  const differences = useDocumentDifferences({ docId: props.docId, me, own, layers, decisions: props.decisions }, schema.labels);
  const progress = useMemo(() => reviewProgress(differences), [differences]);

  return (
    <div className="review-panel" data-testid="review-panel">
      <section className="review-section" aria-label="Layers">
        <h2>Layers</h2>
        {names.map((n) => (
          <label key={n} className="layer-row" data-testid="layer-row" data-annotator={n}>
            <input type="checkbox" checked={props.shown.has(n)} onChange={() => props.onToggleLayer(n)} aria-label={`Show ${n}`} />
            <LayerBadge annotator={n} slot={n === me ? undefined : slots.get(n)} />
            <span className="name">{n === me ? `${n} (me)` : n}</span>
            <span className="count" data-testid="layer-count">
              {layerOf(n).length}
            </span>
            {n !== me && props.onRenameLayer ? (
              <button
                type="button"
                className="rename-layer"
                onClick={(e) => {
                  e.preventDefault();
                  props.onRenameLayer?.(n);
                }}
                title={`Rename the layer ${n}`}
                data-testid="rename-layer-button"
              >
                Rename
              </button>
            ) : null}
          </label>
        ))}
        {names.length === 1 ? <p className="meta">Import a colleague’s export (File › Import) to review their tags beside yours.</p> : null}
        {props.onExportAllLayers ? (
          <button
            type="button"
            onClick={props.onExportAllLayers}
            data-testid="cmd-export-all-layers"
            title="Export this document with every layer: yours, your colleagues’ and your review decisions"
          >
            Export with all layers…
          </button>
        ) : null}
      </section>
      <section className="review-section" aria-label="Review status">
        <div className="review-status-bar">
          Status: <strong data-testid="doc-review-status">{props.status}</strong>
          {props.status !== 'reviewed' ? (
            <button type="button" onClick={() => props.onStatus('reviewed')} data-testid="mark-reviewed">
              Mark reviewed
            </button>
          ) : (
            <button type="button" onClick={() => props.onStatus('in-review')} data-testid="reopen-review">
              Reopen
            </button>
          )}
        </div>
        {names.length > 1 ? (
          <div className="review-status-bar">
            <ReviewProgressLine progress={progress} />
            <button
              type="button"
              className="primary"
              onClick={props.onReviewMode}
              data-testid="enter-review-mode"
              title="The differences beside the text, decided by keyboard"
            >
              Review mode
            </button>
          </div>
        ) : null}
      </section>
      {names.length > 1 ? (
        <section className="review-section" aria-label="Compare">
          <h2>Compare</h2>
          <div className="compare-pick">
            A
            <select
              value={a}
              onChange={(e) => {
                setPair({ a: e.target.value, b });
                setLimit(ROW_PAGE);
              }}
              data-testid="compare-a"
            >
              {names.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
            B
            <select
              value={b}
              onChange={(e) => {
                setPair({ a, b: e.target.value });
                setLimit(ROW_PAGE);
              }}
              data-testid="compare-b"
            >
              {names.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => setShowAgreement((s) => !s)} data-testid="toggle-agreement">
              {showAgreement ? 'Hide agreement' : 'Agreement'}
            </button>
          </div>
          {showAgreement ? (
            <DocumentAgreement
              me={me}
              text={props.text}
              names={names}
              layerOf={layerOf}
              shown={props.shown}
              reviewed={props.status === 'reviewed'}
              decisions={props.decisions.size}
              a={a}
              b={b}
            />
          ) : null}
          <div className="compare-summary" data-testid="compare-summary">
            {(Object.keys(KIND_NAMES) as RowKind[]).map((k) => (
              <span key={k} data-kind={k}>
                {KIND_NAMES[k]}: {summary[k]}
              </span>
            ))}
          </div>
          <div className="compare-list" role="list">
            {rows.slice(0, limit).map((row, i) => (
              <CompareRow
                key={`${row.a?.id ?? ''}|${row.b?.id ?? ''}`}
                row={row}
                me={me}
                active={i === active}
                decisions={props.decisions}
                docId={props.docId}
                hasSelection={props.hasSelection}
                actions={props.actions}
                slots={slots}
                layerOf={layerOf}
                onPick={() => {
                  setActive(i);
                  props.onRow(row);
                }}
              />
            ))}
            <MoreRemaining
              total={rows.length}
              shown={limit}
              step={ROW_PAGE}
              onMore={() => setLimit((l) => l + ROW_PAGE)}
              testId="more-rows"
              what={['difference', 'differences']}
            />
          </div>
        </section>
      ) : null}
    </div>
  );
}

interface RowProps {
  readonly row: ComparisonRow<Annotation>;
  readonly me: string;
  readonly active: boolean;
  readonly decisions: ReadonlyMap<string, ReviewDecision>;
  readonly docId: string;
  readonly hasSelection: boolean;
  readonly actions: DecideActions;
  readonly slots: ReadonlyMap<string, number>;
  readonly layerOf: (name: string) => readonly Annotation[];
  readonly onPick: () => void;
}

function CompareRow({ row, me, active, decisions, docId, hasSelection, actions, slots, layerOf, onPick }: RowProps) {
  const [choices, setChoices] = useState<AttributeChoices>({});
  // Mine on the left of the values when one side is mine; otherwise A beside B, without choices.
  const pair = row.kind === 'attribute-mismatch' ? (row.b.annotator === me ? { mine: row.b, theirs: row.a } : { mine: row.a, theirs: row.b }) : null;
  const theirDecision = pair && pair.mine.annotator === me ? decisions.get(decisionId(docId, pair.theirs.annotator, pair.theirs.id)) : undefined;
  return (
    <div className={`compare-row kind-${row.kind}${active ? ' active' : ''}`} role="listitem" data-testid="compare-row" data-kind={row.kind} onClick={onPick}>
      <span className="kind">{KIND_NAMES[row.kind]}</span>
      {(['a', 'b'] as const).map((side) => {
        const ann = row[side];
        if (!ann) return null;
        const decision = ann.annotator === me ? undefined : decisions.get(decisionId(docId, ann.annotator, ann.id));
        return (
          <div key={side} className="compare-side" data-side={side}>
            <LayerBadge annotator={ann.annotator} slot={ann.annotator === me ? undefined : slots.get(ann.annotator)} />
            <LabelChip label={ann.label} />
            <span className="quote" title={ann.note ?? ann.quote}>
              {ann.quote}
            </span>
            {ann.annotator !== me ? <Decide theirs={ann} decision={decision} hasSelection={hasSelection} actions={actions} choices={choices} /> : null}
          </div>
        );
      })}
      {pair ? (
        <AttributeDiffs
          mine={pair.mine}
          theirs={pair.theirs}
          mineLayer={layerOf(pair.mine.annotator)}
          theirLayer={layerOf(pair.theirs.annotator)}
          decidable={pair.mine.annotator === me}
          decision={theirDecision}
          choices={choices}
          onChoose={(id, c) => setChoices((m) => ({ ...m, [id]: c }))}
        />
      ) : null}
    </div>
  );
}

function Decide({
  theirs,
  decision,
  hasSelection,
  actions,
  choices,
}: {
  theirs: Annotation;
  decision: ReviewDecision | undefined;
  hasSelection: boolean;
  actions: DecideActions;
  choices: AttributeChoices;
}) {
  const schema = useSchema();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const stop = (e: { stopPropagation: () => void }) => e.stopPropagation();
  if (decision) {
    return (
      <span className="decide" onClick={stop}>
        <span className={`decision-badge decision-${decision.decision}`} data-testid="decision" title={decision.reason ?? ''}>
          {decision.decision.replace('-', ' ')}
        </span>
        <button type="button" onClick={() => actions.clear(decision)} data-testid="clear-decision">
          Reconsider
        </button>
      </span>
    );
  }
  if (rejecting) {
    return (
      <form
        className="decide"
        onClick={stop}
        onSubmit={(e) => {
          e.preventDefault();
          actions.reject(theirs, reason);
          setRejecting(false);
        }}
      >
        <input
          autoFocus
          value={reason}
          maxLength={2000}
          placeholder="Reason (optional)"
          onChange={(e) => setReason(e.target.value)}
          data-testid="reject-reason"
        />
        <button type="submit" data-testid="confirm-reject">
          Reject
        </button>
        <button type="button" onClick={() => setRejecting(false)}>
          Cancel
        </button>
      </form>
    );
  }
  return (
    <span className="decide" onClick={stop}>
      <button type="button" onClick={() => actions.accept(theirs, { attributes: choices })} data-testid="accept">
        Accept
      </button>
      <select
        aria-label="Accept with label"
        value=""
        data-testid="accept-as"
        onChange={(e) => e.target.value && actions.accept(theirs, { label: e.target.value })}
      >
        <option value="">Accept as…</option>
        {schema.labels.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </select>
      {hasSelection ? (
        <button
          type="button"
          onClick={() => actions.accept(theirs, { useSelection: true })}
          data-testid="accept-selection"
          title="Accept with the boundary of your current text selection"
        >
          Accept with selection
        </button>
      ) : null}
      <button type="button" onClick={() => setRejecting(true)} data-testid="reject">
        Reject…
      </button>
    </span>
  );
}
