import { describe, expect, it } from 'vitest';
import { describeReason } from './access-check.ts';
import {
  canAnswer,
  indexAccessModel,
  matchesFilter,
  membershipGives,
  questionRids,
  whoCan,
  type AccessModelInput,
} from './who-can.ts';

const APP = 'dcos:service:marathon:marathon:services:/dev/app';
const DEV = 'dcos:service:marathon:marathon:services:/dev';
const SECRET = 'dcos:secrets:default:/team/db-password';

const user = (uid: string, ...actions: string[]) => ({ uid, actions });
const group = (gid: string, ...actions: string[]) => ({ gid, actions });

function model(acls: AccessModelInput['acls'], members: Record<string, string[]> = {}, services: string[] = []) {
  return indexAccessModel({
    acls,
    members: Object.entries(members).map(([gid, uids]) => ({ gid, uids })),
    serviceAccounts: services,
    asOf: 0,
  });
}

const reasonsOf = (answer: ReturnType<typeof whoCan>, uid: string) =>
  answer.rows.find((r) => r.uid === uid)?.reasons.map(describeReason);

describe('whoCan: every account that may, with every reason', () => {
  it('names a superuser who holds dcos:superuser directly', () => {
    const m = model([{ rid: 'dcos:superuser', users: [user('root', 'full')], groups: [] }]);
    const answer = whoCan(m, SECRET, 'read', 'strict');
    expect(answer.rows).toEqual([
      { uid: 'root', kind: 'user', reasons: [expect.objectContaining({ kind: 'superuser' })] },
    ]);
    expect(reasonsOf(answer, 'root')).toEqual([
      'Superuser: holds “full” on dcos:superuser directly, which allows everything.',
    ]);
  });

  it('names the members of the superusers group, through that group', () => {
    const m = model(
      [{ rid: 'dcos:superuser', users: [], groups: [group('superusers', 'full')] }],
      { superusers: ['bootstrapuser', 'jenkins'] },
      ['jenkins'],
    );
    const answer = whoCan(m, SECRET, 'delete', 'strict');
    expect(answer.rows.map((r) => [r.uid, r.kind])).toEqual([
      ['bootstrapuser', 'user'],
      ['jenkins', 'service'],
    ]);
    expect(reasonsOf(answer, 'jenkins')).toEqual([
      'Superuser: holds “full” on dcos:superuser through group superusers, which allows everything.',
    ]);
  });

  it('names a direct grant of the action on the rid', () => {
    const answer = whoCan(
      model([{ rid: SECRET, users: [user('alice', 'read')], groups: [] }]),
      SECRET,
      'read',
      'strict',
    );
    expect(reasonsOf(answer, 'alice')).toEqual(['Granted directly on this resource.']);
  });

  it('names a grant through a group, once per group', () => {
    const m = model([{ rid: SECRET, users: [], groups: [group('ops', 'read'), group('dev', 'read', 'update')] }], {
      ops: ['carol'],
      dev: ['carol', 'dave'],
    });
    const answer = whoCan(m, SECRET, 'read', 'strict');
    expect(reasonsOf(answer, 'carol')).toEqual([
      'Granted through group ops on this resource.',
      'Granted through group dev on this resource.',
    ]);
    expect(reasonsOf(answer, 'dave')).toEqual(['Granted through group dev on this resource.']);
  });

  it('names full as covering every action', () => {
    const answer = whoCan(
      model([{ rid: SECRET, users: [user('alice', 'full')], groups: [] }]),
      SECRET,
      'delete',
      'strict',
    );
    expect(reasonsOf(answer, 'alice')).toEqual(['Holds “full” on this resource directly, which covers every action.']);
  });

  it('names a broader rid (a parent service group) and says why it covers', () => {
    const m = model([{ rid: DEV, users: [], groups: [group('dev', 'update')] }], { dev: ['dave'] });
    const answer = whoCan(m, APP, 'update', 'strict');
    expect(reasonsOf(answer, 'dave')).toEqual([
      `Holds “update” on ${DEV} through group dev. Marathon permissions on a service group cover every service and group inside it.`,
    ]);
    expect(whoCan(m, APP, 'delete', 'strict').rows).toEqual([]);
  });

  it('lists every reason of one account, strongest first', () => {
    const m = model(
      [
        { rid: 'dcos:superuser', users: [user('eve', 'full')], groups: [] },
        { rid: APP, users: [user('eve', 'read')], groups: [group('dev', 'full')] },
        { rid: DEV, users: [], groups: [group('dev', 'read')] },
      ],
      { dev: ['eve'] },
    );
    expect(whoCan(m, APP, 'read', 'strict').rows[0]?.reasons.map((r) => r.kind)).toEqual([
      'superuser',
      'exact',
      'full',
      'broader',
    ]);
  });

  it('leaves out holders whose actions do not cover the question', () => {
    const m = model([{ rid: SECRET, users: [user('alice', 'read')], groups: [group('ops', 'create')] }], {
      ops: ['bob'],
    });
    expect(whoCan(m, SECRET, 'update', 'strict').rows).toEqual([]);
  });

  it('says so when the mode does not enforce the category: everyone is let through', () => {
    const m = model([{ rid: APP, users: [user('alice', 'read')], groups: [] }]);
    const permissive = whoCan(m, 'dcos:mesos:master:task:app_id:/dev/app', 'read', 'permissive');
    expect(permissive.enforced).toBe(false);
    expect(permissive.modeNote).toMatch(/does not enforce Mesos permissions/);
    const disabled = whoCan(m, APP, 'read', 'disabled');
    expect(disabled.enforced).toBe(false);
    expect(disabled.rows.map((r) => r.uid)).toEqual(['alice']);
    expect(whoCan(m, APP, 'read', 'strict')).toMatchObject({ enforced: true, modeNote: null });
  });

  it('answers no one when nobody holds anything that covers it', () => {
    const answer = whoCan(model([]), SECRET, 'read', 'strict');
    expect(answer).toMatchObject({ rows: [], enforced: true, modeNote: null });
  });

  it('ignores a group without members and members of groups that hold nothing here', () => {
    const m = model([{ rid: SECRET, users: [], groups: [group('empty', 'read')] }], { other: ['x'] });
    expect(whoCan(m, SECRET, 'read', 'strict').rows).toEqual([]);
  });
});

describe('filters, scope and membership', () => {
  const m = model(
    [
      { rid: 'dcos:superuser', users: [], groups: [group('superusers', 'full')] },
      { rid: APP, users: [user('alice', 'full')], groups: [group('dev', 'read')] },
      { rid: DEV, users: [user('bob', 'read')], groups: [] },
    ],
    { superusers: ['root'], dev: ['carol', 'alice'] },
  );
  const answer = whoCan(m, APP, 'read', 'strict');

  it('filters rows by the kind of reason', () => {
    const pick = (filter: Parameters<typeof matchesFilter>[1]) =>
      answer.rows.filter((r) => matchesFilter(r, filter)).map((r) => r.uid);
    expect(pick('all')).toEqual(['alice', 'bob', 'carol', 'root']);
    expect(pick('superuser')).toEqual(['root']);
    expect(pick('exact')).toEqual(['alice', 'carol']);
    expect(pick('full')).toEqual(['alice']);
    expect(pick('broader')).toEqual(['bob']);
    expect(pick('direct')).toEqual(['alice', 'bob']);
    expect(pick('group')).toEqual(['alice', 'carol', 'root']);
  });

  it('knows which questions a model read for one question can answer', () => {
    expect(questionRids(APP)).toEqual(['dcos:superuser', APP, DEV, 'dcos:service:marathon:marathon:services:/']);
    const scoped = indexAccessModel({ acls: [], members: [], serviceAccounts: [], scope: questionRids(APP), asOf: 0 });
    expect(canAnswer(scoped, APP)).toBe(true);
    expect(canAnswer(scoped, DEV)).toBe(true);
    expect(canAnswer(scoped, SECRET)).toBe(false);
    expect(canAnswer(m, SECRET)).toBe(true);
  });

  it('tells what membership of a group gives, and to whom it is the only way', () => {
    expect(membershipGives(m, 'dev', 'strict')).toEqual([
      { rid: APP, action: 'read', members: 2, onlyThroughGroup: 1 },
    ]);
    expect(membershipGives(m, 'superusers', 'strict')).toEqual([
      { rid: 'dcos:superuser', action: 'full', members: 1, onlyThroughGroup: 1 },
    ]);
  });
});
