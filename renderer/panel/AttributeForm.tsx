// The selected annotation's attributes as a compact form, one field per attribute of its label in
// the schema. Every field is reachable by Tab; choices take a number or their first letter; a
// saved value is the same acknowledged, undoable command as any edit (the caller runs it). A value
// that cannot be stored shows a message naming what is wrong and nothing is stored. Keys a field
// uses (digits, letters, Delete, ] and [) stop here, so they never tag, delete or step in the text.
// Esc returns to the text with the annotation still selected. Not here: links (LinkField.tsx).

import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Link } from '../../src/annotations/attribute-commands.js';
import type { Annotation } from '../../src/annotations/types.js';
import { suggestQuantity } from '../../src/facts/quantity-parse.js';
import { QUALIFIERS, type AttributeDef, type AttributeValue, type QuantityValue } from '../../src/labels/attributes.js';
import { attributeValueProblem, isQuantity } from '../../src/labels/attribute-values.js';
import { useSchema } from '../schema/schema-context.js';
import { describeQuantity, describeSuggestion, quantityDraft, quantityFromDraft, valueForLetter, type QuantityDraft } from './attribute-input.js';
import { LinkedFrom, LinkField } from './LinkField.js';

export interface AttributeFormProps {
  readonly annotation: Annotation;
  /** My layer (link targets come from it). */
  readonly layer: readonly Annotation[];
  /** The links pointing at this annotation. */
  readonly linkedFrom: readonly Link[];
  /** Changes when Enter in the text asks for the form: its first field takes focus. */
  readonly focusToken: number;
  /** The text last selected in the reader, for "fill from selection". */
  readonly selectionText: string | undefined;
  /** Stores a value (undefined clears); returns the problem when it cannot. */
  readonly onSet: (def: AttributeDef, value: AttributeValue | undefined) => string | undefined;
  readonly onBackToText: () => void;
  /** Selects another annotation and shows it (a link's target, or its source). */
  readonly onJump: (id: string) => void;
  /** A link field's candidate target, shown in the text while choosing; null when done. */
  readonly onPreview: (id: string | null) => void;
  /** While a link field is picking, a click on a span is offered to it (true: taken). */
  readonly onArmPick: (pick: ((id: string) => boolean) | null) => void;
}

export function AttributeForm(props: AttributeFormProps) {
  const { annotation, focusToken, onBackToText } = props;
  const schema = useSchema();
  const defs = schema.labels.find((l) => l.id === annotation.label)?.attributes ?? [];
  const rootRef = useRef<HTMLElement>(null);
  const asked = useRef(focusToken);
  useEffect(() => {
    if (focusToken !== asked.current) {
      const first = rootRef.current?.querySelector<HTMLElement>('[data-attr-field] input, [data-attr-field] select, [data-attr-field] [tabindex="0"]');
      first?.scrollIntoView({ block: 'nearest' });
      first?.focus();
    }
    asked.current = focusToken;
  }, [focusToken]);
  const [problems, setProblems] = useState<Readonly<Record<string, string>>>({});
  useEffect(() => setProblems({}), [annotation.id]);
  const set = (def: AttributeDef, value: AttributeValue | undefined): boolean => {
    const problem = props.onSet(def, value);
    setProblems((p) => {
      const { [def.id]: _old, ...rest } = p;
      return problem ? { ...rest, [def.id]: problem } : rest;
    });
    return problem === undefined;
  };
  const report = (def: AttributeDef, problem: string) => setProblems((p) => ({ ...p, [def.id]: problem }));

  return (
    <section
      ref={rootRef}
      className="attribute-form"
      aria-label="Attributes"
      data-testid="attribute-form"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        props.onArmPick(null);
        props.onPreview(null);
        // Blur first: a field saves what was typed as it loses focus, as the note does.
        (document.activeElement as HTMLElement | null)?.blur();
        onBackToText();
      }}
    >
      <h2>Attributes</h2>
      {defs.length === 0 ? <p className="empty-hint">This label has no attributes.</p> : null}
      {defs.map((def) => {
        const stored = annotation.attributes?.[def.id];
        const field = (() => {
          switch (def.type) {
            case 'quantity':
              return <QuantityField def={def} stored={stored && isQuantity(stored) ? stored : undefined} quote={annotation.quote} set={set} report={report} />;
            case 'choice':
              return <ChoiceField def={def} values={def.values ?? []} stored={stored} set={set} />;
            case 'boolean':
              return (
                <ChoiceField
                  def={def}
                  values={['yes', 'no']}
                  stored={stored === true ? 'yes' : stored === false ? 'no' : undefined}
                  set={(d, v) => set(d, v === undefined ? undefined : v === 'yes')}
                />
              );
            case 'text':
            case 'date':
              return (
                <TextField def={def} stored={typeof stored === 'string' ? stored : undefined} selectionText={props.selectionText} set={set} report={report} />
              );
            case 'link':
              return (
                <LinkField
                  def={def}
                  source={annotation}
                  layer={props.layer}
                  stored={typeof stored === 'string' ? stored : undefined}
                  set={set}
                  onJump={props.onJump}
                  onPreview={props.onPreview}
                  onArmPick={props.onArmPick}
                />
              );
          }
        })();
        return (
          <div key={`${annotation.id}:${def.id}`} className="attr-field" data-attr-field={def.id} data-testid={`attr-${def.id}`}>
            {field}
            {problems[def.id] ? (
              <p className="attr-problem" role="alert" data-testid={`attr-${def.id}-problem`}>
                {problems[def.id]}
              </p>
            ) : null}
          </div>
        );
      })}
      <LinkedFrom incoming={props.linkedFrom} onJump={props.onJump} />
    </section>
  );
}

/**
 * Keys a field handles itself must not reach the app's keys (tag, delete, step); Esc (back to the
 * text, handled by the form), F6 and shortcuts with Ctrl/⌘ (undo, zoom) go on.
 */
function keep(e: KeyboardEvent): void {
  if (e.key === 'Escape' || e.key === 'F6' || e.ctrlKey || e.metaKey) return;
  e.stopPropagation();
}

function FieldName({ def, htmlFor, children }: { def: AttributeDef; htmlFor?: string; children?: ReactNode }) {
  return (
    <span className="attr-name">
      {htmlFor ? <label htmlFor={htmlFor}>{def.name}</label> : def.name}
      {def.required ? <abbr title="required"> *</abbr> : null}
      {children}
    </span>
  );
}

function QuantityField({
  def,
  stored,
  quote,
  set,
  report,
}: {
  def: AttributeDef;
  stored: QuantityValue | undefined;
  quote: string;
  set: (def: AttributeDef, v: AttributeValue | undefined) => boolean;
  report: (def: AttributeDef, problem: string) => void;
}) {
  // A suggestion from the quote is shown in the fields but stored only when confirmed (Enter).
  const suggestion = stored ? undefined : suggestQuantity(quote);
  const initial = () => quantityDraft(stored ?? suggestion);
  const [draft, setDraft] = useState<QuantityDraft>(initial);
  const [dirty, setDirty] = useState(false);
  const storedKey = JSON.stringify(stored ?? null);
  useEffect(() => {
    setDraft(initial());
    setDirty(false);
  }, [storedKey]);
  const save = (d: QuantityDraft = draft): void => {
    const r = quantityFromDraft(d, def.name);
    if (!r.ok) return report(def, r.message);
    if (set(def, r.value)) setDirty(false);
  };
  const edit = (patch: Partial<QuantityDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setDirty(true);
  };
  const id = `attr-${def.id}`;
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    keep(e);
    if (e.key === 'Enter') {
      e.preventDefault();
      save();
    }
  };
  const suggested = suggestion !== undefined && !dirty;
  return (
    <div
      className={`quantity${suggested ? ' suggested' : ''}`}
      role="group"
      aria-label={def.name}
      onBlur={(e) => {
        if (dirty && !e.currentTarget.contains(e.relatedTarget)) save();
      }}
    >
      <FieldName def={def} htmlFor={`${id}-value`} />
      {draft.qualifier === 'range' ? (
        <span className="range">
          <input
            id={`${id}-value`}
            className="num"
            aria-label={`${def.name} minimum`}
            inputMode="numeric"
            value={draft.min}
            data-testid={`${id}-min`}
            onChange={(e) => edit({ min: e.target.value })}
            onKeyDown={onKey}
          />
          –
          <input
            className="num"
            aria-label={`${def.name} maximum`}
            inputMode="numeric"
            value={draft.max}
            data-testid={`${id}-max`}
            onChange={(e) => edit({ max: e.target.value })}
            onKeyDown={onKey}
          />
        </span>
      ) : (
        <input
          id={`${id}-value`}
          className="num"
          inputMode="numeric"
          value={draft.value}
          data-testid={`${id}-value`}
          onChange={(e) => edit({ value: e.target.value })}
          onKeyDown={onKey}
        />
      )}
      <select
        aria-label={`${def.name} qualifier`}
        value={draft.qualifier}
        data-testid={`${id}-qualifier`}
        onKeyDown={(e) => {
          keep(e);
          if (e.key === 'Enter') {
            e.preventDefault();
            save();
          }
        }}
        onChange={(e) => {
          const next = { ...draft, qualifier: e.target.value as QuantityDraft['qualifier'] };
          setDraft(next);
          setDirty(true);
        }}
      >
        {QUALIFIERS.map((q) => (
          <option key={q} value={q}>
            {q.replace('-', ' ')}
          </option>
        ))}
        <option value="range">range</option>
      </select>
      {suggested ? (
        <span className="attr-hint" data-testid={`${id}-suggestion`}>
          Suggested from the quote: {describeSuggestion(suggestion)} — <kbd>Enter</kbd> confirms
        </span>
      ) : stored ? (
        <span className="attr-hint" data-testid={`${id}-stored`}>
          {describeQuantity(stored)}
        </span>
      ) : null}
    </div>
  );
}

/** Single or multiple choice (and yes/no): a number or a first letter picks; Delete clears. */
function ChoiceField({
  def,
  values,
  stored,
  set,
}: {
  def: AttributeDef;
  values: readonly string[];
  stored: AttributeValue | undefined;
  set: (def: AttributeDef, v: string | readonly string[] | undefined) => boolean;
}) {
  const multiple = def.type === 'choice' && def.multiple === true;
  const picked: readonly string[] = Array.isArray(stored) ? stored : typeof stored === 'string' ? [stored] : [];
  const [active, setActive] = useState<string | undefined>(picked[0]);
  const choose = (v: string) => {
    setActive(v);
    if (!multiple) return v !== stored && set(def, v);
    // Kept in the schema's order, so a value never depends on the order it was picked in.
    const next = picked.includes(v) ? picked.filter((x) => x !== v) : values.filter((x) => x === v || picked.includes(x));
    return set(def, next.length > 0 ? next : undefined);
  };
  return (
    <div
      className="choice"
      role={multiple ? 'group' : 'radiogroup'}
      aria-label={`${def.name}: ${picked.length > 0 ? picked.join(', ') : 'not set'}. Numbers 1 to ${values.length} or a first letter ${multiple ? 'toggle' : 'pick'}; Delete clears.`}
      tabIndex={0}
      data-testid={`attr-${def.id}-choices`}
      onKeyDown={(e) => {
        if (e.ctrlKey || e.metaKey || e.altKey || e.key === 'Tab' || e.key === 'F6' || e.key === 'Escape') return;
        keep(e);
        if (e.key === 'Delete' || e.key === 'Backspace') {
          e.preventDefault();
          if (picked.length > 0) set(def, undefined);
          return;
        }
        if (/^[1-9]$/.test(e.key)) {
          e.preventDefault();
          const v = values[Number(e.key) - 1];
          if (v !== undefined) choose(v);
          return;
        }
        if ((e.key === ' ' || e.key === 'Enter') && active !== undefined) {
          e.preventDefault();
          choose(active);
          return;
        }
        if (e.key.length === 1 && /\p{L}/u.test(e.key)) {
          e.preventDefault();
          const v = valueForLetter(values, e.key, multiple ? active : typeof stored === 'string' ? stored : active);
          if (v !== undefined) choose(v);
        }
      }}
    >
      <FieldName def={def} />
      <span className="options">
        {values.map((v, i) => (
          <span
            key={v}
            role={multiple ? 'checkbox' : 'radio'}
            aria-checked={picked.includes(v)}
            className={`option${picked.includes(v) ? ' on' : ''}`}
            data-testid={`attr-${def.id}-${v.replace(/\s+/g, '-')}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={(e) => {
              e.currentTarget.closest<HTMLElement>('[tabindex]')?.focus();
              choose(v);
            }}
          >
            <kbd>{i + 1}</kbd> {v}
          </span>
        ))}
      </span>
    </div>
  );
}

/** Text and date: Enter or leaving the field saves; empty clears. */
function TextField({
  def,
  stored,
  selectionText,
  set,
  report,
}: {
  def: AttributeDef;
  stored: string | undefined;
  selectionText: string | undefined;
  set: (def: AttributeDef, v: string | undefined) => boolean;
  report: (def: AttributeDef, problem: string) => void;
}) {
  const [draft, setDraft] = useState(stored ?? '');
  useEffect(() => setDraft(stored ?? ''), [stored]);
  const save = (text: string = draft) => {
    const v = def.type === 'date' ? text.trim() : text;
    if (v === (stored ?? '')) return;
    if (v === '') return void set(def, undefined);
    if (def.type === 'date') {
      const problem = attributeValueProblem(def, v);
      if (problem) return report(def, `${def.name}: “${v}” ${problem.replace(/^must be/, 'is not')} (a real year, month or day).`);
    }
    set(def, v);
  };
  const id = `attr-${def.id}-input`;
  return (
    <>
      <FieldName def={def} htmlFor={id} />
      <input
        id={id}
        className={def.type === 'date' ? 'date' : 'text'}
        value={draft}
        maxLength={2000}
        placeholder={def.type === 'date' ? 'YYYY, YYYY-MM or YYYY-MM-DD' : ''}
        data-testid={id}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => save()}
        onKeyDown={(e) => {
          keep(e);
          if (e.key === 'Enter') {
            e.preventDefault();
            save();
          }
        }}
      />
      {def.type === 'text' && def.fillFromSelection ? (
        <button
          type="button"
          className="fill"
          disabled={!selectionText}
          title={selectionText ? `Fill with “${selectionText}”` : 'Select the words in the text first'}
          data-testid={`attr-${def.id}-fill`}
          onClick={() => {
            if (!selectionText) return;
            setDraft(selectionText);
            save(selectionText);
          }}
        >
          Fill from selection
        </button>
      ) : null}
    </>
  );
}
