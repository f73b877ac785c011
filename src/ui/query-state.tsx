import type { ReactNode } from 'react';

export function LoadingState({ children }: { children: ReactNode }) {
  return (
    <p className="muted" role="status">
      {children}
    </p>
  );
}

/** A failed load: what went wrong, and a retry where asking again can help. */
export function ErrorState({
  title,
  error,
  onRetry,
  retrying = false,
  children,
}: {
  title: string;
  error: Error;
  onRetry?: () => void;
  retrying?: boolean;
  /** More about the failure, e.g. the permission a 403 lacks. */
  children?: ReactNode;
}) {
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">{title}</p>
      <p>{error.message}</p>
      {children && <p>{children}</p>}
      {onRetry && (
        <p>
          <button type="button" className="btn btn-small" onClick={onRetry} disabled={retrying}>
            {retrying ? 'Retrying…' : 'Retry'}
          </button>
        </p>
      )}
    </div>
  );
}
