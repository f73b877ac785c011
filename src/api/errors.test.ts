import { describe, expect, it } from 'vitest';
import { decodeErrorResponse, describeErrorWithHint, forbiddenHint } from './errors.ts';

const refusal = () =>
  new Response('{"title":"Forbidden","description":"Denied."}', {
    status: 403,
    headers: { 'Content-Type': 'application/json' },
  });
const HINT = 'Managing users, groups and permissions needs dcos:adminrouter:acs full (or dcos:superuser).';

describe('forbiddenHint', () => {
  it('names the permission an IAM endpoint needs when it refuses', async () => {
    const error = await decodeErrorResponse(refusal(), '/acs/api/v1/acls/dcos:superuser/users/bob/full');
    expect(forbiddenHint(error)).toBe(HINT);
    expect(describeErrorWithHint(error)).toBe(`Denied. ${HINT}`);
  });

  it('says nothing where the reference names no permission, or for other failures', async () => {
    expect(forbiddenHint(await decodeErrorResponse(refusal(), '/secrets/v1/secret/default/a'))).toBeNull();
    expect(forbiddenHint(await decodeErrorResponse(refusal()))).toBeNull();
    const unavailable = await decodeErrorResponse(
      new Response('Datastore is read-only', { status: 503 }),
      '/acs/api/v1/acls',
    );
    expect(forbiddenHint(unavailable)).toBeNull();
    expect(describeErrorWithHint(unavailable)).toBe('Datastore is read-only');
  });
});
