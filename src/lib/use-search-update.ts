import { useCallback, useContext, useLayoutEffect, useRef } from 'react';
import { UNSAFE_DataRouterContext, useLocation, useNavigate } from 'react-router';

/** Parameters to set (a string) or remove (null); the others are kept. */
export type SearchChanges = Readonly<Record<string, string | null>>;

export interface SearchUpdateOptions {
  /** Replace the history entry (typing, sorting) instead of adding one. */
  replace?: boolean;
  /** Render the change at once (a control that shows the URL's value). */
  flushSync?: boolean;
}

/**
 * Changes some search parameters of the page and keeps the others. React Router's functional `setSearchParams` starts
 * from the parameters of the last render, and a change still rendering in a transition (a search box's write once
 * typing pauses) is not rendered yet when the next one lands (a filter picked right after): that next change dropped
 * it (CI lost `q` this way). This starts from the data router's own location, which a navigation updates before React
 * renders it. A change made after the page has been left (a write still in flight) is dropped rather than bringing
 * the old page back. One identity for the life of the component, so memoized lists can depend on it.
 */
export function useSearchUpdate(): (changes: SearchChanges, options?: SearchUpdateOptions) => void {
  const data = useContext(UNSAFE_DataRouterContext);
  const location = useLocation();
  const navigate = useNavigate();
  const latest = useRef({ location, navigate, router: data?.router });
  useLayoutEffect(() => {
    latest.current = { location, navigate, router: data?.router };
  });
  // One identity for the page's life (it reads the latest location from a ref): memoized lists take it as a prop.
  return useCallback((changes, options) => {
    const { location: rendered, navigate: go, router } = latest.current;
    // Without a data router (a plain <MemoryRouter> in a test) the rendered location is all there is.
    const current = router?.state.location ?? rendered;
    if (current.pathname !== rendered.pathname) return;
    const next = new URLSearchParams(current.search);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    // As React Router's own setter does: relative to the page, so the path and its route stay.
    void go(`?${next.toString()}`, options);
  }, []);
}
