/** An error shown where the user is looking; renders nothing without a message. */
export function ErrorAlert({ message, children }: { message?: string | undefined; children?: React.ReactNode }) {
  if (!message) return null;
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">{message}</p>
      {children}
    </div>
  );
}

/** Cancel and submit at the foot of a dialog's form; both are disabled while the form is submitting. */
export function FormActions({
  onCancel,
  pending,
  label,
  pendingLabel,
}: {
  onCancel: () => void;
  pending: boolean;
  label: string;
  pendingLabel: string;
}) {
  return (
    <div className="dialog-actions">
      <button type="button" className="btn" onClick={onCancel} disabled={pending}>
        Cancel
      </button>
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
    </div>
  );
}
