// A link attribute in the form: which annotation it points to, in words ("→ Speaker: “quote”"),
// set by picking the target span — `]` / `[` (or ↓ / ↑) step through the spans it may point to
// while the field has focus, each shown in the text, and Enter sets the one shown; or a click on a
// span in the text while the field is picking. Delete clears it; "Go to" jumps to the target. The
// target's form lists the links pointing at it ("Linked from"), each jumping back.

import { useEffect, useMemo, useRef, useState } from 'react';
import { compareAnnotations } from '../../src/annotations/commands.js';
import type { Link } from '../../src/annotations/attribute-commands.js';
import type { Annotation } from '../../src/annotations/types.js';
import type { AttributeDef, AttributeValue } from '../../src/labels/attributes.js';
import { useSchema } from '../schema/schema-context.js';

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}

export function LinkField({
  def,
  source,
  layer,
  stored,
  set,
  onJump,
  onPreview,
  onArmPick,
}: {
  def: AttributeDef;
  source: Annotation;
  layer: readonly Annotation[];
  stored: string | undefined;
  set: (def: AttributeDef, v: AttributeValue | undefined) => boolean;
  onJump: (id: string) => void;
  onPreview: (id: string | null) => void;
  onArmPick: (pick: ((id: string) => boolean) | null) => void;
}) {
  const schema = useSchema();
  const labelName = (id: string) => schema.labels.find((l) => l.id === id)?.name ?? id;
  const candidates = useMemo(
    () => layer.filter((a) => a.id !== source.id && (def.targets === undefined || def.targets.includes(a.label))),
    [layer, source.id, def.targets],
  );
  const target = stored === undefined ? undefined : layer.find((a) => a.id === stored);
  const [candidate, setCandidate] = useState<string | undefined>(undefined);
  const [picking, setPicking] = useState(false);
  const shown = candidate === undefined ? undefined : layer.find((a) => a.id === candidate);
  const setRef = useRef(set);
  setRef.current = set;
  // Disarmed when this field goes away (another annotation selected, the form closed).
  useEffect(() => () => onArmPick(null), [onArmPick]);

  const arm = () => {
    setPicking(true);
    onArmPick((id) => {
      const ok = setRef.current(def, id);
      if (ok) {
        setCandidate(undefined);
        onPreview(null);
      }
      return true;
    });
  };
  const disarm = () => {
    setPicking(false);
    setCandidate(undefined);
    onArmPick(null);
    onPreview(null);
  };
  const step = (dir: 1 | -1) => {
    if (candidates.length === 0) return;
    const from = shown ?? target ?? source;
    let at: number;
    const exact = candidates.findIndex((a) => a.id === from.id);
    if (exact >= 0) at = (exact + dir + candidates.length) % candidates.length;
    else {
      // From the source's place in the text: the nearest span after it (or before it, going back).
      const after = candidates.findIndex((a) => compareAnnotations(a, from) > 0);
      at = dir === 1 ? (after < 0 ? 0 : after) : after < 0 ? candidates.length - 1 : (after - 1 + candidates.length) % candidates.length;
    }
    const next = candidates[at]!;
    setCandidate(next.id);
    onPreview(next.id);
  };

  const allowed = def.targets ? def.targets.map(labelName).join(' or ') : 'any span';
  return (
    <div className="link-field">
      <span className="attr-name">{def.name}</span>
      <div
        className={`link-picker${picking ? ' picking' : ''}`}
        role="group"
        tabIndex={0}
        aria-label={`${def.name}: ${target ? `→ ${clip(target.quote)}` : 'not set'}. ] and [ choose a ${allowed} span, Enter sets it, or click it in the text; Delete clears.`}
        data-testid={`attr-${def.id}-picker`}
        onFocus={arm}
        onBlur={(e) => {
          // A click in the text takes focus there: the pick it makes still belongs to this field.
          const to = e.relatedTarget as HTMLElement | null;
          if (to?.closest('[data-focus-region="reader"]')) return;
          disarm();
        }}
        onKeyDown={(e) => {
          if (e.ctrlKey || e.metaKey || e.altKey || e.key === 'Tab' || e.key === 'F6' || e.key === 'Escape') return;
          e.stopPropagation();
          if (e.key === ']' || e.key === 'ArrowDown') {
            e.preventDefault();
            step(1);
          } else if (e.key === '[' || e.key === 'ArrowUp') {
            e.preventDefault();
            step(-1);
          } else if (e.key === 'Enter' && candidate !== undefined) {
            e.preventDefault();
            if (set(def, candidate)) {
              setCandidate(undefined);
              onPreview(null);
            }
          } else if ((e.key === 'Delete' || e.key === 'Backspace') && stored !== undefined) {
            e.preventDefault();
            set(def, undefined);
          }
        }}
      >
        {target ? (
          <span className="link-target" data-testid={`attr-${def.id}-target`}>
            → {def.name.toLowerCase()}: “{clip(target.quote)}”
          </span>
        ) : stored !== undefined ? (
          <span className="link-target missing">→ an annotation no longer in this document</span>
        ) : (
          <span className="link-target none">not set</span>
        )}
        {shown ? (
          <span className="link-candidate" data-testid={`attr-${def.id}-candidate`}>
            Choose {labelName(shown.label)} “{clip(shown.quote)}”? <kbd>Enter</kbd> sets it
          </span>
        ) : (
          // Always laid out (hidden when not picking): a field that changed height on blur would
          // move the button under a click that blurred it.
          <span className="attr-hint" style={{ visibility: picking ? 'visible' : 'hidden' }}>
            <kbd>]</kbd> <kbd>[</kbd> choose a {allowed} span, or click one in the text
          </span>
        )}
      </div>
      {target ? (
        <button
          type="button"
          className="link-go"
          data-testid={`attr-${def.id}-go`}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            disarm();
            onJump(target.id);
          }}
        >
          Go to →
        </button>
      ) : null}
    </div>
  );
}

/** The links pointing at this annotation (linksTo), each a button back to its source. */
export function LinkedFrom({ incoming, onJump }: { incoming: readonly Link[]; onJump: (id: string) => void }) {
  const schema = useSchema();
  if (incoming.length === 0) return null;
  return (
    <div className="linked-from" data-testid="linked-from">
      <span className="attr-name">Linked from</span>
      <ul>
        {incoming.map((l) => (
          <li key={`${l.source.id}:${l.def.id}`}>
            <button type="button" data-testid="linked-from-entry" onClick={() => onJump(l.source.id)}>
              ← {schema.labels.find((x) => x.id === l.source.label)?.name ?? l.source.label} “{clip(l.source.quote)}” ({l.def.name.toLowerCase()})
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
