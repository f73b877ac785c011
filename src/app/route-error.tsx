import { isRouteErrorResponse, Link, useRevalidator, useRouteError } from 'react-router';
import { isApiError } from '@/api/errors.ts';
import { paths } from '@/lib/paths.ts';

/** What a page shows when its data could not be loaded: the reason and a way to try again. */
export function RouteError() {
  const error = useRouteError();
  const revalidator = useRevalidator();
  const retrying = revalidator.state === 'loading';
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
