// File › Export as…: pick one of the registry's formats, see what it cannot carry for this
// document (the codec's loss report) before anything is written, then export, optionally with the
// report saved beside the files. Formats and their names come from the registry only. Excluded:
// exporting the whole library or colleague layers in another format (Spanmark's own export does).

import { useMemo, useState } from 'react';
import type { AnyFormatCodec, InterchangeDocument, Loss } from '../../src/codecs/registry/format.js';
import type { LabelSchema } from '../../src/labels/schema.js';
import { Dialog } from '../ui/Dialog.js';
import { formatCount } from '../ui/format.js';

interface Props {
  readonly formats: readonly AnyFormatCodec[];
  readonly documents: readonly InterchangeDocument[];
  readonly schema: LabelSchema;
  readonly onExport: (codec: AnyFormatCodec, withReport: boolean) => void;
  readonly onClose: () => void;
}

export function ExportFormatDialog({ formats, documents, schema, onExport, onClose }: Props) {
  const [formatId, setFormatId] = useState(formats[0]?.id ?? '');
  const [withReport, setWithReport] = useState(false);
  const codec = formats.find((f) => f.id === formatId);
  const losses = useMemo<readonly Loss[] | string>(() => {
    if (!codec) return [];
    try {
      return codec.losses(documents, schema);
    } catch (e) {
      return `${codec.name} cannot tell what it would lose: ${e instanceof Error ? e.message : String(e)}`;
    }
  }, [codec, documents, schema]);
  const annotations = documents.reduce((n, d) => n + d.annotations.length, 0);
  return (
    <Dialog
      title="Export as…"
      testId="export-as-dialog"
      onCancel={onClose}
      actions={
        <>
          <button type="button" onClick={onClose} data-testid="export-as-cancel">
            Cancel
          </button>
          <button
            type="button"
            disabled={!codec || typeof losses === 'string'}
            onClick={() => codec && onExport(codec, withReport)}
            data-testid="export-as-save"
          >
            Export
          </button>
        </>
      }
    >
      <label>
        Format{' '}
        <select value={formatId} onChange={(e) => setFormatId(e.target.value)} data-testid="export-as-format">
          {formats.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </label>
      <div data-testid="export-as-losses" role="status">
        {typeof losses === 'string' ? (
          <p className="error">{losses}</p>
        ) : losses.length === 0 ? (
          <p>
            Nothing is lost: {annotations} {annotations === 1 ? 'annotation' : 'annotations'} written as they are.
          </p>
        ) : (
          <>
            <p>{codec?.name} cannot carry everything in this document. Left out:</p>
            <ul>
              {losses.map((l) => (
                <li key={l.what} data-testid="export-as-loss">
                  {formatCount(l.count)} × {l.what}
                  {l.examples.length > 0 ? `, e.g. ${l.examples.join('; ')}` : ''}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <label>
        <input type="checkbox" checked={withReport} onChange={(e) => setWithReport(e.target.checked)} data-testid="export-as-report" /> Save the report too
      </label>
    </Dialog>
  );
}
