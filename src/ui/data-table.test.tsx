import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { DataTable, type Column } from './data-table.tsx';
import { RowLink } from './data-table-row.tsx';
import { DENSITY_STORAGE_KEY, setDensity } from './list-density.ts';

interface Row {
  id: string;
  name: string;
}
const rows: Row[] = Array.from({ length: 10_000 }, (_, i) => ({
  id: `user-${String(i).padStart(5, '0')}`,
  name: `Name ${i}`,
}));
const columns: Column<Row>[] = [
  { id: 'id', header: 'ID', sortable: true, cell: (r) => r.id },
  { id: 'name', header: 'Name', cell: (r) => r.name },
];

// jsdom has no layout: give the scroll container a height so the virtualizer has a viewport.
function withViewport() {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(440);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(440);
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({
    x: 0,
    y: 0,
    top: 0,
    left: 0,
    bottom: 440,
    right: 800,
    width: 800,
    height: 440,
    toJSON: () => ({}),
  });
}

function Harness({ onOpen }: { onOpen: (row: Row) => void }) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  return (
    <DataTable
      label="People"
      rows={rows}
      columns={columns}
      getRowId={(r) => r.id}
      onOpen={onOpen}
      selection={{ selected, onChange: setSelected }}
      empty="None"
    />
  );
}

describe('DataTable', () => {
  it('renders only the visible rows of 10,000, and says how many there are', () => {
    withViewport();
    render(<Harness onOpen={() => undefined} />);
    const grid = screen.getByRole('grid', { name: 'People' });
    expect(grid).toHaveAttribute('aria-rowcount', '10001');
    const rendered = within(grid).getAllByRole('row').length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(40);
  });

  it('moves with the arrow keys and End, and opens with Enter', async () => {
    withViewport();
    const onOpen = vi.fn();
    const user = userEvent.setup();
    render(<Harness onOpen={onOpen} />);
    const first = screen.getAllByRole('row')[1];
    first?.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toHaveAttribute('aria-rowindex', '4');
    await user.keyboard('{Enter}');
    expect(onOpen).toHaveBeenCalledWith(rows[2]);
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}');
    expect(document.activeElement).toHaveAttribute('aria-rowindex', '2');
  });

  it('selects with Space and a range with shift-click', async () => {
    withViewport();
    const user = userEvent.setup();
    render(<Harness onOpen={() => undefined} />);
    await user.click(screen.getByRole('checkbox', { name: 'Select user-00001' }));
    await user.keyboard('{Shift>}');
    await user.click(screen.getByRole('checkbox', { name: 'Select user-00004' }));
    await user.keyboard('{/Shift}');
    const checked = screen.getAllByRole('checkbox', { checked: true }).map((c) => c.getAttribute('aria-label'));
    expect(checked).toEqual(['Select user-00001', 'Select user-00002', 'Select user-00003', 'Select user-00004']);
    expect(screen.getByRole('checkbox', { name: 'Select all 10000 rows' })).toBePartiallyChecked();
  });

  it('selects from the keyboard: Space toggles the focused row, Shift+Space selects the range from the last one', async () => {
    withViewport();
    const user = userEvent.setup();
    render(<Harness onOpen={() => undefined} />);
    const checked = () => screen.getAllByRole('checkbox', { checked: true }).map((c) => c.getAttribute('aria-label'));
    screen.getAllByRole('row')[2]?.focus();
    await user.keyboard(' ');
    expect(checked()).toEqual(['Select user-00001']);
    await user.keyboard('{ArrowDown}{ArrowDown}{Shift>} {/Shift}');
    expect(checked()).toEqual(['Select user-00001', 'Select user-00002', 'Select user-00003']);
    expect(document.activeElement).toHaveAttribute('aria-rowindex', '5');
    await user.keyboard(' ');
    expect(checked()).toEqual(['Select user-00001', 'Select user-00002']);
    expect(screen.getByRole('checkbox', { name: 'Select all 10000 rows' })).toBePartiallyChecked();
  });

  it('does not render unchanged rows again when the table re-renders (a keystroke in a search box, a selection)', async () => {
    withViewport();
    const cell = vi.fn((r: Row) => r.name);
    const spied: Column<Row>[] = [
      { id: 'id', header: 'ID', cell: (r) => r.id },
      { id: 'name', header: 'Name', cell },
    ];
    function Spied() {
      const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
      // New getRowId and selection objects on every render, as the pages pass them.
      return (
        <DataTable
          label="People"
          rows={rows}
          columns={spied}
          getRowId={(r) => r.id}
          selection={{ selected, onChange: setSelected }}
          empty="None"
        />
      );
    }
    render(<Spied />);
    const grid = screen.getByRole('grid', { name: 'People' });
    // Each row rendered once on mount: the body's height, measured after the first render, may drop a few rows
    // rendered for its estimated height, but renders none again.
    const mounted = cell.mock.calls.map(([r]) => r.id);
    expect(new Set(mounted).size).toBe(mounted.length);
    expect(mounted.length).toBeGreaterThanOrEqual(within(grid).getAllByRole('row').length - 1);
    await userEvent.click(within(grid).getByRole('checkbox', { name: 'Select user-00002' }));
    expect(within(grid).getByRole('checkbox', { name: 'Select user-00002' })).toBeChecked();
    // Only the row whose selection changed rendered again.
    expect(cell).toHaveBeenCalledTimes(mounted.length + 1);
  });

  it('opens the row when its RowLink is clicked plainly, and leaves a modified click to the browser', () => {
    withViewport();
    const onOpen = vi.fn();
    const linked: Column<Row>[] = [
      { id: 'id', header: 'ID', cell: (r) => <RowLink href={`/people/${r.id}`}>{r.id}</RowLink> },
    ];
    render(
      <DataTable label="People" rows={rows} columns={linked} getRowId={(r) => r.id} onOpen={onOpen} empty="None" />,
    );
    const link = screen.getByRole('link', { name: 'user-00001' });
    expect(link).toHaveAttribute('href', '/people/user-00001');
    // fireEvent-style dispatch: the return value says whether the default (following the href) was prevented.
    expect(link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true }))).toBe(true);
    expect(onOpen).not.toHaveBeenCalled();
    expect(link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }))).toBe(false);
    expect(onOpen).toHaveBeenCalledExactlyOnceWith(rows[1]);
  });

  it('draws compact rows when the user picks that density, and remembers the choice', () => {
    withViewport();
    render(<Harness onOpen={() => undefined} />);
    const grid = screen.getByRole('grid', { name: 'People' });
    const heights = () =>
      within(grid)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.style.height);
    expect(new Set(heights())).toEqual(new Set(['44px']));
    const comfortableRows = heights().length;

    act(() => setDensity('compact'));
    expect(grid).toHaveAttribute('data-density', 'compact');
    expect(new Set(heights())).toEqual(new Set(['32px']));
    // The virtualizer places rows by the same height: the second row starts 32 px down, and more rows fit.
    expect(within(grid).getAllByRole('row')[2]?.style.transform).toBe('translateY(32px)');
    expect(heights().length).toBeGreaterThan(comfortableRows);
    expect(localStorage.getItem(DENSITY_STORAGE_KEY)).toBe('compact');

    act(() => setDensity('comfortable'));
    expect(new Set(heights())).toEqual(new Set(['44px']));
    expect(localStorage.getItem(DENSITY_STORAGE_KEY)).toBeNull();
  });

  it('keeps each column at its minimum width, so a narrow screen scrolls the grid sideways instead of clipping it', () => {
    withViewport();
    const wide: Column<Row>[] = [
      { id: 'id', header: 'ID', width: 'minmax(12rem, 1fr)', cell: (r) => r.id },
      { id: 'name', header: 'Name', width: '7rem', cell: (r) => r.name },
    ];
    render(
      <DataTable
        label="People"
        rows={rows}
        columns={wide}
        getRowId={(r) => r.id}
        selection={{ selected: new Set(), onChange: () => undefined }}
        empty="None"
      />,
    );
    const [head] = screen.getAllByRole('row');
    // 2.75rem of checkbox, 12rem and 7rem of columns.
    expect(head?.style.minWidth).toBe('21.75rem');
    expect(screen.getByRole('columnheader', { name: 'ID' })).toHaveClass('dt-first');
  });

  it('shows the empty message when there are no rows', () => {
    render(<DataTable label="People" rows={[]} columns={columns} getRowId={(r) => r.id} empty="Nobody here." />);
    expect(screen.getByText('Nobody here.')).toBeInTheDocument();
  });
});
