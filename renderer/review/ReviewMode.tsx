// Review mode: the differences between my layer and my colleagues' as a queue beside the text,
// each with its whole quote, label, note, who and when, decided by mouse or keyboard (J/K or
// Alt+↓/↑ to move, A accept, A then a label key to accept as that label, R reject with a reason,
// U reconsider); a decision moves on to the next open difference, as Prodigy's review does.
// Filters narrow the list and the keys alike. Excluded: choosing a boundary (Accept with
// selection stays in the side panel's Compare list, where the text selection is made).

import { useCallback, useEffect, useMemo, useRef, useState, type MutableRefObject } from 'react';
import type { Annotation } from '../../src/annotations/types.js';
import { labelForHotkey, labelKeysText, type LabelId } from '../../src/labels/schema.js';
import { useSchema } from '../schema/schema-context.js';
import type { ReviewDecision } from '../../src/review/decisions.js';
import {
  DIFFERENCE_KINDS,
  matchesFilter,
  nextOpenDifference,
  NO_FILTER,
  reviewProgress,
  stepDifference,
  type Difference,
  type DifferenceFilter,
  type DifferenceKind,
} from '../../src/review/differences.js';
import { formatCount, formatTime } from '../ui/format.js';
import { MoreRemaining } from '../ui/MoreRows.js';
import { LabelChip } from '../ui/LabelChip.js';
import { LayerBadge } from './LayerBadge.js';
import { KIND_NAMES, type DecideActions } from './ReviewPanel.js';
import { ReviewProgressLine } from './ReviewProgressLine.js';
import { AttributeDiffs, type AttributeChoices } from './AttributeDiffs.js';
import { useDocumentDifferences, type ReviewQueueSource } from './document-differences.js';

type Item = Difference<Annotation, ReviewDecision>;

/** Consumes a key in review mode; true when it was a review key. */
export type ReviewKeyHandler = (e: KeyboardEvent) => boolean;

interface Props extends ReviewQueueSource {
  readonly slots: ReadonlyMap<string, number>;
  readonly actions: DecideActions;
  /** Scrolls the text to the difference and highlights its spans. */
  readonly onShow: (item: Item) => void;
  readonly onExit: () => void;
  readonly keys: MutableRefObject<ReviewKeyHandler | null>;
}

const PAGE = 200;
// After A, a label key within this time accepts as that label; otherwise the span is accepted as is.
const CHORD_MS = 900;

export function ReviewMode({ me, docId, own, layers, decisions, slots, actions, onShow, onExit, keys }: Props) {
  const schema = useSchema();
  const all = useDocumentDifferences({ docId, me, own, layers, decisions }, schema.labels);
  // Per item, the attribute choices flipped so far (the rest take the default).
  const [choices, setChoices] = useState<ReadonlyMap<string, AttributeChoices>>(new Map());
  const progress = useMemo(() => reviewProgress(all), [all]);
  const [filter, setFilter] = useState<DifferenceFilter>(NO_FILTER);
  const visible = useCallback((d: Item) => matchesFilter(d, filter), [filter]);
  // "Next open" looks at what the other filters allow; "open only" would hide nothing it wants.
  const eligible = useCallback((d: Item) => matchesFilter(d, { ...filter, openOnly: false }), [filter]);
  const shown = useMemo(() => all.filter(visible), [all, visible]);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [rejectingId, setRejectingId] = useState<string | null>(null);
  const [chord, setChord] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const listRef = useRef<HTMLOListElement | null>(null);
  const current = all.find((d) => d.id === currentId);

  const colleagues = useMemo(() => [...layers.keys()].filter((n) => n !== me), [layers, me]);

  const select = useCallback(
    (id: string | null) => {
      setCurrentId(id);
      setRejectingId(null);
      const item = id ? all.find((d) => d.id === id) : undefined;
      if (item) onShow(item);
    },
    [all, onShow],
  );

  // Starts on the first open difference, so the keys work without a click.
  useEffect(() => {
    if (currentId === null && all.length > 0) select(nextOpenDifference(all, eligible, null) ?? all[0]!.id);
  }, [all, currentId, eligible, select]);

  useEffect(() => {
    if (!currentId) return;
    const at = shown.findIndex((d) => d.id === currentId);
    if (at >= limit) setLimit(at + PAGE);
    listRef.current?.querySelector(`[data-diff-id="${CSS.escape(currentId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [currentId, shown, limit]);

  /** Runs a decision on `item` and moves to the next open difference after it. */
  const decide = useCallback(
    (item: Item, run: () => void) => {
      const next = nextOpenDifference(all, eligible, item.id);
      run();
      setRejectingId(null);
      if (next) select(next);
      else setCurrentId(item.id);
    },
    [all, eligible, select],
  );
  const accept = useCallback(
    (item: Item, label?: LabelId) => {
      const attributes = choices.get(item.id);
      decide(item, () => actions.accept(item.theirs, { ...(label ? { label } : {}), ...(attributes ? { attributes } : {}) }));
    },
    [actions, choices, decide],
  );
  const reject = useCallback((item: Item, reason: string) => decide(item, () => actions.reject(item.theirs, reason)), [actions, decide]);
  const reconsider = useCallback(
    (item: Item) => {
      // A reconsidered difference is open again, so it is itself the next open one: stay on it.
      if (item.decision) actions.clear(item.decision);
      setCurrentId(item.id);
    },
    [actions],
  );

  const chordTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const endChord = useCallback(() => {
    if (chordTimer.current) clearTimeout(chordTimer.current);
    chordTimer.current = null;
    setChord(false);
  }, []);
  useEffect(() => endChord, [endChord]);

  const state = useRef({ current, chord, accept, reject, reconsider, select, all, visible, endChord, schema });
  state.current = { current, chord, accept, reject, reconsider, select, all, visible, endChord, schema };

  useEffect(() => {
    keys.current = (e) => {
      const s = state.current;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      if (s.chord) {
        // The key after A finishes the accept: a label key picks the label, Escape cancels, any
        // other key accepts as is (and is used up, since the queue has already moved on).
        s.endChord();
        if (key === 'Escape' || !s.current || s.current.decision) return true;
        const label = labelForHotkey(s.schema, e.key);
        s.accept(s.current, label);
        return true;
      }
      if (e.ctrlKey || e.metaKey) return false;
      const move = key === 'j' || (e.altKey && key === 'ArrowDown') ? 1 : key === 'k' || (e.altKey && key === 'ArrowUp') ? -1 : 0;
      if (move) {
        const next = stepDifference(s.all, s.visible, s.current?.id ?? null, move);
        if (next) s.select(next);
        return true;
      }
      if (e.altKey || e.shiftKey) return false;
      const item = s.current;
      if (key === 'a') {
        if (item && !item.decision) {
          setChord(true);
          chordTimer.current = setTimeout(() => {
            const st = state.current;
            st.endChord();
            if (st.current && !st.current.decision) st.accept(st.current);
          }, CHORD_MS);
        }
        return true;
      }
      if (key === 'r') {
        if (item && !item.decision) setRejectingId(item.id);
        return true;
      }
      if (key === 'u') {
        if (item) s.reconsider(item);
        return true;
      }
      // Label keys and Delete would act on my layer behind the queue; in review they do nothing.
      return labelForHotkey(s.schema, e.key) !== undefined || key === 'Delete' || key === 'Backspace';
    };
    return () => {
      keys.current = null;
    };
  }, [keys]);

  const setF = (patch: Partial<DifferenceFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setLimit(PAGE);
  };

  return (
    <section className="review-mode" data-testid="review-mode" aria-label="Review">
      <header className="review-mode-head">
        <div className="review-mode-title">
          <h2>Review</h2>
          <ReviewProgressLine progress={progress} />
          <button type="button" onClick={onExit} data-testid="exit-review-mode">
            Back to annotating
          </button>
        </div>
        <div className="review-filters" data-testid="review-filters">
          <label>
            <input type="checkbox" checked={filter.openOnly} onChange={(e) => setF({ openOnly: e.target.checked })} data-testid="filter-open" /> Open only
          </label>
          <label>
            Kind{' '}
            <select value={filter.kind ?? ''} onChange={(e) => setF({ kind: (e.target.value || null) as DifferenceKind | null })} data-testid="filter-kind">
              <option value="">All</option>
              {DIFFERENCE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_NAMES[k]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Label{' '}
            <select value={filter.label ?? ''} onChange={(e) => setF({ label: e.target.value || null })} data-testid="filter-label">
              <option value="">All</option>
              {schema.labels.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Colleague{' '}
            <select value={filter.annotator ?? ''} onChange={(e) => setF({ annotator: e.target.value || null })} data-testid="filter-colleague">
              <option value="">All</option>
              {colleagues.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <span className="meta" data-testid="filter-count">
            {formatCount(shown.length)} shown
          </span>
        </div>
        <KeyLegend chord={chord} />
      </header>
      {all.length === 0 ? (
        <p className="empty-hint" data-testid="no-differences">
          {colleagues.length === 0
            ? 'Import a colleague’s export (File › Import) to review their tags.'
            : 'No differences: every colleague’s span matches one of yours.'}
        </p>
      ) : null}
      <ol className="difference-list" ref={listRef}>
        {shown.slice(0, limit).map((d) => (
          <DifferenceCard
            key={d.id}
            item={d}
            me={me}
            slots={slots}
            active={d.id === currentId}
            rejecting={d.id === rejectingId}
            onPick={() => select(d.id)}
            onAccept={(label) => accept(d, label)}
            onStartReject={() => {
              select(d.id);
              setRejectingId(d.id);
            }}
            onReject={(reason) => reject(d, reason)}
            onCancelReject={() => setRejectingId(null)}
            onReconsider={() => reconsider(d)}
            own={own}
            theirLayer={layers.get(d.theirs.annotator) ?? []}
            choices={choices.get(d.id) ?? {}}
            onChoose={(attribute, c) => setChoices((m) => new Map(m).set(d.id, { ...(m.get(d.id) ?? {}), [attribute]: c }))}
          />
        ))}
      </ol>
      <MoreRemaining
        total={shown.length}
        shown={limit}
        step={PAGE}
        onMore={() => setLimit((l) => l + PAGE)}
        testId="more-differences"
        what={['difference', 'differences']}
      />
    </section>
  );
}

function KeyLegend({ chord }: { chord: boolean }) {
  const schema = useSchema();
  if (chord) {
    return (
      <p className="key-legend chord" data-testid="accept-chord">
        Accept as:{' '}
        {schema.labels
          .filter((l) => l.hotkey !== undefined)
          .map((l) => (
            <span key={l.id}>
              <kbd>{l.hotkey}</kbd> {l.name}{' '}
            </span>
          ))}
        · <kbd>Enter</kbd> as is · <kbd>Esc</kbd> cancel
      </p>
    );
  }
  return (
    <p className="key-legend" data-testid="review-keys">
      <span>
        <kbd>J</kbd>/<kbd>K</kbd> or <kbd>Alt+↓</kbd>/<kbd>Alt+↑</kbd> next/previous
      </span>
      <span>
        <kbd>A</kbd> accept
      </span>
      <span>
        <kbd>A</kbd> then {labelKeysText(schema)} accept as label
      </span>
      <span>
        <kbd>R</kbd> reject (reason, <kbd>Enter</kbd>)
      </span>
      <span>
        <kbd>U</kbd> reconsider
      </span>
      <span>
        <kbd>Ctrl+Z</kbd> undo
      </span>
    </p>
  );
}

interface CardProps {
  readonly item: Item;
  readonly me: string;
  readonly slots: ReadonlyMap<string, number>;
  readonly active: boolean;
  readonly rejecting: boolean;
  readonly onPick: () => void;
  readonly onAccept: (label?: LabelId) => void;
  readonly onStartReject: () => void;
  readonly onReject: (reason: string) => void;
  readonly onCancelReject: () => void;
  readonly onReconsider: () => void;
  readonly own: readonly Annotation[];
  readonly theirLayer: readonly Annotation[];
  readonly choices: AttributeChoices;
  readonly onChoose: (attribute: string, choice: 'mine' | 'theirs') => void;
}

function DifferenceCard(props: CardProps) {
  const { item, me, slots, active, rejecting, onPick, onAccept, onStartReject, onReject, onCancelReject, onReconsider } = props;
  const schema = useSchema();
  const { theirs, mine, decision } = item;
  const stop = (e: { stopPropagation: () => void }) => e.stopPropagation();
  return (
    <li
      className={`difference kind-${item.kind}${active ? ' active' : ''}${decision ? ' decided' : ''}`}
      data-testid="difference"
      data-diff-id={item.id}
      data-kind={item.kind}
      data-annotator={theirs.annotator}
      data-decided={decision ? decision.decision : ''}
      aria-current={active ? 'true' : undefined}
      onClick={onPick}
    >
      <div className="difference-head">
        <span className="kind">{KIND_NAMES[item.kind]}</span>
        {decision ? (
          <span className={`decision-badge decision-${decision.decision}`} data-testid="difference-decision">
            {decision.decision.replace('-', ' ')}
          </span>
        ) : (
          <span className="open-badge">open</span>
        )}
      </div>
      <div className="difference-side">
        <LayerBadge annotator={theirs.annotator} slot={slots.get(theirs.annotator)} />
        <span className="who" data-testid="difference-who">
          {theirs.annotator}
        </span>
        <span className="when">{formatTime(theirs.updatedAt)}</span>
        <LabelChip label={theirs.label} />
      </div>
      <blockquote className="difference-quote" data-testid="difference-quote">
        {theirs.quote}
      </blockquote>
      {theirs.note ? (
        <p className="difference-note" data-testid="difference-note">
          {theirs.note}
        </p>
      ) : null}
      {mine ? (
        <div className="difference-mine">
          <span className="meta">{me === mine.annotator ? 'Mine' : mine.annotator}:</span> <LabelChip label={mine.label} />{' '}
          <span className="mine-quote">{mine.quote}</span>
        </div>
      ) : null}
      {item.kind === 'attribute-mismatch' && mine ? (
        <AttributeDiffs
          mine={mine}
          theirs={theirs}
          mineLayer={props.own}
          theirLayer={props.theirLayer}
          decidable
          decision={decision}
          choices={props.choices}
          onChoose={props.onChoose}
        />
      ) : null}
      {decision ? (
        <div className="decide" onClick={stop}>
          <span className="meta">
            {decision.decidedBy}, {formatTime(decision.decidedAt)}
            {decision.reason ? (
              <>
                {' '}
                — <span data-testid="difference-reason">{decision.reason}</span>
              </>
            ) : null}
          </span>
          <button type="button" onClick={onReconsider} data-testid="difference-reconsider">
            Reconsider
          </button>
        </div>
      ) : rejecting ? (
        <RejectForm onReject={onReject} onCancel={onCancelReject} />
      ) : (
        <div className="decide" onClick={stop}>
          <button type="button" onClick={() => onAccept()} data-testid="difference-accept">
            Accept
          </button>
          <select aria-label="Accept with label" value="" onChange={(e) => e.target.value && onAccept(e.target.value)} data-testid="difference-accept-as">
            <option value="">Accept as…</option>
            {schema.labels.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
          <button type="button" onClick={onStartReject} data-testid="difference-reject">
            Reject…
          </button>
        </div>
      )}
    </li>
  );
}

function RejectForm({ onReject, onCancel }: { onReject: (reason: string) => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  return (
    <form
      className="decide"
      onClick={(e) => e.stopPropagation()}
      onSubmit={(e) => {
        e.preventDefault();
        onReject(reason);
      }}
    >
      <input
        autoFocus
        value={reason}
        maxLength={2000}
        placeholder="Reason (optional), Enter to reject"
        onChange={(e) => setReason(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onCancel();
          }
        }}
        data-testid="difference-reason-input"
      />
      <button type="submit" data-testid="difference-confirm-reject">
        Reject
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
