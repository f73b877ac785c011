import { ORIGIN_LABELS, originOf, type User } from '@/api/users.ts';

/** Downloads exactly the rows given (the rows in view, after search and filter). The CSV code loads only when used. */
export async function exportAccountsCsv(rows: readonly User[], filename: string): Promise<void> {
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
}
