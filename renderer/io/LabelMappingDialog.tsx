// On importing another tool's file: its labels the schema has no label for (by id or name), each
// mapped to an existing label, added as a new one, or skipped (its spans not imported). The
// choice is remembered for the format by the caller. Excluded: renaming a label while adding it.

import { useState } from 'react';
import type { FileLabel, LabelDecision } from '../../src/codecs/registry/label-mapping.js';
import type { LabelSchema } from '../../src/labels/schema.js';
import { Dialog } from '../ui/Dialog.js';

interface Props {
  readonly formatName: string;
  readonly labels: readonly FileLabel[];
  readonly schema: LabelSchema;
  /** null: import nothing. */
  readonly onDone: (decisions: Record<string, LabelDecision> | null) => void;
}

const decode = (v: string): LabelDecision => (v.startsWith('map:') ? { kind: 'map', to: v.slice(4) } : v === 'skip' ? { kind: 'skip' } : { kind: 'add' });

export function LabelMappingDialog({ formatName, labels, schema, onDone }: Props) {
  const [choice, setChoice] = useState<Record<string, string>>(() => Object.fromEntries(labels.map((l) => [l.id, 'add'])));
  return (
    <Dialog
      title="Labels your schema does not have"
      testId="label-mapping-dialog"
      onCancel={() => onDone(null)}
      actions={
        <>
          <button type="button" onClick={() => onDone(null)} data-testid="label-mapping-cancel">
            Import nothing
          </button>
          <button
            type="button"
            onClick={() => onDone(Object.fromEntries(labels.map((l) => [l.id, decode(choice[l.id] ?? 'add')])))}
            data-testid="label-mapping-ok"
          >
            Import
          </button>
        </>
      }
    >
      <p>
        This {formatName} file uses {labels.length === 1 ? 'a label' : 'labels'} your library has no label for. Choose for each; the choice is remembered for{' '}
        {formatName} files.
      </p>
      <table>
        <tbody>
          {labels.map((l) => (
            <tr key={l.id}>
              <th scope="row">{l.name}</th>
              <td>
                <select
                  aria-label={`What to do with “${l.name}”`}
                  data-testid={`label-mapping-${l.id}`}
                  value={choice[l.id] ?? 'add'}
                  onChange={(e) => setChoice((c) => ({ ...c, [l.id]: e.target.value }))}
                >
                  <option value="add">Add as a new label</option>
                  {schema.labels.map((s) => (
                    <option key={s.id} value={`map:${s.id}`}>
                      Map to {s.name}
                    </option>
                  ))}
                  <option value="skip">Skip its annotations</option>
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
