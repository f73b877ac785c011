import { isRouteErrorResponse, Link, useRevalidator, useRouteError } from 'react-router';
import { isApiError } from '@/api/errors.ts';
import { useSignOut } from '@/features/auth/use-sign-out.ts';
import { paths } from '@/lib/paths.ts';

/** A 403: this account may not use the page. Signing in as another account is the way on. */
function AccessDenied({ detail }: { detail: string }) {
  const signOut = useSignOut();
  return (
    <div className="app-main">
      <title>Access denied · DC/OS Security Console</title>
      <div className="alert alert-error" role="alert">
        <h1 className="alert-title">Access denied</h1>
        <p>{detail} Ask a superuser for access, or sign in with another account.</p>
      </div>
      <button type="button" className="btn btn-primary" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
        Sign out
      </button>{' '}
      <Link to={paths.home()}>Go to the overview</Link>
    </div>
  );
}

/** What a page shows when its data could not be loaded: the reason and a way to try again. */
export function RouteError() {
  const error = useRouteError();
  const revalidator = useRevalidator();
  const retrying = revalidator.state === 'loading';
  if (isApiError(error, 'forbidden')) return <AccessDenied detail={error.message} />;
  let title = 'Something went wrong';
  let detail = 'An unexpected error occurred.';
  if (isApiError(error)) {
    title = error.kind === 'forbidden' ? 'Access denied' : error.kind === 'unavailable' ? 'The cluster did not answer' : error.title;
    detail = error.message;
  } else if (isRouteErrorResponse(error)) {
    title = `${error.status} ${error.statusText}`;
  }
  return (
    <div className="app-main">
      <title>{`${title} · DC/OS Security Console`}</title>
      <div className="alert alert-error" role="alert">
        <h1 className="alert-title">{title}</h1>
        <p>{detail}</p>
      </div>
      <button type="button" className="btn btn-primary" onClick={() => void revalidator.revalidate()} disabled={retrying}>
        {retrying ? 'Retrying…' : 'Retry'}
      </button>{' '}
      <Link to={paths.home()}>Go to the overview</Link>
    </div>
  );
}
