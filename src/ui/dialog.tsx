import { useState, type ReactNode } from 'react';
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { ErrorAlert } from './alert.tsx';

interface DialogProps {
  title: string;
  isOpen: boolean;
  onClose: () => void;
  children: ReactNode;
  /** Keep the dialog open on Escape/outside click while work is in flight. */
  isDismissable?: boolean;
  /** `alertdialog` for an urgent message that needs an answer (it is announced as soon as it opens). */
  role?: 'dialog' | 'alertdialog';
}

/** A modal dialog: focus is trapped and returned, Escape closes, the page behind is inert. */
export function Dialog({ title, isOpen, onClose, children, isDismissable = true, role = 'dialog' }: DialogProps) {
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      isDismissable={isDismissable}
      isKeyboardDismissDisabled={!isDismissable}
    >
      <Modal className="modal">
        <AriaDialog className="dialog" role={role}>
          <Heading slot="title" className="dialog-title">
            {title}
          </Heading>
          {children}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}

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
export function ConfirmDialog({ title, isOpen, onClose, onConfirm, confirmLabel, children, requireTyping, errorHint }: ConfirmDialogProps) {
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
          <input id="confirm-typing" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} />
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
