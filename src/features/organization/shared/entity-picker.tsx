import { useDeferredValue, useId, useMemo, useState } from 'react';

export interface PickerItem {
  id: string;
  description: string;
}

const MAX_RESULTS = 20;

/**
 * Search-as-you-type over a (possibly 10,000-long) cached list; renders at most 20 matches, never the whole list.
 */
export function EntityPicker({
  label,
  items,
  exclude,
  onPick,
  actionLabel,
  disabled = false,
}: {
  label: string;
  items: readonly PickerItem[];
  exclude: ReadonlySet<string>;
  onPick: (id: string) => void;
  actionLabel: string;
  disabled?: boolean;
}) {
  const inputId = useId();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query.trim().toLowerCase());
  const { matches, total } = useMemo(() => {
    const all = items.filter(
      (item) => !exclude.has(item.id) && (item.id.toLowerCase().includes(deferred) || item.description.toLowerCase().includes(deferred)),
    );
    return { matches: all.slice(0, MAX_RESULTS), total: all.length };
  }, [items, exclude, deferred]);

  return (
    <div className="picker">
      <div className="field">
        <label htmlFor={inputId}>{label}</label>
        <input id={inputId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
      </div>
      <p className="count" aria-live="polite">
        {total === 0 ? 'No matches.' : total > MAX_RESULTS ? `Showing ${MAX_RESULTS} of ${total} matches; type to narrow.` : `${total} match${total === 1 ? '' : 'es'}.`}
      </p>
      {matches.length > 0 && (
        <ul className="picker-results" aria-label="Search results">
          {matches.map((item) => (
            <li key={item.id}>
              <span>
                <strong>{item.id}</strong> {item.description && <span className="muted">{item.description}</span>}
              </span>
              <button type="button" className="btn btn-small" disabled={disabled} onClick={() => onPick(item.id)} aria-label={`${actionLabel} ${item.id}`}>
                {actionLabel}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
