import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { ConfirmDialog } from './dialog.tsx';

/**
 * Asks before leaving the page while work is running; leaving cancels what has not started. In-app navigation gets
 * the console's own dialog; a reload, a closed tab or a typed URL gets the browser's (its text cannot be chosen).
 */
export function LeaveGuard({ active, onLeave, what }: { active: boolean; onLeave: () => void; what: string }) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => active && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!active) return undefined;
    const ask = (event: BeforeUnloadEvent) => {
      // The standard way to ask (Chromium 119+, Firefox, Safari); the deprecated returnValue adds nothing now.
      event.preventDefault();
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [active]);
  return (
    <ConfirmDialog
      isOpen={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      title={`Leave while ${what} runs?`}
      confirmLabel="Cancel the rest and leave"
      onConfirm={() => {
        onLeave();
        blocker.proceed?.();
        return Promise.resolve();
      }}
    >
      <p>Items already processed stay changed; the rest will not be processed.</p>
    </ConfirmDialog>
  );
}
