import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyIamFile, iamFileSchema, parseIamFile, serializeIamFile } from './format.ts';

const schema = JSON.parse(readFileSync(resolve(process.cwd(), 'docs/iam-file.schema.json'), 'utf8')) as {
  required: string[];
  properties: Record<string, unknown>;
  $defs: Record<string, { properties: Record<string, unknown> }>;
};

describe('Reading an IAM file', () => {
  it('names every problem with its place in the file', () => {
    const file = {
      ...emptyIamFile(),
      users: [{ uid: 'a b', description: 'x', provider: 'kerberos' }],
      acls: [{ rid: 'dcos:x', description: '', grants: [{ group: 'ops', actions: ['read', 'own'] }] }],
    };
    const result = parseIamFile(JSON.stringify(file));
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^users\[0\]\.uid: /),
        expect.stringMatching(/^users\[0\]\.provider: /),
        expect.stringMatching(/^acls\[0\]\.grants\[0\]/),
      ]),
    );
  });

  it('says so for text that is not JSON, another format version, or an account listed twice', () => {
    expect(parseIamFile('{"format":')).toEqual({ ok: false, errors: [expect.stringMatching(/^Not JSON/)] });
    expect(parseIamFile(JSON.stringify({ ...emptyIamFile(), version: 2 }))).toEqual({
      ok: false,
      errors: ['This console reads IAM file version 1; the file is version 2.'],
    });
    const twice = { ...emptyIamFile(), users: [1, 2].map(() => ({ uid: 'a', description: '', provider: 'internal' })) };
    expect(parseIamFile(JSON.stringify(twice))).toEqual({
      ok: false,
      errors: ['users and serviceAccounts: “a” appears twice.'],
    });
  });

  it('writes sorted lists and sorted actions, whatever order it was given', () => {
    const file = {
      ...emptyIamFile(),
      groups: [
        { gid: 'b', description: '', members: ['z', 'a'] },
        { gid: 'a', description: '', members: [] },
      ],
      acls: [{ rid: 'r', description: '', grants: [{ user: 'u', actions: ['read', 'full'] as const }] }],
    };
    const text = serializeIamFile({ ...file, acls: file.acls.map((a) => ({ ...a, grants: [...a.grants] })) } as never);
    const back = JSON.parse(text) as typeof file;
    expect(back.groups.map((g) => g.gid)).toEqual(['a', 'b']);
    expect(back.groups[1]?.members).toEqual(['a', 'z']);
    expect(back.acls[0]?.grants[0]?.actions).toEqual(['full', 'read']);
  });

  it('matches the JSON Schema in docs/: the same top-level keys and the same keys per entry', () => {
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(iamFileSchema.shape).sort());
    const shapes = { user: 'users', serviceAccount: 'serviceAccounts', group: 'groups', acl: 'acls' } as const;
    for (const [def, key] of Object.entries(shapes)) {
      const element = (iamFileSchema.shape[key] as unknown as { _zod: { def: { element: { shape: object } } } })._zod
        .def.element.shape;
      expect(Object.keys(schema.$defs[def]?.properties ?? {}).sort(), def).toEqual(Object.keys(element).sort());
    }
  });
});
