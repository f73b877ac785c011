import { useEffect, useRef, useState } from 'react';

/**
 * The open state and trigger of a React Aria menu that replaces a plain stand-in button once its code has arrived
 * (src/ui/deferred.tsx): as it mounts, and only then, it takes the focus if the stand-in had it and opens if the
 * stand-in was pressed, once its own trigger is there to anchor the popover.
 */
export function useStandInMenu({
  defaultOpen = false,
  takeFocus = false,
}: {
  defaultOpen?: boolean;
  takeFocus?: boolean;
}) {
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const onMount = useRef({ open: defaultOpen, focus: takeFocus });
  useEffect(() => {
    if (onMount.current.focus) button.current?.focus();
    if (onMount.current.open) setOpen(true);
  }, []);
  return { button, open, setOpen };
}

/** What was done to a menu's stand-in button before the menu's code arrived: pressed (open), or focused. */
export interface MenuIntent {
  open: boolean;
  focus: boolean;
}

export const NO_INTENT: MenuIntent = { open: false, focus: false };

/**
 * The stand-in's props: a menu button, not yet expanded, that reports focus and presses as the intent the real menu
 * acts on once it mounts (`useStandInMenu`).
 */
export function standInTriggerProps(onIntent: (intent: MenuIntent) => void) {
  return {
    'aria-haspopup': 'menu',
    'aria-expanded': false,
    onFocus: () => onIntent({ open: false, focus: true }),
    onBlur: () => onIntent(NO_INTENT),
    onClick: () => onIntent({ open: true, focus: true }),
  } as const;
}
