import { useDeferredValue, useId, useMemo } from 'react';
import type { CatalogEntry } from '@/lib/rid.ts';
import { entrySlots, slotLabel, type BuilderState, type RidBuilderApi } from './use-rid-builder.ts';

const MAX_SHOWN = 12;

function matches(entry: CatalogEntry, words: string[]): boolean {
  const text = `${entry.template} ${entry.description} ${entry.category}`.toLowerCase();
  return words.every((word) => text.includes(word));
}

/**
 * Builds a resource ID: pick a catalog entry (search, then arrow keys between the radio buttons), fill its
 * placeholders and watch the rid take shape; or type a rid freely. `showProblem` reveals the validation message
 * (after a submit attempt, or at once for a free rid that was typed).
 */
export function RidBuilder({ catalog, builder, showProblem }: { catalog: readonly CatalogEntry[]; builder: RidBuilderApi; showProblem: boolean }) {
  const id = useId();
  const { state, setState, choice } = builder;
  const update = (changes: Partial<BuilderState>) => setState((s) => ({ ...s, ...changes }));
  const search = useDeferredValue(state.search);
  const shown = useMemo(() => {
    const words = search.toLowerCase().split(/\s+/).filter(Boolean);
    const found = catalog.filter((entry) => matches(entry, words));
    const selected = catalog.find((e) => e.id === state.entryId);
    const first = found.slice(0, MAX_SHOWN);
    return { list: selected && !first.includes(selected) ? [selected, ...first] : first, total: found.length };
  }, [catalog, search, state.entryId]);
  const problemId = `${id}-problem`;
  const problem = showProblem ? choice.problem : null;

  return (
    <div className="rid-builder">
      <fieldset className="segmented">
        <legend className="visually-hidden">How to choose the resource</legend>
        <label>
          <input type="radio" name={`${id}-mode`} checked={state.mode === 'catalog'} onChange={() => update({ mode: 'catalog' })} /> From the catalog
        </label>
        <label>
          <input type="radio" name={`${id}-mode`} checked={state.mode === 'free'} onChange={() => update({ mode: 'free', freeRid: choice.rid || state.freeRid })} />{' '}
          Type a resource ID
        </label>
      </fieldset>

      {state.mode === 'catalog' ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-search`}>Search resources</label>
            <input id={`${id}-search`} type="search" value={state.search} onChange={(e) => update({ search: e.target.value })} autoComplete="off" />
          </div>
          <fieldset className="catalog-choices">
            <legend>
              Resource{' '}
              <span className="muted" aria-live="polite">
                ({shown.total > MAX_SHOWN ? `${MAX_SHOWN} of ${shown.total} shown; type to narrow` : `${shown.total} found`})
              </span>
            </legend>
            {shown.list.map((entry) => (
              <label key={entry.id} className="catalog-choice">
                <input type="radio" name={`${id}-entry`} value={entry.id} checked={state.entryId === entry.id} onChange={() => update({ entryId: entry.id, values: {} })} />
                <span className="mono">{entry.template}</span>
                <span className="muted">
                  {entry.description} · {entry.category}
                </span>
              </label>
            ))}
          </fieldset>
          {choice.entry &&
            entrySlots(choice.entry).map((slot) => {
              const { label, example } = slotLabel(slot.name);
              return (
                <div className="field" key={slot.name}>
                  <label htmlFor={`${id}-slot-${slot.name}`}>
                    {label}
                    {slot.optional ? ' (optional: empty means all)' : ''}
                  </label>
                  <input
                    id={`${id}-slot-${slot.name}`}
                    value={state.values[slot.name] ?? ''}
                    onChange={(e) => update({ values: { ...state.values, [slot.name]: e.target.value } })}
                    placeholder={example}
                    autoComplete="off"
                    spellCheck={false}
                  />
                </div>
              );
            })}
        </>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-rid`}>Resource ID</label>
          <input
            id={`${id}-rid`}
            className="mono"
            value={state.freeRid}
            onChange={(e) => update({ freeRid: e.target.value })}
            placeholder="dcos:service:marathon:marathon:services:/dev"
            autoComplete="off"
            spellCheck={false}
            {...(problem ? { 'aria-invalid': true, 'aria-describedby': problemId } : {})}
          />
          {choice.entry && <p className="muted">Recognized: {choice.entry.description}.</p>}
        </div>
      )}
      <p className="rid-preview">
        Resource ID: <output className="mono">{choice.rid || '—'}</output>
      </p>
      {problem && (
        <p className="field-error" id={problemId}>
          {problem}
        </p>
      )}
    </div>
  );
}
