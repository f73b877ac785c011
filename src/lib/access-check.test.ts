import { describe, expect, it } from 'vitest';
import { describeReason, explainAccess, isEnforced, type Grant } from './access-check.ts';

const direct = { kind: 'direct' } as const;
const via = (gid: string) => ({ kind: 'group', gid }) as const;
const APPS = 'dcos:service:marathon:marathon:services:/dev/app';

describe('can X do Y, and why', () => {
  it('says no with nothing granted, in strict mode', () => {
    const answer = explainAccess({ grants: [], mode: 'strict', rid: APPS, action: 'read' });
    expect(answer).toMatchObject({ allowed: false, reasons: [], enforced: true, modeNote: null });
  });

  it('a superuser may do anything: any action on dcos:superuser, here through a group', () => {
    const grants: Grant[] = [{ rid: 'dcos:superuser', actions: ['read'], source: via('superusers') }];
    const answer = explainAccess({ grants, mode: 'strict', rid: 'dcos:adminrouter:acs', action: 'full' });
    expect(answer.allowed).toBe(true);
    expect(answer.reasons.map(describeReason)).toEqual([
      'Superuser: holds “read” on dcos:superuser through group superusers, which allows everything.',
    ]);
  });

  it('a direct grant of the action allows it; another action on the same rid is reported as partial', () => {
    const grants: Grant[] = [{ rid: APPS, actions: ['read'], source: direct }];
    expect(explainAccess({ grants, mode: 'strict', rid: APPS, action: 'read' }).reasons).toEqual([
      { kind: 'exact', source: direct },
    ]);
    const update = explainAccess({ grants, mode: 'strict', rid: APPS, action: 'update' });
    expect(update).toMatchObject({ allowed: false, partial: grants });
  });

  it('`full` covers every action, and says so', () => {
    const grants: Grant[] = [{ rid: APPS, actions: ['full'], source: via('developers') }];
    const answer = explainAccess({ grants, mode: 'strict', rid: APPS, action: 'delete' });
    expect(answer.allowed).toBe(true);
    expect(answer.reasons.map(describeReason)).toEqual([
      'Holds “full” on this resource through group developers, which covers every action.',
    ]);
  });

  it('a grant on a broader service group covers the app, naming the group it comes through', () => {
    const grants: Grant[] = [
      { rid: 'dcos:service:marathon:marathon:services:/dev', actions: ['update'], source: via('developers') },
    ];
    const answer = explainAccess({ grants, mode: 'strict', rid: APPS, action: 'update' });
    expect(answer.allowed).toBe(true);
    expect(answer.reasons[0]).toMatchObject({
      kind: 'broader',
      rid: 'dcos:service:marathon:marathon:services:/dev',
      source: via('developers'),
    });
    expect(explainAccess({ grants, mode: 'strict', rid: APPS, action: 'delete' }).allowed).toBe(false);
  });

  it('lists every reason when several grants allow it', () => {
    const grants: Grant[] = [
      { rid: APPS, actions: ['read'], source: direct },
      { rid: APPS, actions: ['full'], source: via('ops') },
      { rid: 'dcos:superuser', actions: ['full'], source: direct },
    ];
    expect(explainAccess({ grants, mode: 'strict', rid: APPS, action: 'read' }).reasons.map((r) => r.kind)).toEqual([
      'superuser',
      'exact',
      'full',
    ]);
  });

  it('notes when the mode does not enforce the category: Mesos in permissive mode is allowed regardless', () => {
    const rid = 'dcos:mesos:master:task:app_id';
    const permissive = explainAccess({ grants: [], mode: 'permissive', rid, action: 'create' });
    expect(permissive).toMatchObject({ allowed: true, enforced: false, reasons: [] });
    expect(permissive.modeNote).toBe(
      'In permissive mode the cluster does not enforce Mesos permissions: this request is allowed whatever the grants.',
    );
    expect(explainAccess({ grants: [], mode: 'strict', rid, action: 'create' }).allowed).toBe(false);
  });

  it('follows the enforcement table of each mode', () => {
    expect(isEnforced('permissive', 'dcos:mesos:master:flags')).toBe(false);
    expect(isEnforced('permissive', 'dcos:service:marathon:marathon:services:/')).toBe(true);
    expect(isEnforced('disabled', 'dcos:service:marathon:marathon:services:/')).toBe(false);
    expect(isEnforced('disabled', 'dcos:secrets:default:/x')).toBe(true);
    expect(isEnforced('strict', 'dcos:mesos:master:flags')).toBe(true);
    expect(isEnforced('permissive', 'dcos:adminrouter:acs')).toBe(true);
  });
});
