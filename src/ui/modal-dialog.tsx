import type { ReactNode } from 'react';
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

export interface DialogProps {
  title: string;
  isOpen: boolean;
  onClose: () => void;
  children: ReactNode;
  /** Keep the dialog open on Escape/outside click while work is in flight. */
  isDismissable?: boolean;
  /** `alertdialog` for an urgent message that needs an answer (it is announced as soon as it opens). */
  role?: 'dialog' | 'alertdialog';
}

/**
 * A modal dialog: focus is trapped and returned, Escape closes, the page behind is inert. React Aria's part of it; the
 * pages use `Dialog` from dialog.tsx, which loads this once the page is idle.
 */
export function ModalDialog({ title, isOpen, onClose, children, isDismissable = true, role = 'dialog' }: DialogProps) {
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
