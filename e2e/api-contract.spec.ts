import { expect, test } from '@playwright/test';
import { allOperations, responseSchema, templateOf, violations } from './contract/openapi.ts';

// The contract check itself (e2e/contract/): it runs in every test through the `apiContract` fixture; here, that it
// finds the right operation and schema, and that it would catch a wrong answer. No browser.

test('request paths find their OpenAPI operation, literal segments before parameters', () => {
  expect(templateOf('GET', '/acs/api/v1/users/alice/permissions')).toBe('/acs/api/v1/users/{uid}/permissions');
  expect(templateOf('PUT', '/acs/api/v1/acls/dcos:superuser/users/alice/full')).toBe(
    '/acs/api/v1/acls/{rid}/users/{uid}/{action}',
  );
  expect(templateOf('GET', '/secrets/v1/secret/default/group/spark/aws-secret-key')).toBe(
    '/secrets/v1/secret/{store}/{path-to-secret}',
  );
  expect(templateOf('GET', '/acs/api/v1/auth/oidc/providers')).toBe('/acs/api/v1/auth/oidc/providers');
  expect(templateOf('GET', '/dcos-metadata/ui-config.json')).toBeNull();
  expect(allOperations()).toContain('GET /acs/api/v1/users');
  expect(
    allOperations().every((operation) => /^(GET|PUT|POST|PATCH|DELETE) \/(acs|secrets|dcos-metadata)/.test(operation)),
  ).toBe(true);
});

test('a wrong answer is caught: a wrong type, a missing required field, an error code the IAM does not have', () => {
  const users = responseSchema('GET', '/acs/api/v1/users', 200);
  expect(users).not.toBeNull();
  const good = {
    array: [
      {
        uid: 'alice',
        url: '/acs/api/v1/users/alice',
        description: 'Alice',
        is_remote: false,
        is_service: false,
        provider_type: 'internal',
        provider_id: '',
      },
    ],
  };
  expect(violations(users ?? {}, good)).toEqual([]);
  expect(violations(users ?? {}, { array: [{ ...good.array[0], uid: 7 }] })).toEqual([
    '$.array[0].uid: integer where string is expected',
  ]);
  expect(violations(users ?? {}, { array: 'alice' })).toEqual(['$.array: string where array is expected']);
  const withoutUid: Record<string, unknown> = { ...good.array[0] };
  delete withoutUid.uid;
  expect(violations(users ?? {}, { array: [withoutUid] })).toEqual(['$.array[0].uid: required, missing']);
  const error = responseSchema('GET', '/acs/api/v1/users/{uid}', 400);
  expect(violations(error ?? {}, { title: 'Bad Request', description: 'x', code: 'ERR_UNKNOWN_USER_ID' })).toEqual([]);
  expect(violations(error ?? {}, { title: 'Bad Request', code: 'ERR_MADE_UP' })[0]).toMatch(
    /^\$\.code: "ERR_MADE_UP" is not one of/,
  );
});
