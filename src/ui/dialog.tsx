import { useState, type ReactNode } from 'react';
import { ErrorAlert } from './alert.tsx';
import { deferred } from './deferred.tsx';
import type { DialogProps } from './modal-dialog.tsx';

/**
 * A modal dialog: focus is trapped and returned, Escape closes, the page behind is inert. Its code (React Aria's
 * overlays, a quarter of the shell's JavaScript) is not part of any page's first load: it is fetched once the page is
 * idle, or at once when a dialog opens before that (issue 9: the first paint waits for less).
 */
export const Dialog = deferred<DialogProps>(async () => (await import('./modal-dialog.tsx')).ModalDialog, {
  needNow: (props) => props.isOpen,
});

interface ConfirmDialogProps {
  title: string;
  isOpen: boolean;
  onClose: () => void;
  /** Runs the action; a rejection is shown in the dialog, which stays open. */
  onConfirm: () => Promise<void>;
  confirmLabel: string;
  children: ReactNode;
  /** When set, the user must type this text exactly to confirm (for actions that may break the cluster). */
  requireTyping?: string | undefined;
  /** More about a failure under its message, e.g. the permission a 403 lacks. */
  errorHint?: ((error: unknown) => string | null) | undefined;
}

/** Confirms a destructive action; shows the server's refusal in place. */
export function ConfirmDialog({
  title,
  isOpen,
  onClose,
  onConfirm,
  confirmLabel,
  children,
  requireTyping,
  errorHint,
}: ConfirmDialogProps) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; hint: string | null } | null>(null);
  const [typed, setTyped] = useState('');
  const close = () => {
    setError(null);
    setTyped('');
    onClose();
  };
  const confirm = async () => {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      setTyped('');
      onClose();
    } catch (e) {
      setError({ message: e instanceof Error ? e.message : 'The action failed.', hint: errorHint?.(e) ?? null });
    } finally {
      setPending(false);
    }
  };
  const blocked = requireTyping !== undefined && typed !== requireTyping;
  return (
    <Dialog title={title} isOpen={isOpen} onClose={close} isDismissable={!pending}>
      <div className="dialog-body">{children}</div>
      {requireTyping !== undefined && (
        <div className="field">
          <label htmlFor="confirm-typing">
            Type <strong>{requireTyping}</strong> to confirm
          </label>
          <input
            id="confirm-typing"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
      )}
      <ErrorAlert message={error?.message}>{error?.hint && <p>{error.hint}</p>}</ErrorAlert>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={close} disabled={pending}>
          Cancel
        </button>
        <button type="button" className="btn btn-danger" onClick={() => void confirm()} disabled={pending || blocked}>
          {pending ? 'Working…' : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
