import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PROGRESSIVE_FROM } from '@/lib/sorted-order.ts';
import { useListRows } from './use-list-rows.ts';

interface Row {
  id: string;
  team: string;
}
const sortValue = (row: Row, column: string) => (column === 'team' ? row.team : row.id);
const fields = (row: Row) => [row.id, row.team];
const isOps = (row: Row) => row.team === 'ops';

const few: Row[] = [
  { id: 'carol', team: 'ops' },
  { id: 'alice', team: 'dev' },
  { id: 'Bob', team: 'ops' },
];

describe('useListRows', () => {
  it('searches, filters and sorts, both ways', () => {
    const { result, rerender } = renderHook((props: Parameters<typeof useListRows<Row>>[0]) => useListRows(props), {
      initialProps: { rows: few, sort: { column: 'id', direction: 'asc' }, sortValue, query: '', fields },
    });
    expect(result.current.visible.map((r) => r.id)).toEqual(['alice', 'Bob', 'carol']);
    expect(result.current.sorting).toBe(false);
    rerender({ rows: few, sort: { column: 'id', direction: 'desc' }, sortValue, query: '', fields, keep: isOps });
    expect(result.current.visible.map((r) => r.id)).toEqual(['carol', 'Bob']);
    rerender({ rows: few, sort: undefined, sortValue, query: 'o', fields });
    expect(result.current.visible.map((r) => r.id)).toEqual(['carol', 'Bob']);
  });

  it('shows a long list’s first rows in order at once and says it is sorting until the rest are', async () => {
    const rows = Array.from({ length: PROGRESSIVE_FROM + 1000 }, (_, i) => ({
      id: `user-${(i * 7919) % (PROGRESSIVE_FROM + 1000)}`,
      team: i % 2 ? 'ops' : 'dev',
    }));
    const { result } = renderHook(() =>
      useListRows({ rows, sort: { column: 'id', direction: 'asc' }, sortValue, query: '', fields }),
    );
    expect(result.current.sorting).toBe(true);
    expect(result.current.visible.slice(0, 3).map((r) => r.id)).toEqual(['user-0', 'user-1', 'user-2']);
    await waitFor(() => expect(result.current.sorting).toBe(false), { timeout: 10_000 });
    expect(result.current.visible).toHaveLength(rows.length);
    expect(result.current.visible.at(-1)?.id).toBe(`user-${PROGRESSIVE_FROM + 999}`);
  });
});
