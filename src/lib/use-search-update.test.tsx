import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense, use } from 'react';
import { createMemoryRouter, RouterProvider, useSearchParams } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useListParams } from './use-list-params.ts';
import { useSearchUpdate } from './use-search-update.ts';
import { URL_TEXT_DELAY_MS } from './use-url-text.ts';

const never = new Promise<never>(() => undefined);

/**
 * Rows that take long to render for the search "slow" over all origins: a transition showing them stays pending (not
 * rendered yet), as a long list's render on a busy machine does.
 */
function Rows() {
  const [params] = useSearchParams();
  if (params.get('q') === 'slow' && !params.has('filter')) use(never);
  return <p>rows for {params.get('q') ?? 'everyone'}</p>;
}

function List() {
  const { query, filter, set } = useListParams(['all', 'external'] as const, 'all');
  return (
    <>
      <label>
        Search <input value={query} onChange={(e) => set({ query: e.target.value })} />
      </label>
      <label>
        Origin
        <select value={filter} onChange={(e) => set({ filter: e.target.value as 'all' | 'external' })}>
          <option value="all">All</option>
          <option value="external">External</option>
        </select>
      </label>
      <Suspense fallback={<p>Loading rows…</p>}>
        <Rows />
      </Suspense>
    </>
  );
}

function Leaver() {
  const update = useSearchUpdate();
  return (
    <button type="button" onClick={() => update({ late: '1' })}>
      Write late
    </button>
  );
}

describe('useSearchUpdate', () => {
  beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
  afterEach(() => vi.useRealTimers());

  it('keeps a search still rendering when a filter is picked right after it (CI lost q this way)', async () => {
    const router = createMemoryRouter([{ path: '/users', Component: List }], {
      initialEntries: ['/users?sort=uid:asc'],
    });
    render(<RouterProvider router={router} />);
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
    await user.type(screen.getByLabelText('Search'), 'slow');
    await act(() => vi.advanceTimersByTimeAsync(URL_TEXT_DELAY_MS));
    // The search reached the router; its rows are still rendering, so the page shows the old ones.
    expect(router.state.location.search).toContain('q=slow');
    expect(screen.getByText('rows for everyone')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Origin'), 'external');
    const params = new URLSearchParams(router.state.location.search);
    expect(Object.fromEntries(params)).toEqual({ sort: 'uid:asc', q: 'slow', filter: 'external' });
  });

  it('drops a change made after the page was left instead of bringing it back', async () => {
    function Slow(): never {
      return use(never);
    }
    const router = createMemoryRouter(
      [
        { path: '/a', Component: Leaver },
        { path: '/b', Component: Slow },
      ],
      { initialEntries: ['/a'] },
    );
    render(<RouterProvider router={router} />);
    // The router is on /b; its page is still rendering, so /a is on screen and its button can still be pressed.
    await act(async () => {
      await router.navigate('/b');
    });
    expect(router.state.location.pathname).toBe('/b');
    await userEvent.click(screen.getByRole('button', { name: 'Write late' }));
    expect(router.state.location.pathname).toBe('/b');
    expect(router.state.location.search).toBe('');
  });
});
