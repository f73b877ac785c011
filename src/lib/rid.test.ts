import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  broaderRids,
  buildRid,
  matchRid,
  parseTemplate,
  ridCategory,
  ridProblem,
  secretPathOf,
  secretRid,
  type CatalogEntry,
} from './rid.ts';

const catalog = (JSON.parse(readFileSync('public/permission-catalog.json', 'utf8')) as { resources: CatalogEntry[] })
  .resources;
const entry = (id: string) => {
  const found = catalog.find((e) => e.id === id);
  if (!found) throw new Error(`no catalog entry ${id}`);
  return found;
};

describe('catalog templates', () => {
  it('parse into text, required and optional placeholders', () => {
    expect(parseTemplate('dcos:mesos:master:task:app_id[:<service-group>]')).toEqual([
      { kind: 'text', text: 'dcos:mesos:master:task:app_id' },
      { kind: 'slot', name: 'service-group', optional: true, prefix: ':' },
    ]);
    expect(parseTemplate('dcos:adminrouter:service:<service-endpoint>')).toEqual([
      { kind: 'text', text: 'dcos:adminrouter:service:' },
      { kind: 'slot', name: 'service-endpoint', optional: false, prefix: '' },
    ]);
  });

  it('build a Marathon service-group rid, with or without leading and trailing slashes', () => {
    const template = entry('marathon-services').template;
    expect(buildRid(template, { 'service-group': 'dev/app' }).rid).toBe(
      'dcos:service:marathon:marathon:services:/dev/app',
    );
    expect(buildRid(template, { 'service-group': '/dev/app/' }).rid).toBe(
      'dcos:service:marathon:marathon:services:/dev/app',
    );
    expect(buildRid(template, {})).toEqual({ rid: 'dcos:service:marathon:marathon:services:/', missing: [] });
  });

  it('build a Mesos rid: an omitted optional section means all values; a service group gets its leading slash', () => {
    const template = entry('mesos-master-task-app-id').template;
    expect(buildRid(template, {}).rid).toBe('dcos:mesos:master:task:app_id');
    expect(buildRid(template, { 'service-group': 'group' }).rid).toBe('dcos:mesos:master:task:app_id:/group');
  });

  it('report required placeholders left empty', () => {
    expect(buildRid(entry('secret').template, { 'secret-path': ' ' })).toEqual({
      rid: 'dcos:secrets:default:/<secret-path>',
      missing: ['secret-path'],
    });
    expect(buildRid(entry('secret').template, { 'secret-path': 'group/spark/key' }).rid).toBe(
      'dcos:secrets:default:/group/spark/key',
    );
  });

  it('recognize a rid, preferring the most specific template', () => {
    expect(matchRid(catalog, 'dcos:adminrouter:secrets')?.entry.id).toBe('ar-secrets');
    expect(matchRid(catalog, 'dcos:adminrouter:service:marathon')).toMatchObject({
      entry: { id: 'ar-service' },
      values: { 'service-endpoint': 'marathon' },
    });
    expect(matchRid(catalog, 'dcos:service:marathon:marathon:services:/dev/app')).toMatchObject({
      entry: { id: 'marathon-services' },
      values: { 'service-group': 'dev/app' },
    });
    expect(matchRid(catalog, 'dcos:mesos:master:task:app_id:/group')?.values).toEqual({ 'service-group': '/group' });
    expect(matchRid(catalog, 'dcos:unknown:thing')).toBeNull();
  });

  it('round-trip: every template filled with sample values is recognized as itself', () => {
    for (const item of catalog) {
      const values = Object.fromEntries(
        parseTemplate(item.template).flatMap((p) => (p.kind === 'slot' ? [[p.name, 'sample']] : [])),
      );
      const { rid } = buildRid(item.template, values);
      expect(ridProblem(rid), rid).toBeNull();
      expect(matchRid(catalog, rid)?.entry.id, rid).toBe(item.id);
    }
  });

  it('offers only the actions the reference lists (Admin Router: full only)', () => {
    expect(entry('ar-acs').actions).toEqual(['full']);
    expect(entry('secrets-list').actions).toEqual(['read']);
    expect(entry('mesos-master-agent').actions).toEqual(['update', 'delete']);
    expect(entry('superuser').actions).toEqual(['full', 'create', 'read', 'update', 'delete']);
  });
});

describe('typed rids', () => {
  it.each([
    ['', 'Enter a resource ID.'],
    [' dcos:superuser', 'Remove the spaces around the resource ID.'],
    ['mesos:master', 'A DC/OS resource ID starts with “dcos:”.'],
    ['dcos:a b', '“ ” is not allowed in a resource ID (letters, digits and : _ . / * @ - are).'],
    ['dcos:a::b', 'A resource ID has no empty sections (“::” or a trailing “:”).'],
    ['dcos:a:', 'A resource ID has no empty sections (“::” or a trailing “:”).'],
    ['dcos:secrets:default:/<secret-path>', 'Fill in the placeholders (the parts in < >).'],
    [`dcos:${'x'.repeat(600)}`, 'At most 512 characters.'],
  ])('%j is refused: %s', (rid, message) => {
    expect(ridProblem(rid)).toBe(message);
  });

  it.each([
    'dcos:superuser',
    'dcos:service:marathon:marathon:services:/dev/app',
    'dcos:cluster:linker:*',
    'dcos:mesos:agent:framework:role:slave_public',
  ])('%s is accepted', (rid) => {
    expect(ridProblem(rid)).toBeNull();
  });

  it('belongs to a category by prefix', () => {
    expect(ridCategory('dcos:mesos:master:flags')).toBe('mesos');
    expect(ridCategory('dcos:superuser')).toBe('superuser');
    expect(ridCategory('dcos:service:metronome:metronome:jobs')).toBe('service');
    expect(ridCategory('dcos:secretsx')).toBe('other');
  });
});

describe('broader rids that cover a rid', () => {
  it('Marathon service groups cover what is inside them', () => {
    expect(broaderRids('dcos:service:marathon:marathon:services:/dev/app').map((b) => b.rid)).toEqual([
      'dcos:service:marathon:marathon:services:/dev',
      'dcos:service:marathon:marathon:services:/',
    ]);
    expect(broaderRids('dcos:service:marathon:marathon:services:/')).toEqual([]);
  });

  it('secret list folders cover their sub-folders, but secret values are matched exactly', () => {
    expect(broaderRids('dcos:secrets:list:default:/group/spark').map((b) => b.rid)).toEqual([
      'dcos:secrets:list:default:/group',
      'dcos:secrets:list:default:/',
    ]);
    expect(broaderRids('dcos:secrets:default:/group/spark/key')).toEqual([]);
  });

  it('an omitted optional section covers every value (Mesos, Metronome, cluster linker)', () => {
    expect(broaderRids('dcos:mesos:master:task:app_id:/group/app').map((b) => b.rid)).toEqual([
      'dcos:mesos:master:task:app_id:/group',
      'dcos:mesos:master:task:app_id',
    ]);
    expect(broaderRids('dcos:mesos:master:framework:role:slave_public').map((b) => b.rid)).toEqual([
      'dcos:mesos:master:framework:role',
    ]);
    expect(broaderRids('dcos:service:metronome:metronome:jobs:nightly').map((b) => b.rid)).toEqual([
      'dcos:service:metronome:metronome:jobs',
    ]);
    expect(broaderRids('dcos:cluster:linker:b1f5').map((b) => b.rid)).toEqual(['dcos:cluster:linker:*']);
  });

  it('Admin Router has no inheritance for nested services', () => {
    expect(broaderRids('dcos:adminrouter:service:marathon')).toEqual([]);
  });
});

describe('secretRid and secretPathOf: a secret of the default store and its rid', () => {
  it('read back the path a rid was built from, for any path', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z0-9_.-]{1,8}$/), { minLength: 1, maxLength: 4 }).map((s) => s.join('/')),
        (path) => {
          expect(secretRid(path)).toBe(`dcos:secrets:default:/${path}`);
          expect(secretPathOf(secretRid(path))).toBe(path);
        },
      ),
    );
  });

  it('name no secret for a rid of another kind', () => {
    expect(secretPathOf('dcos:superuser')).toBeNull();
    expect(secretPathOf('dcos:secrets:other:/a')).toBeNull();
  });
});
