// Agreement over a selection of documents: the same figures as on one document, pooled (counts,
// tables and coincidences summed, then the ratios computed once), for any two annotators.

import { useEffect, useMemo, useState } from 'react';
import { agreementForDocuments } from '../../src/review/agreement/report.js';
import type { Result } from '../../src/result.js';
import type { AgreementReport } from '../../src/review/agreement/report.js';
import type { Span } from '../../src/review/span.js';
import { loadLayers } from '../db/annotations-repo.js';
import type { SpanmarkDb } from '../db/db.js';
import { AgreementTable } from './AgreementTable.js';

interface Props {
  readonly db: SpanmarkDb;
  readonly me: string;
  readonly docIds: readonly string[];
  readonly onClose: () => void;
}

interface DocLayers {
  readonly text: string;
  readonly layers: ReadonlyMap<string, readonly Span[]>;
}

export function LibraryAgreement({ db, me, docIds, onClose }: Props) {
  const [docs, setDocs] = useState<DocLayers[] | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all(
      docIds.map(async (id) => {
        const loaded = await loadLayers(db, id);
        return { text: loaded.article?.text ?? '', layers: new Map([[me, loaded.own], ...loaded.others]) };
      }),
    ).then((d) => live && setDocs(d));
    return () => {
      live = false;
    };
  }, [db, docIds, me]);
  const names = useMemo(() => [...new Set((docs ?? []).flatMap((d) => [...d.layers.keys()]))], [docs]);
  const [a, setA] = useState(me);
  const [b, setB] = useState<string | null>(null);
  const bName = b ?? names.find((n) => n !== a) ?? a;
  const report: Result<AgreementReport> | null = useMemo(() => {
    if (!docs || a === bName) return null;
    return agreementForDocuments(
      docs.map((d) => ({
        text: d.text,
        a,
        b: bName,
        layers: names.map((n) => ({ annotator: n, spans: [...(d.layers.get(n) ?? [])] })),
      })),
    );
  }, [docs, a, bName, names]);

  return (
    <div className="dialog-backdrop" role="presentation" onMouseDown={onClose}>
      <div className="dialog wide" role="dialog" aria-modal="true" aria-label="Agreement" data-testid="library-agreement" onMouseDown={(e) => e.stopPropagation()}>
        <h2>Agreement over {docIds.length} document{docIds.length === 1 ? '' : 's'}</h2>
        {docs === null ? <p>Reading layers…</p> : null}
        {names.length < 2 && docs ? <p className="field-error">These documents have only one annotator’s layer: import a colleague’s export first.</p> : null}
        {names.length >= 2 ? (
          <div className="compare-pick">
            A
            <select value={a} onChange={(e) => setA(e.target.value)} data-testid="library-compare-a">
              {names.map((n) => <option key={n} value={n}>{n}</option>)}
            </select>
            B
            <select value={bName} onChange={(e) => setB(e.target.value)} data-testid="library-compare-b">
              {names.map((n) => <option key={n} value={n}>{n}</option>)}
            </select>
          </div>
        ) : null}
        {report ? report.ok ? <AgreementTable report={report.value} /> : <p className="field-error">{report.error.message}</p> : null}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>Close</button>
        </div>
      </div>
    </div>
  );
}
