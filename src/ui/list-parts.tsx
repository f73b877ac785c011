import { memo, useState, type ReactNode } from 'react';
import { deferred } from './deferred.tsx';
import { ChevronDownIcon } from './icons.tsx';
import type { ListMenuProps } from './list-menu.tsx';
import { NO_INTENT, standInTriggerProps, type IntentSetter, type MenuIntent } from './use-stand-in-menu.ts';

/* The parts every list page (users, groups, service accounts, secrets, ACLs) builds its toolbar from. */

interface OptionsProps extends ListMenuProps {
  onIntent: IntentSetter;
}

/**
 * The Options button until the menu's code (React Aria, not part of a list's first load) has arrived: the same
 * button, named the same. Pressed meanwhile, the menu opens as soon as it is there.
 */
function OptionsButton({ onIntent }: OptionsProps) {
  return (
    <button type="button" className="btn list-options" {...standInTriggerProps(onIntent)}>
      Options
      <ChevronDownIcon />
    </button>
  );
}

const DeferredListMenu = deferred<OptionsProps>(async () => (await import('./list-menu.tsx')).ListMenu, {
  fallback: OptionsButton,
  needNow: (p) => p.defaultOpen === true,
});

/** The list's Options menu (compact rows, export): at the end of its toolbar. Memoized: give it stable callbacks. */
export const ListOptions = memo(function ListOptions(props: Omit<ListMenuProps, 'defaultOpen' | 'takeFocus'>) {
  const [intent, setIntent] = useState<MenuIntent>(NO_INTENT);
  return <DeferredListMenu {...props} defaultOpen={intent.open} takeFocus={intent.focus} onIntent={setIntent} />;
});

/**
 * A list's search box. Memoized (give it a stable `onChange`): the render after the search reaches the URL changes
 * nothing here, and React writes an input's attributes on every render of it, a DOM change ~250 ms after each
 * keystroke that the keystroke's cost would otherwise include.
 */
export const ListSearch = memo(function ListSearch({
  id,
  label,
  value,
  onChange,
  placeholder,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
  placeholder?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="search" value={value} onChange={(e) => onChange(e.target.value)} placeholder={placeholder} />
    </div>
  );
});

/**
 * What acts on the selected rows, shown only while some are selected: "3 selected", the actions, Clear selection.
 * It sits between the toolbar and the table, so the toolbar keeps to search, filter and count.
 */
export function SelectionBar({
  count,
  onClear,
  children,
}: {
  count: number;
  onClear: () => void;
  children: ReactNode;
}) {
  if (count === 0) return null;
  return (
    <div className="selection-bar" role="region" aria-label="Selection">
      <p className="selection-count">{count} selected</p>
      <div className="selection-actions">{children}</div>
      <button type="button" className="btn btn-quiet btn-small selection-clear" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}

/** A table's empty state: what is (not) there, and the one thing to do next. */
export function EmptyState({ message, children }: { message: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p>{message}</p>
      {children}
    </div>
  );
}
