import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { request } from '@/api/request.ts';
import { z } from 'zod/mini';
import { server } from '@/mocks/node.ts';
import { renderRoutes } from '@/test/render.tsx';
import { RouteError } from './route-error.tsx';

// The page a failed route shows (ASVS V16.5.1): generic words, never the exception or the server's internals.

const STACK =
  "TypeError: Cannot read properties of undefined (reading 'uid')\n    at UsersPage (https://cluster.example/assets/frame-3f9a.js:1:48213)";

function Thrower(): never {
  throw new TypeError(STACK);
}

describe('The route error page', () => {
  it('[ASVS 16.5.1] shows generic words for a page that throws while rendering, not the exception or its stack', async () => {
    // React reports the caught error on the console; the page is what is checked here.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    renderRoutes([{ path: '/', errorElement: <RouteError standalone />, element: <Thrower /> }]);
    expect(await screen.findByRole('heading', { name: 'Something went wrong' })).toBeInTheDocument();
    expect(screen.getByText('An unexpected error occurred.')).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/TypeError|reading 'uid'|frame-3f9a|UsersPage/);
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('[ASVS 16.5.1] shows generic words for a loader whose request failed with a traceback', async () => {
    server.use(
      http.get('*/acs/api/v1/users', () =>
        HttpResponse.json(
          {
            title: 'Internal Server Error',
            description:
              'Traceback (most recent call last):\n  File "/opt/mesosphere/bouncer/app/users.py", line 212, in on_get',
            code: 'ERR_INTERNAL',
          },
          { status: 500 },
        ),
      ),
    );
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    renderRoutes([
      {
        path: '/',
        errorElement: <RouteError standalone />,
        loader: () => request('/acs/api/v1/users', z.unknown()),
        element: <p>loaded</p>,
      },
    ]);
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('The cluster did not answer');
    expect(screen.getByText('The cluster could not answer this request. Try again in a moment.')).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/Traceback|users\.py|\/opt\/|bouncer/);
  });
});
