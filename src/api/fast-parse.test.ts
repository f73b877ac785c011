import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import './zod-config.ts';
import { aclPermissionsSchema, aclSchema } from './acls.ts';
import { fastSafeParse } from './fast-parse.ts';
import { groupPermissionsSchema, groupSchema } from './groups.ts';
import { listSchema } from './schemas.ts';
import { userPermissionsSchema, userSchema } from './users.ts';

/** The answers must be zod's: the same success, an equal result (undefined keys included), the same issues. */
function expectSameAnswer(schema: z.ZodMiniType, value: unknown) {
  const ours = fastSafeParse(schema, value);
  const zods = schema.safeParse(value);
  expect(ours.success).toBe(zods.success);
  if (ours.success) expect(ours.data).toStrictEqual(zods.data);
  else expect(ours.error.issues).toStrictEqual(zods.error?.issues);
}

const text = fc.oneof(fc.string(), fc.constantFrom('', 'internal', 'ldap', 'oidc', 'saml', 'x'));
/** Mostly the right type for each field, sometimes a wrong one, sometimes missing, sometimes an extra key. */
const loose = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 2, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double()) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, [], {}) },
);
const account = fc.record(
  {
    uid: loose,
    url: loose,
    description: loose,
    is_remote: fc.oneof(fc.boolean(), loose),
    is_service: fc.oneof(fc.boolean(), loose),
    provider_type: fc.oneof(fc.constantFrom('internal', 'ldap', 'oidc', 'saml'), loose),
    provider_id: loose,
    public_key: loose,
    extra: loose,
  },
  { requiredKeys: [] },
);
const action = fc.record({ name: loose, url: loose }, { requiredKeys: [] });
const grantLike = fc.record(
  {
    rid: loose,
    gid: loose,
    uid: loose,
    description: loose,
    aclurl: loose,
    url: loose,
    userurl: loose,
    groupurl: loose,
    membershipurl: loose,
    actions: fc.oneof(fc.array(action, { maxLength: 3 }), loose),
  },
  { requiredKeys: [] },
);

describe('fastSafeParse answers as zod does', () => {
  it('for lists of accounts, valid or not', () => {
    fc.assert(
      fc.property(fc.oneof(fc.record({ array: fc.array(account, { maxLength: 6 }) }), fc.anything()), (value) => {
        expectSameAnswer(listSchema(userSchema), value);
        expectSameAnswer(userSchema, value);
      }),
      { numRuns: 2000 },
    );
  });

  it('for groups, ACLs and permission lists', () => {
    const schemas = [
      listSchema(groupSchema),
      listSchema(aclSchema),
      groupPermissionsSchema,
      aclPermissionsSchema,
      userPermissionsSchema,
    ];
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({ array: fc.array(grantLike, { maxLength: 4 }) }),
          fc.record({ users: fc.array(grantLike, { maxLength: 3 }), groups: fc.array(grantLike, { maxLength: 3 }) }),
          fc.record({ direct: fc.array(grantLike, { maxLength: 3 }), groups: fc.array(grantLike, { maxLength: 3 }) }),
          fc.anything(),
        ),
        (value) => {
          for (const schema of schemas) expectSameAnswer(schema, value);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('for secret paths, numbers and enums', () => {
    const schemas = [
      listSchema(z.string()),
      z.object({ n: z.number(), kind: z.enum(['text', 'binary']), tags: z.optional(z.array(z.string())) }),
    ];
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({ array: fc.array(fc.oneof(fc.string(), loose), { maxLength: 6 }) }),
          fc.record(
            {
              n: fc.oneof(fc.double(), fc.integer(), loose),
              kind: fc.oneof(fc.constantFrom('text', 'binary'), loose),
              tags: fc.oneof(fc.array(fc.string(), { maxLength: 3 }), loose),
            },
            { requiredKeys: [] },
          ),
          fc.anything(),
        ),
        (value) => {
          for (const schema of schemas) expectSameAnswer(schema, value);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('leaves every other kind of schema to zod', () => {
    const nonEmpty = z.string().check(z.minLength(1));
    expect(fastSafeParse(nonEmpty, '').success).toBe(false);
    const loose = z.looseObject({ a: z.string() });
    expect(fastSafeParse(loose, { a: 'x', b: 1 })).toStrictEqual(loose.safeParse({ a: 'x', b: 1 }));
    const strict = z.strictObject({ a: z.string() });
    expect(fastSafeParse(strict, { a: 'x', b: 1 }).success).toBe(false);
  });

  it('asks zod while something has added an enumerable key to Object.prototype', () => {
    const user = { uid: 'alice', url: '/acs/api/v1/users/alice', is_remote: false };
    Object.defineProperty(Object.prototype, 'description', {
      value: 'inherited',
      enumerable: true,
      configurable: true,
      writable: true,
    });
    let ours;
    let zods;
    try {
      ours = fastSafeParse(userSchema, user);
      zods = userSchema.safeParse(user);
    } finally {
      delete (Object.prototype as { description?: unknown }).description;
    }
    // zod copies the inherited description into an own key; the value itself has none, so it is not zod's result.
    expect(ours.data).not.toBe(user);
    expect(ours).toStrictEqual(zods);
    expect(Object.hasOwn(ours.data ?? {}, 'description')).toBe(true);
  });

  it('returns a value that is already exactly zod’s result as it is, without a copy', () => {
    const users = { array: [{ uid: 'alice', url: '/acs/api/v1/users/alice', description: 'Alice', is_remote: false }] };
    expect(fastSafeParse(listSchema(userSchema), users).data).toBe(users);
    const extra = { array: [{ ...users.array[0], secret: 'x' }] };
    const stripped = fastSafeParse(listSchema(userSchema), extra);
    expect(stripped.data).not.toBe(extra);
    expect(stripped.data?.array[0]).not.toHaveProperty('secret');
  });
});
