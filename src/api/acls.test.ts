import { describe, expect, it } from 'vitest';
import { createTestQueryClient } from '@/test/render.tsx';
import { aclPath, aclQueries, deleteAcl, encodeRid, ensureAcl, grantPermission, revokePermission } from './acls.ts';
import { login } from './auth.ts';
import { ApiError } from './errors.ts';
import { groupQueries } from './groups.ts';
import { userQueries } from './users.ts';

const RID = 'dcos:service:marathon:marathon:services:/dev/payments';

describe('rids in URLs', () => {
  it('write `/` as %252F and keep colons, as the IAM and the DC/OS UI do', () => {
    expect(encodeRid(RID)).toBe('dcos:service:marathon:marathon:services:%252Fdev%252Fpayments');
    expect(aclPath('dcos:mesos:master:task:app_id:/group')).toBe(
      '/acs/api/v1/acls/dcos:mesos:master:task:app_id:%252Fgroup',
    );
    expect(encodeRid('dcos:cluster:linker:*')).toBe('dcos:cluster:linker:*');
  });
});

describe('granting and revoking against the simulator', () => {
  it('a rid with `/` survives the round trip: grant creates the ACL, every view reads it back, revoke and delete', async () => {
    await login({ uid: 'bootstrapuser', password: 'deleteme' });
    const client = createTestQueryClient();
    await grantPermission({ gid: 'developers' }, RID, ['read', 'update'], 'Payments apps');
    // Granting again is fine: the ACL exists (409) and the actions are held (409).
    await grantPermission({ gid: 'developers' }, RID, ['read']);

    expect(await client.query(aclQueries.detail(RID))).toMatchObject({ rid: RID, description: 'Payments apps' });
    expect((await client.query(aclQueries.list())).map((a) => a.rid)).toContain(RID);
    const holders = await client.query(aclQueries.permissions(RID));
    expect(holders.groups.map((g) => [g.gid, g.actions.map((a) => a.name).sort()])).toEqual([
      ['developers', ['read', 'update']],
    ]);
    const group = await client.query(groupQueries.permissions('developers'));
    expect(
      group
        .find((p) => p.rid === RID)
        ?.actions.map((a) => a.name)
        .sort(),
    ).toEqual(['read', 'update']);
    const carol = await client.query(userQueries.permissions('carol'));
    expect(carol.groups.some((p) => p.rid === RID && p.gid === 'developers')).toBe(true);
    expect(await client.query(aclQueries.allowed({ uid: 'carol' }, RID, 'update'))).toBe(true);
    expect(await client.query(aclQueries.allowed({ uid: 'carol' }, RID, 'delete'))).toBe(false);

    await revokePermission({ gid: 'developers' }, RID, 'update');
    client.clear();
    expect((await client.query(aclQueries.permissions(RID))).groups[0]?.actions.map((a) => a.name)).toEqual(['read']);
    await deleteAcl(RID);
    await expect(client.query(aclQueries.detail(RID))).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('a new ACL for an existing rid is not an error; an invalid rid is refused with the IAM code', async () => {
    await login({ uid: 'bootstrapuser', password: 'deleteme' });
    await ensureAcl('dcos:superuser', 'again');
    const refused = await grantPermission({ uid: 'alice' }, 'dcos:bad rid', ['read']).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: 'ERR_INVALID_RESOURCE_ID' });
  });
});
