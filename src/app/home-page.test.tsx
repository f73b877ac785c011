import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { login } from '@/api/auth.ts';
import { clusterIdOf } from '@/mocks/handlers/metadata.ts';
import { server, simulator } from '@/mocks/node.ts';
import { renderRoutes } from '@/test/render.tsx';
import { HomePage } from './home-page.tsx';
import { PROTECTED_ROUTE_ID } from './route-ids.ts';

const renderOverview = () =>
  renderRoutes([
    {
      id: PROTECTED_ROUTE_ID,
      path: '/',
      loader: () => ({ uid: 'bootstrapuser', description: 'Bootstrap superuser', is_remote: false }),
      children: [{ index: true, element: <HomePage /> }],
    },
  ]);

beforeEach(async () => {
  await login({ uid: 'bootstrapuser', password: 'deleteme' });
});

describe('The overview', () => {
  it("shows the cluster's id from /dcos-metadata/ui-config.json", async () => {
    renderOverview();
    const id = clusterIdOf(simulator.context.defaultDb);
    expect(await screen.findByText(id)).toBeInTheDocument();
    expect(screen.getByText('Cluster ID')).toBeInTheDocument();
  });

  it('says why the id is unknown when ui-config.json cannot be read, and still shows the rest', async () => {
    server.use(
      http.get(
        '*/dcos-metadata/ui-config.json',
        () => new HttpResponse('Bad Gateway', { status: 502, headers: { 'Content-Type': 'text/plain' } }),
      ),
    );
    renderOverview();
    expect(await screen.findByText('Unknown: Bad Gateway')).toBeInTheDocument();
    expect(await screen.findByText('Superuser: unrestricted access')).toBeInTheDocument();
  });
});
