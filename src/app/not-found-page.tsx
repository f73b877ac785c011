import { Link } from 'react-router';
import { paths } from '@/lib/paths.ts';

export function NotFoundPage() {
  return (
    <>
      <title>Page not found · DC/OS Security Console</title>
      <h1>Page not found</h1>
      <p>There is no page at this address.</p>
      <Link to={paths.home()}>Go to the overview</Link>
    </>
  );
}
