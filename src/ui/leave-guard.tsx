import { useBlocker } from 'react-router';
import { ConfirmDialog } from './dialog.tsx';

/** Asks before leaving the page while work is running; leaving cancels what has not started. */
export function LeaveGuard({ active, onLeave, what }: { active: boolean; onLeave: () => void; what: string }) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => active && currentLocation.pathname !== nextLocation.pathname);
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
