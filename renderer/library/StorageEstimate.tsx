// The library's storage line (used / available) and, from 80 % on, a warning saying what to do
// before the quota runs out. Estimated again whenever the library's rows change (an import,
// a deletion), since that is when the figure moves.

import { useEffect, useState } from 'react';
import { storageReport, type StorageReport } from '../../src/corpus/storage-estimate.js';
import { estimateStorage } from './storage-estimate.js';

export function StorageEstimate({ version }: { readonly version: unknown }) {
  const [report, setReport] = useState<StorageReport | null>(null);
  useEffect(() => {
    let live = true;
    void estimateStorage().then((e) => {
      if (live) setReport(storageReport(e));
    });
    return () => {
      live = false;
    };
  }, [version]);
  if (!report) return null;
  return (
    <div className="library-storage" data-level={report.level}>
      <span data-testid="storage-estimate">{report.text}</span>
      {report.warning ? (
        <p role="alert" className="storage-warning" data-testid="storage-warning">
          {report.warning}
        </p>
      ) : null}
    </div>
  );
}
