// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isAllowed, isEnforced, isSuperuser, superuserUids } from './authz.ts';
import { addMember, createDb, grant, removeUser } from './db/create-db.ts';
import type { SecurityMode } from './db/types.ts';

const freshDb = (securityMode: SecurityMode = 'strict') =>
  createDb('authz-test', { securityMode, tokenTtlSeconds: 60 });

describe('isEnforced', () => {
  it.each<[string, boolean, boolean, boolean]>([
    // rid, disabled, permissive, strict
    ['dcos:mesos:master:task:app_id', false, false, true],
    ['dcos:mesos', false, false, true],
    ['dcos:service:marathon:marathon:services:/', false, true, true],
    ['dcos:adminrouter:acs', true, true, true],
    ['dcos:adminrouter:ops:metadata', true, true, true],
    ['dcos:secrets:default:/db/password', true, true, true],
    ['dcos:secrets:list:default:/', true, true, true],
    ['dcos:superuser', true, true, true],
    ['dcos:cluster:linker:*', false, true, true],
  ])('%s: disabled %s, permissive %s, strict %s', (rid, disabled, permissive, strict) => {
    expect(isEnforced('disabled', rid)).toBe(disabled);
    expect(isEnforced('permissive', rid)).toBe(permissive);
    expect(isEnforced('strict', rid)).toBe(strict);
  });

  it('matches whole categories, not name prefixes', () => {
    expect(isEnforced('permissive', 'dcos:mesosphere')).toBe(true);
    expect(isEnforced('disabled', 'dcos:servicex:acs')).toBe(true);
  });

  it('enforces rids of no known category in every mode (deny by default)', () => {
    for (const mode of ['disabled', 'permissive', 'strict'] as const) {
      expect(isEnforced(mode, 'dcos:made-up:thing')).toBe(true);
      expect(isEnforced(mode, 'not-even-dcos')).toBe(true);
    }
  });
});

describe('isAllowed', () => {
  it('denies by default', () => {
    const db = freshDb();
    expect(isAllowed(db, 'bob', 'dcos:adminrouter:acs', 'full')).toBe(false);
    expect(isAllowed(db, 'bob', 'dcos:adminrouter:acs', 'read')).toBe(false);
    expect(isAllowed(db, 'nobody', 'dcos:secrets:default:/x', 'read')).toBe(false);
  });

  it('lets full cover every other action', () => {
    const db = freshDb();
    grant(db, 'dcos:secrets:default:/x', { uid: 'bob' }, 'full');
    for (const action of ['create', 'read', 'update', 'delete', 'full'] as const) {
      expect(isAllowed(db, 'bob', 'dcos:secrets:default:/x', action)).toBe(true);
    }
    expect(isAllowed(db, 'bob', 'dcos:secrets:default:/y', 'read')).toBe(false);
  });

  it('allows only the granted action otherwise', () => {
    const db = freshDb();
    grant(db, 'dcos:secrets:default:/x', { uid: 'bob' }, 'read');
    expect(isAllowed(db, 'bob', 'dcos:secrets:default:/x', 'read')).toBe(true);
    expect(isAllowed(db, 'bob', 'dcos:secrets:default:/x', 'update')).toBe(false);
    expect(isAllowed(db, 'bob', 'dcos:secrets:default:/x', 'full')).toBe(false);
  });

  it('counts grants to groups for their members only', () => {
    const db = freshDb();
    expect(isAllowed(db, 'alice', 'dcos:adminrouter:ops:metadata', 'full')).toBe(true);
    expect(isAllowed(db, 'bob', 'dcos:adminrouter:ops:metadata', 'full')).toBe(false);
    addMember(db, 'operators', 'bob');
    expect(isAllowed(db, 'bob', 'dcos:adminrouter:ops:metadata', 'read')).toBe(true);
  });

  it('lets a superuser do anything, in every mode', () => {
    for (const mode of ['disabled', 'permissive', 'strict'] as const) {
      const db = freshDb(mode);
      expect(isSuperuser(db, 'bootstrapuser')).toBe(true);
      expect(isAllowed(db, 'bootstrapuser', 'dcos:adminrouter:acs', 'full')).toBe(true);
      expect(isAllowed(db, 'bootstrapuser', 'dcos:secrets:default:/anything', 'delete')).toBe(true);
      expect(isAllowed(db, 'bootstrapuser', 'dcos:mesos:master:task', 'create')).toBe(true);
    }
  });

  it('makes a user superuser through a direct grant too', () => {
    const db = freshDb();
    expect(isSuperuser(db, 'bob')).toBe(false);
    grant(db, 'dcos:superuser', { uid: 'bob' }, 'full');
    expect(isSuperuser(db, 'bob')).toBe(true);
    expect(isAllowed(db, 'bob', 'dcos:adminrouter:acs', 'full')).toBe(true);
  });

  it('allows anyone in a category the mode does not enforce', () => {
    expect(isAllowed(freshDb('permissive'), 'bob', 'dcos:mesos:master:task', 'create')).toBe(true);
    expect(isAllowed(freshDb('strict'), 'bob', 'dcos:mesos:master:task', 'create')).toBe(false);
    expect(isAllowed(freshDb('disabled'), 'bob', 'dcos:service:marathon:marathon:services:/', 'full')).toBe(true);
    expect(isAllowed(freshDb('permissive'), 'bob', 'dcos:service:marathon:marathon:services:/', 'full')).toBe(false);
    expect(isAllowed(freshDb('disabled'), 'bob', 'dcos:adminrouter:acs', 'full')).toBe(false);
  });
});

describe('superuserUids', () => {
  it('is bootstrapuser alone in a fresh db', () => {
    expect(superuserUids(freshDb())).toEqual(new Set(['bootstrapuser']));
  });

  it('counts members of superusers and direct holders of dcos:superuser, with any action', () => {
    const db = freshDb();
    addMember(db, 'superusers', 'alice');
    grant(db, 'dcos:superuser', { uid: 'bob' }, 'read');
    grant(db, 'dcos:superuser', { uid: 'jenkins' }, 'full');
    expect(superuserUids(db)).toEqual(new Set(['bootstrapuser', 'alice', 'bob', 'jenkins']));
  });

  it('counts members of any group holding dcos:superuser', () => {
    const db = freshDb();
    grant(db, 'dcos:superuser', { gid: 'developers' }, 'full');
    expect(superuserUids(db)).toEqual(new Set(['bootstrapuser', 'carol', 'erin.lopez@example.com', 'jenkins']));
  });

  it('leaves out accounts that no longer exist and grants without actions', () => {
    const db = freshDb();
    addMember(db, 'superusers', 'ghost');
    grant(db, 'dcos:superuser', { uid: 'phantom' }, 'full');
    db.acls.get('dcos:superuser')?.users.set('bob', new Set());
    expect(superuserUids(db)).toEqual(new Set(['bootstrapuser']));
    removeUser(db, 'bootstrapuser');
    expect(superuserUids(db)).toEqual(new Set());
  });

  it('is empty without a dcos:superuser ACL', () => {
    const db = freshDb();
    db.acls.delete('dcos:superuser');
    expect(superuserUids(db)).toEqual(new Set());
  });
});
