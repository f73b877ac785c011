import { describe, expect, it } from 'vitest';
import {
  allows,
  isSystemAccount,
  newUserSchema,
  originOf,
  passwordChangeSchema,
  uidSchema,
  type User,
  type UserPermissions,
} from './users.ts';
import { gidSchema, newGroupSchema } from './groups.ts';

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message) ?? [];

describe('the IAM id rules, checked before sending', () => {
  it.each(['alice', 'a.b-c_d@corp.example', 'x'.repeat(96), 'dcos_marathon'])('accepts the uid %s', (uid) => {
    expect(uidSchema.safeParse(uid).success).toBe(true);
  });

  it.each([
    ['', 'Enter a user ID.'],
    ['has space', 'Use only letters, digits and - _ @ .'],
    ['slash/', 'Use only letters, digits and - _ @ .'],
    ['ünicode', 'Use only letters, digits and - _ @ .'],
    ['x'.repeat(97), 'At most 96 characters.'],
    ['anonymous', '“anonymous” is reserved.'],
  ])('refuses the uid %j: %s', (uid, message) => {
    expect(messages(uidSchema.safeParse(uid))).toContain(message);
  });

  it('applies the same rules to group ids, without the reserved uid', () => {
    expect(gidSchema.safeParse('team-payments-12').success).toBe(true);
    expect(messages(gidSchema.safeParse('bad id'))).toContain('Use only letters, digits and - _ @ .');
    expect(messages(newGroupSchema.safeParse({ gid: 'ops', description: '  ' }))).toContain('Enter a description.');
  });
});

describe('the user form', () => {
  it('needs a password of at least 5 characters, confirmed', () => {
    expect(newUserSchema.safeParse({ uid: 'u', description: '', password: 'abcde', confirm: 'abcde' }).success).toBe(
      true,
    );
    expect(
      messages(newUserSchema.safeParse({ uid: 'u', description: '', password: 'abcd', confirm: 'abcd' })),
    ).toContain('At least 5 characters.');
    const mismatch = newUserSchema.safeParse({ uid: 'u', description: '', password: 'abcde', confirm: 'abcdf' });
    expect(mismatch.error?.issues[0]).toMatchObject({ path: ['confirm'], message: 'The passwords do not match.' });
    expect(passwordChangeSchema.safeParse({ password: 'abcdef', confirm: 'abcdeF' }).success).toBe(false);
  });
});

describe('accounts', () => {
  const user = (over: Partial<User>): User => ({ uid: 'u', url: '', description: '', is_remote: false, ...over });
  it('derives the origin from provider_type', () => {
    expect(originOf(user({ provider_type: 'internal' }))).toBe('local');
    expect(originOf(user({ provider_type: 'ldap', is_remote: true }))).toBe('ldap');
    expect(originOf(user({ provider_type: 'saml', is_remote: true }))).toBe('saml');
    // Older IAMs send no provider_type: remote users were LDAP then.
    expect(originOf(user({ is_remote: true }))).toBe('ldap');
    expect(originOf(user({}))).toBe('local');
  });

  it('marks dcos_ accounts as DC/OS components', () => {
    expect(isSystemAccount('dcos_marathon')).toBe(true);
    expect(isSystemAccount('my_dcos_thing')).toBe(false);
    expect(isSystemAccount('DCOS_X')).toBe(false);
  });
});

describe('allows: what the console leaves out for an account', () => {
  const action = (name: string) => ({ name, url: `/acs/api/v1/acls/x/users/u/${name}` });
  const row = (rid: string, ...names: string[]) => ({ rid, description: '', aclurl: '', actions: names.map(action) });
  const perms = (
    direct: ReturnType<typeof row>[],
    groups: (ReturnType<typeof row> & { gid: string; membershipurl: string })[] = [],
  ): UserPermissions => ({ direct, groups });
  const SECRET = 'dcos:secrets:default:/group/spark/key';

  it('takes the action or full on exactly the rid, directly or through a group, or superuser', () => {
    expect(allows(perms([row(SECRET, 'read')]), SECRET, 'read')).toBe(true);
    expect(allows(perms([row(SECRET, 'read')]), SECRET, 'delete')).toBe(false);
    expect(allows(perms([row(SECRET, 'full')]), SECRET, 'delete')).toBe(true);
    expect(allows(perms([], [{ ...row(SECRET, 'update'), gid: 'ops', membershipurl: '' }]), SECRET, 'update')).toBe(
      true,
    );
    expect(allows(perms([row('dcos:superuser', 'full')]), SECRET, 'delete')).toBe(true);
  });

  it('never widens: a parent path, a prefix or another action is not the permission', () => {
    expect(allows(perms([row('dcos:secrets:default:/group', 'full')]), SECRET, 'read')).toBe(false);
    expect(allows(perms([row('dcos:secrets:default:/group/spark/ke', 'full')]), SECRET, 'read')).toBe(false);
    expect(allows(perms([row(SECRET, 'create', 'read')]), SECRET, 'update')).toBe(false);
    expect(allows(perms([row('dcos:superuser')]), SECRET, 'read')).toBe(false);
  });
});
