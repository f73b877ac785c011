import { useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import type { CatalogEntry } from '@/lib/rid.ts';
import { entrySlots, searchCatalog, slotLabel, type BuilderState, type RidBuilderApi } from './use-rid-builder.ts';

/** The key of the "type a resource ID" option, listed before the catalog's areas. */
const CUSTOM = '';

const isTyping = (event: KeyboardEvent) =>
  event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && event.key !== ' ';

/**
 * Builds a resource ID in two panes. Left: a search box over the catalog, grouped by area, as a listbox (↑ ↓ Home End
 * move, Enter or Space choose, typing goes back to the search), with "Type a resource ID" first. Right: the chosen
 * entry, its placeholders as fields (or the typed rid), the resulting rid live, then `children` (actions, …).
 * `showProblem` reveals why the rid cannot be used yet (a typed rid shows it as soon as something is typed).
 */
export function RidBuilder({
  catalog,
  builder,
  showProblem,
  label,
  children,
}: {
  catalog: readonly CatalogEntry[];
  builder: RidBuilderApi;
  showProblem: boolean;
  label: string;
  children?: ReactNode;
}) {
  const id = useId();
  const { state, setState, choice } = builder;
  const update = (changes: Partial<BuilderState>) => setState((s) => ({ ...s, ...changes }));
  // The catalog search runs only when the search changes, not on each placeholder keystroke.
  const groups = useMemo(() => searchCatalog(catalog, state.search), [catalog, state.search]);
  // The listbox's keys, once per search result.
  const keys = useMemo(() => [CUSTOM, ...groups.flatMap((g) => g.entries.map((e) => e.id))], [groups]);
  const found = keys.length - 1;
  const chosenKey = state.mode === 'free' ? CUSTOM : state.entryId || null;
  const firstMatch = keys[found > 0 ? 1 : 0] ?? CUSTOM;
  // Which option was last moved to; null after the search changed.
  const [active, setActive] = useState<string | null>(null);
  // The option that takes the Tab stop: the one last moved to; else the chosen one while it is listed (a typed rid only
  // while nothing is searched), else the first match.
  const chosenListed =
    chosenKey !== null && keys.includes(chosenKey) && (chosenKey !== CUSTOM || state.search.trim() === '');
  const tabStop = active !== null && keys.includes(active) ? active : chosenListed ? chosenKey : firstMatch;
  const options = useRef(new Map<string, HTMLElement>());
  const searchRef = useRef<HTMLInputElement>(null);
  const detailRef = useRef<HTMLDivElement>(null);

  const optionId = (key: string) => `${id}-option-${key === CUSTOM ? 'custom' : key}`;
  const moveTo = (key: string | undefined) => {
    if (key === undefined) return;
    setActive(key);
    // focus() also scrolls the option into view inside the list.
    options.current.get(key)?.focus();
  };
  const choose = (key: string, thenFocusDetail: boolean) => {
    // flushSync: the chosen entry's fields must be on screen before the focus moves to the first of them.
    flushSync(() => {
      setActive(key);
      if (key === CUSTOM) {
        if (state.mode !== 'free') update({ mode: 'free', freeRid: choice.rid || state.freeRid });
      } else if (state.mode !== 'catalog' || state.entryId !== key) {
        update({ mode: 'catalog', entryId: key, values: {} });
      }
    });
    if (thenFocusDetail) detailRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  };
  const onListKey = (event: KeyboardEvent) => {
    const at = keys.indexOf(tabStop);
    const go = (key: string | undefined) => {
      event.preventDefault();
      moveTo(key);
    };
    if (event.key === 'ArrowDown') go(keys[Math.min(at + 1, keys.length - 1)]);
    else if (event.key === 'ArrowUp') go(keys[Math.max(at - 1, 0)]);
    else if (event.key === 'Home') go(keys[0]);
    else if (event.key === 'End') go(keys.at(-1));
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      choose(tabStop, event.key === 'Enter');
    } else if (isTyping(event) || event.key === 'Backspace') {
      // Type-to-search: the keystroke goes to the search box, which keeps the focus.
      event.preventDefault();
      update({ search: event.key === 'Backspace' ? state.search.slice(0, -1) : state.search + event.key });
      setActive(null);
      searchRef.current?.focus();
    }
  };
  const onSearchKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      moveTo(tabStop);
    } else if (event.key === 'Enter') {
      // Enter in the search takes the first match, as a search box with one obvious answer should.
      event.preventDefault();
      choose(firstMatch, true);
    }
  };
  const problemId = `${id}-problem`;
  const problem = showProblem || (state.mode === 'free' && state.freeRid !== '') ? choice.problem : null;
  const option = (key: string, content: ReactNode) => (
    <div
      key={key}
      id={optionId(key)}
      ref={(element) => {
        if (element) options.current.set(key, element);
        else options.current.delete(key);
      }}
      role="option"
      className="catalog-option"
      aria-selected={key === chosenKey}
      tabIndex={key === tabStop ? 0 : -1}
      onClick={() => choose(key, false)}
      onKeyDown={onListKey}
      onFocus={() => setActive(key)}
    >
      {content}
    </div>
  );

  return (
    <div className="rid-builder">
      <div className="rid-pick">
        <div className="field">
          <label htmlFor={`${id}-search`}>Search resources</label>
          <input
            id={`${id}-search`}
            ref={searchRef}
            type="search"
            value={state.search}
            onChange={(e) => {
              update({ search: e.target.value });
              setActive(null);
            }}
            onKeyDown={onSearchKey}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${id}-count`}
          />
          <p className="muted catalog-count" id={`${id}-count`} aria-live="polite">
            {state.search.trim() === '' ? `${found} resources; ↓ to browse` : `${found} found`}
          </p>
        </div>
        <div role="listbox" aria-label={label} className="catalog-list">
          <div role="group" aria-labelledby={`${id}-custom`}>
            <div role="presentation" className="catalog-area" id={`${id}-custom`}>
              Not in the catalog
            </div>
            {option(CUSTOM, <span>Type a resource ID</span>)}
          </div>
          {groups.map((group, i) => (
            <div role="group" key={group.area} aria-labelledby={`${id}-area-${i}`}>
              <div role="presentation" className="catalog-area" id={`${id}-area-${i}`}>
                {group.area}
              </div>
              {group.entries.map((entry) =>
                option(
                  entry.id,
                  <>
                    <span className="mono">{entry.template}</span> <span className="muted">{entry.description}</span>
                  </>,
                ),
              )}
            </div>
          ))}
        </div>
      </div>

      <div className="rid-detail" ref={detailRef}>
        {state.mode === 'free' ? (
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
        ) : choice.entry ? (
          <>
            <p className="rid-entry-title">{choice.entry.description}</p>
            <p className="muted rid-entry-meta">
              {choice.entry.category} · <span className="mono">{choice.entry.template}</span>
            </p>
            {entrySlots(choice.entry).map((slot) => {
              const { label: slotName, example } = slotLabel(slot.name);
              return (
                <div className="field" key={slot.name}>
                  <label htmlFor={`${id}-slot-${slot.name}`}>
                    {slotName}
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
          <p className="muted">
            Choose a resource on the left: search, then ↓ and Enter. Or choose “Type a resource ID”.
          </p>
        )}
        <p className="rid-preview">
          Resulting resource ID: <output className="mono">{choice.rid || '—'}</output>
        </p>
        {problem && (
          <p className="field-error" id={problemId}>
            {problem}
          </p>
        )}
        {children}
      </div>
    </div>
  );
}
