import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { login } from '@/api/auth.ts';
import { server } from '@/mocks/node.ts';
import { ACCESS_MODEL_CONCURRENCY, loadAccessModel, type LoadProgress } from './access-model.ts';

const DEV = 'dcos:service:marathon:marathon:services:/dev';

beforeEach(async () => {
  await login({ uid: 'bootstrapuser', password: 'deleteme' });
});

describe('loadAccessModel, the whole model', { timeout: 30_000 }, () => {
  it('takes an ACL or a group deleted during the reads (a 404) as holding nothing', async () => {
    server.use(
      http.get('*/acs/api/v1/acls/:rid/permissions', ({ params }) =>
        params.rid === 'dcos:superuser'
          ? HttpResponse.json(
              { title: 'Not found', description: 'No such ACL.', code: 'ERR_UNKNOWN_RESOURCE_ID' },
              { status: 404 },
            )
          : undefined,
      ),
      http.get('*/acs/api/v1/groups/developers/users', () =>
        HttpResponse.json(
          { title: 'Not found', description: 'No such group.', code: 'ERR_UNKNOWN_GROUP_ID' },
          { status: 404 },
        ),
      ),
    );
    const model = await loadAccessModel({ signal: new AbortController().signal });
    expect(model.scope).toBeNull();
    expect(model.acls.get('dcos:superuser')).toEqual({ users: new Map(), groups: new Map() });
    expect(model.acls.get(DEV)?.groups.has('developers')).toBe(true);
    expect(model.members.get('developers')).toEqual([]);
    expect(model.until).toBeGreaterThanOrEqual(model.asOf);
  });

  it('keeps at most six requests in flight, and a total per phase that never changes within it', async () => {
    let inFlight = 0;
    let most = 0;
    const started = new Set<string>();
    server.events.on('request:start', ({ requestId }) => {
      started.add(requestId);
      inFlight += 1;
      most = Math.max(most, inFlight);
    });
    server.events.on('response:mocked', ({ requestId }) => {
      if (started.delete(requestId)) inFlight -= 1;
    });
    const seen: LoadProgress[] = [];
    await loadAccessModel({ signal: new AbortController().signal, onProgress: (p) => seen.push(p) });
    server.events.removeAllListeners();
    expect(most).toBeLessThanOrEqual(ACCESS_MODEL_CONCURRENCY);
    expect([...new Set(seen.map((p) => p.phase))]).toEqual(['lists', 'acls', 'members']);
    for (const phase of ['lists', 'acls', 'members'] as const) {
      const totals = new Set(seen.filter((p) => p.phase === phase).map((p) => p.total));
      expect(totals.size).toBe(1);
    }
    const members = seen.filter((p) => p.phase === 'members');
    expect(members.at(-1)?.done).toBe(members[0]?.total);
  });
});
