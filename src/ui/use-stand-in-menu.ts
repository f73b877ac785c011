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
