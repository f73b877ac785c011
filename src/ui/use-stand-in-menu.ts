import { useEffect, useRef, useState, type Dispatch, type PointerEvent, type SetStateAction } from 'react';

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

/** The holder's `setIntent`: focus that follows a press (a mouse button going down focuses) keeps it a press. */
export type IntentSetter = Dispatch<SetStateAction<MenuIntent>>;

/**
 * The stand-in's props: a menu button, not yet expanded, that reports focus and presses as the intent the real menu
 * acts on once it mounts (`useStandInMenu`). Like React Aria's menu trigger, a mouse or pen opens it as the button
 * goes down, not at the click: the real button can take the stand-in's place between the press and the release, and
 * that release alone is no press to React Aria, so a menu opened only at the click would not open at all.
 */
export function standInTriggerProps(onIntent: IntentSetter) {
  return {
    'aria-haspopup': 'menu',
    'aria-expanded': false,
    onFocus: () => onIntent((was) => ({ open: was.open, focus: true })),
    onBlur: () => onIntent(NO_INTENT),
    onPointerDown: (event: PointerEvent<HTMLButtonElement>) => {
      if (event.pointerType !== 'touch' && event.button === 0) onIntent({ open: true, focus: true });
    },
    onClick: () => onIntent({ open: true, focus: true }),
  } as const;
}
