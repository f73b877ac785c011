import { useState } from 'react';
import { ORIGIN_LABELS, originOf, type User } from '@/api/users.ts';

/** Exports exactly the rows in view (after search and filter). The CSV code loads only when used. */
export function ExportCsvButton({ rows, filename }: { rows: readonly User[]; filename: string }) {
  const [busy, setBusy] = useState(false);
  const exportRows = async () => {
    setBusy(true);
    try {
      const { toCsv, downloadCsv } = await import('@/lib/csv.ts');
      const csv = toCsv(
        [
          { header: 'uid', value: (u: User) => u.uid },
          { header: 'description', value: (u: User) => u.description },
          { header: 'origin', value: (u: User) => ORIGIN_LABELS[originOf(u)] },
          { header: 'provider_id', value: (u: User) => u.provider_id ?? '' },
        ],
        rows,
      );
      downloadCsv(filename, csv);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="btn" onClick={() => void exportRows()} disabled={busy || rows.length === 0}>
      Export CSV ({rows.length})
    </button>
  );
}
