import type { ReactNode } from 'react';
import { isRouteErrorResponse, Link, useRevalidator, useRouteError } from 'react-router';
import { forbiddenHint, isApiError } from '@/api/errors.ts';
import { useSignOut } from '@/features/auth/use-sign-out.ts';
import { paths } from '@/lib/paths.ts';

/** Inside the shell an error sits in the shell's <main>; in place of the shell it must be the main landmark itself. */
function Frame({ standalone, children }: { standalone: boolean; children: ReactNode }) {
  return standalone ? <main className="app-main">{children}</main> : <div className="app-main">{children}</div>;
}

/** A 403: this account may not use the page. Signing in as another account is the way on. */
function AccessDenied({ detail, hint, standalone }: { detail: string; hint: string | null; standalone: boolean }) {
  const signOut = useSignOut();
  return (
    <Frame standalone={standalone}>
      <title>Access denied · DC/OS Security Console</title>
      <div className="alert alert-error" role="alert">
        <h1 className="alert-title">Access denied</h1>
        <p>{detail} Ask a superuser for access, or sign in with another account.</p>
        {hint && <p>{hint}</p>}
      </div>
      <button type="button" className="btn btn-primary" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
        Sign out
      </button>{' '}
      <Link to={paths.home()}>Go to the overview</Link>
    </Frame>
  );
}

/** What a page shows when its data could not be loaded: the reason and a way to try again. */
export function RouteError({ standalone = false }: { standalone?: boolean }) {
  const error = useRouteError();
  const revalidator = useRevalidator();
  const retrying = revalidator.state === 'loading';
  if (isApiError(error, 'forbidden'))
    return <AccessDenied detail={error.message} hint={forbiddenHint(error)} standalone={standalone} />;
  let title = 'Something went wrong';
  let detail = 'An unexpected error occurred.';
  if (isApiError(error)) {
    title =
      error.kind === 'forbidden'
        ? 'Access denied'
        : error.kind === 'unavailable'
          ? 'The cluster did not answer'
          : error.title;
    detail = error.message;
  } else if (isRouteErrorResponse(error)) {
    title = `${error.status} ${error.statusText}`;
  }
  return (
    <Frame standalone={standalone}>
      <title>{`${title} · DC/OS Security Console`}</title>
      <div className="alert alert-error" role="alert">
        <h1 className="alert-title">{title}</h1>
        <p>{detail}</p>
      </div>
      <button
        type="button"
        className="btn btn-primary"
        onClick={() => void revalidator.revalidate()}
        disabled={retrying}
      >
        {retrying ? 'Retrying…' : 'Retry'}
      </button>{' '}
      <Link to={paths.home()}>Go to the overview</Link>
    </Frame>
  );
}
