// The label schema editor (Settings › Labels): add, rename, recolour and reorder labels and their
// attributes, set keys 1–9, edit choice values and link targets. Each change is one pure edit
// (src/labels/schema-edit.ts), stored before the editor says "Saved", and undoable (Undo or
// Ctrl/⌘+Z outside a text field) — an undo is itself a new version. A change that would destroy
// stored values (a label, attribute or choice value in use deleted, a type changed) is counted
// first (src/labels/schema-impact.ts) and applied only with a migration the analyst picks,
// written in the same transaction as the schema; colleagues' layers are never rewritten.

import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ATTRIBUTE_TYPES, type AttributeDef, type AttributeType } from '../../src/labels/attributes.js';
import { applySchemaEdit, type SchemaEdit } from '../../src/labels/schema-edit.js';
import {
  blockingItems,
  describeItem,
  impactKey,
  migrateLayer,
  migrationsFor,
  schemaChangeImpact,
  type ImpactItem,
  type Migration,
} from '../../src/labels/schema-impact.js';
import { HOTKEYS, type LabelDef, type LabelSchema } from '../../src/labels/schema.js';
import type { Annotation } from '../../src/annotations/types.js';
import type { SpanmarkDb } from '../db/db.js';
import { useSchema } from '../schema/schema-context.js';
import { Dialog } from '../ui/Dialog.js';
import { tabbable } from '../ui/use-focus-return.js';
import { LabelChip } from '../ui/LabelChip.js';
import { plural } from '../ui/format.js';
import { allAnnotations, saveSchemaAndLayer, type StoredLayerChange } from './schema-migration.js';

interface Props {
  readonly db: SpanmarkDb;
  /** My layer changed in these documents (a migration, or its undo): the open one reloads. */
  readonly onLayerChanged: (docIds: readonly string[]) => void;
  readonly onClose: () => void;
}

/** One step back: the schema before, and the layer records to restore. */
interface UndoEntry {
  readonly schema: LabelSchema;
  readonly restore: StoredLayerChange;
  readonly what: string;
}

interface PendingMigration {
  readonly next: LabelSchema;
  readonly what: string;
  readonly items: readonly ImpactItem[];
  readonly colleagues: number;
  readonly mine: readonly Annotation[];
  readonly impact: ReturnType<typeof schemaChangeImpact>;
}

const TYPE_NAMES: Readonly<Record<AttributeType, string>> = {
  quantity: 'Quantity',
  choice: 'Choice',
  text: 'Text',
  boolean: 'Yes / no',
  date: 'Date',
  link: 'Link to a span',
};

const DESTRUCTIVE = new Set<SchemaEdit['kind']>(['delete-label', 'delete-attribute', 'set-attribute-type', 'set-choice-values']);

export function SchemaEditor({ db, onLayerChanged, onClose }: Props) {
  const live = useSchema();
  // The schema as this editor last saved it: the live query may lag a write by a moment.
  const [schema, setSchema] = useState(live);
  useEffect(() => setSchema((s) => (live.version > s.version ? live : s)), [live]);
  const [undo, setUndo] = useState<readonly UndoEntry[]>([]);
  const [status, setStatus] = useState<string>('');
  const [error, setError] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<PendingMigration | null>(null);
  // The control that asked for a destructive change: focus goes back to it when the migration
  // question closes (or into the editor, when the change removed it).
  const returnTo = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (pending !== null || returnTo.current === null) return;
    const back = returnTo.current;
    returnTo.current = null;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (back.isConnected && !(back as HTMLButtonElement).disabled) back.focus();
    else if (lost) {
      const editor = document.querySelector('[data-testid="schema-editor"]');
      if (editor) tabbable(editor)[0]?.focus();
    }
  }, [pending]);

  const store = async (next: LabelSchema, change: StoredLayerChange, entry: UndoEntry | null, what: string): Promise<boolean> => {
    setBusy(true);
    setError('');
    try {
      const docs = await saveSchemaAndLayer(db, next, change);
      setSchema(next);
      if (entry) setUndo((u) => [...u, entry]);
      setStatus(`Saved: ${what} (schema version ${next.version}).`);
      if (docs.length > 0) onLayerChanged(docs);
      return true;
    } catch (e) {
      setError(`Not saved: ${e instanceof Error ? e.message : String(e)} Nothing was changed.`);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const run = async (edit: SchemaEdit, what: string): Promise<boolean> => {
    if (busy) return false;
    const r = applySchemaEdit(schema, edit);
    if (!r.ok) {
      setError(r.error);
      return false;
    }
    if (DESTRUCTIVE.has(edit.kind)) {
      const stored = await allAnnotations(db);
      const impact = schemaChangeImpact(schema, r.value, stored);
      const items = blockingItems(impact);
      if (items.length > 0) {
        setError('');
        returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        setPending({ next: r.value, what, items, colleagues: impact.colleagues, mine: stored.mine, impact });
        return false;
      }
    }
    return store(r.value, { put: [], remove: [] }, { schema, restore: { put: [], remove: [] }, what }, what);
  };

  const applyMigration = async (plans: ReadonlyMap<string, Migration>) => {
    if (!pending) return;
    const m = migrateLayer(pending.mine, pending.impact, pending.next, plans);
    if (!m.ok) {
      setError(m.error);
      return;
    }
    // Undo puts back every changed or deleted annotation as it was, and drops nothing else.
    const entry: UndoEntry = { schema, restore: { put: m.change.before, remove: [] }, what: pending.what };
    if (
      await store(
        pending.next,
        { put: m.change.put, remove: m.change.remove },
        entry,
        `${pending.what}, ${plural(m.change.before.length, 'annotation')} migrated`,
      )
    ) {
      setPending(null);
    }
  };

  const undoLast = async () => {
    const last = undo[undo.length - 1];
    if (!last || busy) return;
    // An undo is a new version with the old content: versions only ever grow.
    const back: LabelSchema = { ...last.schema, version: schema.version + 1 };
    if (await store(back, last.restore, null, `undid ${last.what}`)) setUndo((u) => u.slice(0, -1));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const t = e.target as HTMLElement;
    const inField = t.closest('input[type="text"], input:not([type]), textarea') !== null;
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z' && !inField) {
      e.preventDefault();
      e.stopPropagation();
      void undoLast();
    } else if (e.key === 'Escape' && pending !== null) {
      // Escape backs out one step: the migration question first, the editor after.
      e.preventDefault();
      setPending(null);
    }
  };

  return (
    <Dialog
      title="Labels and attributes"
      className="wide schema-editor"
      testId="schema-editor"
      onCancel={onClose}
      onKeyDown={onKeyDown}
      passAppKeys
      actions={
        <button type="button" onClick={onClose} data-testid="schema-close">
          Close
        </button>
      }
    >
      <p className="meta">
        Schema version <span data-testid="schema-version">{schema.version}</span>. Every change is saved at once; Undo (or Ctrl+Z) takes it back.
      </p>
      <div className="schema-status-line">
        <span role="status" data-testid="schema-status">
          {busy ? 'Saving…' : status}
        </span>
        <button type="button" onClick={() => void undoLast()} disabled={undo.length === 0 || busy} data-testid="schema-undo">
          Undo{undo.length > 0 ? ` ${undo[undo.length - 1]!.what}` : ''}
        </button>
      </div>
      {error ? (
        <p className="field-error" role="alert" data-testid="schema-error">
          {error}
        </p>
      ) : null}
      {pending ? (
        <MigrationPanel pending={pending} schema={pending.next} onApply={(p) => void applyMigration(p)} onCancel={() => setPending(null)} busy={busy} />
      ) : null}
      <ol className="schema-labels">
        {schema.labels.map((l, i) => (
          <LabelRow key={l.id} label={l} index={i} schema={schema} run={run} disabled={busy || pending !== null} />
        ))}
      </ol>
      <AddLabel schema={schema} run={run} disabled={busy || pending !== null} />
    </Dialog>
  );
}

type Run = (edit: SchemaEdit, what: string) => Promise<boolean>;

function KeySelect({
  value,
  onChange,
  testId,
  label,
}: {
  value: string | undefined;
  onChange: (k: string | undefined) => void;
  testId: string;
  label: string;
}) {
  return (
    <select value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} data-testid={testId} aria-label={label}>
      <option value="">no key</option>
      {HOTKEYS.map((k) => (
        <option key={k} value={k}>
          {k}
        </option>
      ))}
    </select>
  );
}

function LabelRow({ label: l, index, schema, run, disabled }: { label: LabelDef; index: number; schema: LabelSchema; run: Run; disabled: boolean }) {
  const [name, setName] = useState(l.name);
  useEffect(() => setName(l.name), [l.name]);
  const rename = () => {
    if (name.trim() !== l.name) void run({ kind: 'rename-label', label: l.id, name }, `renamed ${l.name}`).then((done) => done || setName(l.name));
  };
  return (
    <li className="schema-label" data-testid={`schema-label-${l.id}`}>
      <div className="schema-label-head">
        <LabelChip label={l.id} />
        <input
          value={name}
          aria-label={`Name of ${l.name}`}
          maxLength={120}
          onChange={(e) => setName(e.target.value)}
          onBlur={rename}
          onKeyDown={(e) => e.key === 'Enter' && rename()}
          data-testid={`schema-name-${l.id}`}
          disabled={disabled}
        />
        <input
          type="color"
          value={/^#[0-9a-f]{6}$/i.test(l.color) ? l.color : '#888888'}
          aria-label={`Colour of ${l.name}`}
          onChange={(e) => void run({ kind: 'recolor-label', label: l.id, color: e.target.value }, `recoloured ${l.name}`)}
          data-testid={`schema-color-${l.id}`}
          disabled={disabled}
        />
        <KeySelect
          value={l.hotkey}
          label={`Key of ${l.name}`}
          testId={`schema-key-${l.id}`}
          onChange={(k) => void run({ kind: 'set-hotkey', label: l.id, hotkey: k }, `key of ${l.name}`)}
        />
        <button
          type="button"
          aria-label={`Move ${l.name} up`}
          disabled={disabled || index === 0}
          onClick={() => void run({ kind: 'move-label', label: l.id, to: index - 1 }, `moved ${l.name}`)}
          data-testid={`schema-up-${l.id}`}
        >
          ↑
        </button>
        <button
          type="button"
          aria-label={`Move ${l.name} down`}
          disabled={disabled || index === schema.labels.length - 1}
          onClick={() => void run({ kind: 'move-label', label: l.id, to: index + 1 }, `moved ${l.name}`)}
          data-testid={`schema-down-${l.id}`}
        >
          ↓
        </button>
        <button
          type="button"
          className="danger"
          disabled={disabled}
          onClick={() => void run({ kind: 'delete-label', label: l.id }, `deleted ${l.name}`)}
          data-testid={`schema-delete-${l.id}`}
        >
          Delete…
        </button>
      </div>
      <ul className="schema-attributes">
        {l.attributes.map((a, j) => (
          <AttributeRow key={a.id} label={l} attribute={a} index={j} schema={schema} run={run} disabled={disabled} />
        ))}
      </ul>
      <AddAttribute label={l} schema={schema} run={run} disabled={disabled} />
    </li>
  );
}

function AttributeRow({
  label: l,
  attribute: a,
  index,
  schema,
  run,
  disabled,
}: {
  label: LabelDef;
  attribute: AttributeDef;
  index: number;
  schema: LabelSchema;
  run: Run;
  disabled: boolean;
}) {
  const [name, setName] = useState(a.name);
  const [values, setValues] = useState((a.values ?? []).join('\n'));
  useEffect(() => setName(a.name), [a.name]);
  useEffect(() => setValues((a.values ?? []).join('\n')), [a.values]);
  const id = `${l.id}-${a.id}`;
  const rename = () => {
    if (name.trim() !== a.name)
      void run({ kind: 'rename-attribute', label: l.id, attribute: a.id, name }, `renamed ${a.name}`).then((done) => done || setName(a.name));
  };
  return (
    <li className="schema-attribute" data-testid={`schema-attr-${id}`}>
      <input
        value={name}
        aria-label={`Name of ${l.name} › ${a.name}`}
        onChange={(e) => setName(e.target.value)}
        onBlur={rename}
        onKeyDown={(e) => e.key === 'Enter' && rename()}
        disabled={disabled}
        data-testid={`schema-attr-name-${id}`}
      />
      <select
        value={a.type}
        aria-label={`Type of ${a.name}`}
        disabled={disabled}
        onChange={(e) => void run({ kind: 'set-attribute-type', label: l.id, attribute: a.id, type: e.target.value as AttributeType }, `type of ${a.name}`)}
        data-testid={`schema-attr-type-${id}`}
      >
        {ATTRIBUTE_TYPES.map((t) => (
          <option key={t} value={t}>
            {TYPE_NAMES[t]}
          </option>
        ))}
      </select>
      {a.type === 'link' ? (
        <span className="meta"> → {(a.targets ?? []).map((t) => schema.labels.find((x) => x.id === t)?.name ?? t).join(', ') || 'any label'}</span>
      ) : null}
      <button
        type="button"
        aria-label={`Move ${a.name} up`}
        disabled={disabled || index === 0}
        onClick={() => void run({ kind: 'move-attribute', label: l.id, attribute: a.id, to: index - 1 }, `moved ${a.name}`)}
      >
        ↑
      </button>
      <button
        type="button"
        aria-label={`Move ${a.name} down`}
        disabled={disabled || index === l.attributes.length - 1}
        onClick={() => void run({ kind: 'move-attribute', label: l.id, attribute: a.id, to: index + 1 }, `moved ${a.name}`)}
      >
        ↓
      </button>
      <button
        type="button"
        className="danger"
        disabled={disabled}
        onClick={() => void run({ kind: 'delete-attribute', label: l.id, attribute: a.id }, `deleted ${a.name}`)}
        data-testid={`schema-attr-delete-${id}`}
      >
        Delete…
      </button>
      {a.type === 'choice' ? (
        <label className="schema-values">
          Values, one per line
          <textarea
            value={values}
            rows={Math.min(6, Math.max(2, (a.values ?? []).length))}
            onChange={(e) => setValues(e.target.value)}
            disabled={disabled}
            data-testid={`schema-values-${id}`}
          />
          <button
            type="button"
            disabled={disabled}
            onClick={() =>
              void run(
                { kind: 'set-choice-values', label: l.id, attribute: a.id, values: values.split('\n').filter((v) => v.trim() !== '') },
                `values of ${a.name}`,
              )
            }
            data-testid={`schema-values-apply-${id}`}
          >
            Apply values
          </button>
        </label>
      ) : null}
    </li>
  );
}

function AddAttribute({ label: l, schema, run, disabled }: { label: LabelDef; schema: LabelSchema; run: Run; disabled: boolean }) {
  const [name, setName] = useState('');
  const [type, setType] = useState<AttributeType>('text');
  const [values, setValues] = useState('');
  const [targets, setTargets] = useState<readonly string[]>([]);
  const add = async () => {
    const done = await run(
      { kind: 'add-attribute', label: l.id, name, type, values: values.split('\n').filter((v) => v.trim() !== ''), targets },
      `added ${name.trim()} to ${l.name}`,
    );
    if (done) {
      setName('');
      setValues('');
      setTargets([]);
    }
  };
  return (
    <div className="schema-add-attribute">
      <input
        value={name}
        placeholder="New attribute"
        aria-label={`New attribute of ${l.name}`}
        onChange={(e) => setName(e.target.value)}
        disabled={disabled}
        data-testid={`schema-new-attr-name-${l.id}`}
      />
      <select
        value={type}
        onChange={(e) => setType(e.target.value as AttributeType)}
        aria-label="Type"
        disabled={disabled}
        data-testid={`schema-new-attr-type-${l.id}`}
      >
        {ATTRIBUTE_TYPES.map((t) => (
          <option key={t} value={t}>
            {TYPE_NAMES[t]}
          </option>
        ))}
      </select>
      {type === 'choice' ? (
        <textarea
          value={values}
          placeholder="Values, one per line"
          aria-label="Values, one per line"
          onChange={(e) => setValues(e.target.value)}
          data-testid={`schema-new-attr-values-${l.id}`}
        />
      ) : null}
      {type === 'link' ? (
        <span className="schema-targets" role="group" aria-label="May link to">
          May link to:{' '}
          {schema.labels.map((t) => (
            <label key={t.id} className="choice">
              <input
                type="checkbox"
                checked={targets.includes(t.id)}
                onChange={(e) => setTargets((xs) => (e.target.checked ? [...xs, t.id] : xs.filter((x) => x !== t.id)))}
                data-testid={`schema-new-attr-target-${l.id}-${t.id}`}
              />
              {t.name}
            </label>
          ))}
        </span>
      ) : null}
      <button type="button" onClick={() => void add()} disabled={disabled} data-testid={`schema-new-attr-add-${l.id}`}>
        Add attribute
      </button>
    </div>
  );
}

function AddLabel({ schema, run, disabled }: { schema: LabelSchema; run: Run; disabled: boolean }) {
  const [name, setName] = useState('');
  const free = HOTKEYS.find((k) => !schema.labels.some((l) => l.hotkey === k));
  const [key, setKey] = useState<string | undefined>(free);
  useEffect(() => setKey(free), [free]);
  const add = async () => {
    if (await run({ kind: 'add-label', name, ...(key === undefined ? {} : { hotkey: key }) }, `added ${name.trim()}`)) setName('');
  };
  return (
    <div className="schema-add-label">
      <input
        value={name}
        placeholder="New label"
        aria-label="New label"
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && void add()}
        disabled={disabled}
        data-testid="schema-new-label-name"
      />
      <KeySelect value={key} onChange={setKey} testId="schema-new-label-key" label="Key of the new label" />
      <button type="button" onClick={() => void add()} disabled={disabled} data-testid="schema-new-label-add">
        Add label
      </button>
    </div>
  );
}

function MigrationPanel({
  pending,
  schema,
  onApply,
  onCancel,
  busy,
}: {
  pending: PendingMigration;
  schema: LabelSchema;
  onApply: (plans: ReadonlyMap<string, Migration>) => void;
  onCancel: () => void;
  busy: boolean;
}) {
  const [choices, setChoices] = useState<ReadonlyMap<string, string>>(new Map());
  // The question takes focus: the button that asked is disabled while it is open.
  const box = useRef<HTMLElement>(null);
  useEffect(() => {
    if (box.current) tabbable(box.current)[0]?.focus();
  }, []);
  const plans = new Map<string, Migration>();
  for (const item of pending.items) {
    if (item.mine.length === 0) continue;
    const c = choices.get(impactKey(item));
    if (c === undefined || c === '') continue;
    const [kind, arg = ''] = [c.slice(0, c.indexOf(':') < 0 ? c.length : c.indexOf(':')), c.indexOf(':') < 0 ? '' : c.slice(c.indexOf(':') + 1)];
    if (kind === 'reassign-label') plans.set(impactKey(item), { kind, to: arg });
    else if (kind === 'reassign-value') plans.set(impactKey(item), { kind, to: arg });
    else if (kind === 'delete-annotations' || kind === 'remove-values') plans.set(impactKey(item), { kind });
  }
  const mineCount = new Set(pending.items.flatMap((i) => i.mine)).size;
  const complete = pending.items.every((i) => i.mine.length === 0 || plans.has(impactKey(i)));
  return (
    <section ref={box} className="schema-migration" data-testid="schema-migration" role="alertdialog" aria-label="This change affects stored annotations">
      <h3>
        “{pending.what}” affects {plural(mineCount, 'annotation')} of yours
        {pending.colleagues > 0 ? ` and ${plural(pending.colleagues, 'annotation')} in colleagues’ layers` : ''}
      </h3>
      {pending.colleagues > 0 ? (
        <p className="meta" data-testid="migration-colleagues">
          Colleagues’ layers are theirs and stay as they are: their {plural(pending.colleagues, 'annotation')} keep the old label or value, shown as not in this
          schema in review.
        </p>
      ) : null}
      <ol>
        {pending.items.map((item, i) => {
          const options = migrationsFor(item, schema);
          const attr = schema.labels.find((l) => l.id === item.label)?.attributes.find((a) => a.id === item.attribute);
          return (
            <li key={impactKey(item)}>
              {describeItem(item)}: {plural(item.mine.length, 'annotation')} of yours
              {item.colleagues > 0 ? `, ${item.colleagues} of colleagues’` : ''}
              {item.mine.length > 0 ? (
                <select
                  value={choices.get(impactKey(item)) ?? ''}
                  onChange={(e) => setChoices((m) => new Map(m).set(impactKey(item), e.target.value))}
                  aria-label={`What happens to them: ${describeItem(item)}`}
                  data-testid={`migration-${i}`}
                >
                  <option value="">Choose…</option>
                  {options.includes('reassign-label')
                    ? schema.labels.map((l) => (
                        <option key={l.id} value={`reassign-label:${l.id}`}>
                          Make them {l.name} (attributes {l.name} lacks are removed)
                        </option>
                      ))
                    : null}
                  {options.includes('delete-annotations') ? <option value="delete-annotations">Delete these annotations</option> : null}
                  {options.includes('reassign-value')
                    ? (attr?.values ?? []).map((v) => (
                        <option key={v} value={`reassign-value:${v}`}>
                          Change the value to “{v}”
                        </option>
                      ))
                    : null}
                  {options.includes('remove-values') ? <option value="remove-values">Remove the value</option> : null}
                </select>
              ) : null}
            </li>
          );
        })}
      </ol>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} data-testid="migration-cancel">
          Cancel (change nothing)
        </button>
        <button type="button" className="primary" disabled={!complete || busy} onClick={() => onApply(plans)} data-testid="migration-apply">
          Apply the change and migrate
        </button>
      </div>
    </section>
  );
}
