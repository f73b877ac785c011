import { useDeferredValue, useId, useMemo, useState } from 'react';
import { ErrorState } from '@/ui/query-state.tsx';

export interface PickerItem {
  id: string;
  description: string;
}

const MAX_RESULTS = 20;

/** The query behind the candidates (a TanStack Query result fits): while it loads or after it failed, say so. */
export interface PickerSource {
  isPending: boolean;
  /** The list was never loaded (a failed refresh of a list already shown keeps it usable). */
  isLoadingError: boolean;
  error: Error | null;
  isFetching: boolean;
  refetch: () => unknown;
}

/**
 * Search-as-you-type over a (possibly 10,000-long) cached list; renders at most 20 matches, never the whole list.
 * The list may take seconds to arrive (10,000 users) or fail: "No matches." would then be a lie, so the picker says
 * it is loading, or why it failed with a retry. Typing ahead while it loads is kept.
 */
export function EntityPicker({
  label,
  noun,
  source,
  items,
  exclude,
  onPick,
  actionLabel,
  disabled = false,
}: {
  label: string;
  /** What the candidates are, plural ("groups"), for the loading and error messages. */
  noun: string;
  source: PickerSource;
  items: readonly PickerItem[];
  exclude: ReadonlySet<string>;
  onPick: (id: string) => void;
  actionLabel: string;
  disabled?: boolean;
}) {
  const inputId = useId();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query.trim().toLowerCase());
  // Filtered once per deferred query, not on each render of the dialog around it.
  const { matches, total } = useMemo(() => {
    const all = items.filter(
      (item) =>
        !exclude.has(item.id) &&
        (item.id.toLowerCase().includes(deferred) || item.description.toLowerCase().includes(deferred)),
    );
    return { matches: all.slice(0, MAX_RESULTS), total: all.length };
  }, [items, exclude, deferred]);

  const loadError = source.isLoadingError ? source.error : null;

  return (
    <div className="picker">
      <div className="field">
        <label htmlFor={inputId}>{label}</label>
        <input id={inputId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
      </div>
      {loadError ? (
        <ErrorState
          title={`Could not load the ${noun}`}
          error={loadError}
          onRetry={() => void source.refetch()}
          retrying={source.isFetching}
        />
      ) : (
        <p className="count" aria-live="polite">
          {source.isPending
            ? `Loading ${noun}…`
            : total === 0
              ? 'No matches.'
              : total > MAX_RESULTS
                ? `Showing ${MAX_RESULTS} of ${total} matches; type to narrow.`
                : `${total} match${total === 1 ? '' : 'es'}.`}
        </p>
      )}
      {matches.length > 0 && (
        <ul className="picker-results" aria-label="Search results">
          {matches.map((item) => (
            <li key={item.id}>
              <span>
                <strong>{item.id}</strong> {item.description && <span className="muted">{item.description}</span>}
              </span>
              <button
                type="button"
                className="btn btn-small"
                disabled={disabled}
                onClick={() => onPick(item.id)}
                aria-label={`${actionLabel} ${item.id}`}
              >
                {actionLabel}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
