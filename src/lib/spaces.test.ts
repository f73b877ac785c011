import { describe, expect, it } from 'vitest';
import { canServiceRead, describeSpace, secretSpace } from './spaces.ts';

describe('the DC/OS spaces rule', () => {
  // The example table of the DC/OS documentation, row by row.
  it.each([
    ['group/secret', '/marathon-user/service', false],
    ['group/secret', '/group/hdfs/service', true],
    ['group/hdfs/secret', '/group/spark/service', false],
    ['hdfs/secret', '/hdfs', true],
  ])('secret %s, service %s: %s', (secret, service, allowed) => {
    expect(canServiceRead(secret, service)).toBe(allowed);
  });

  it('lets every service read a secret without a path', () => {
    expect(canServiceRead('db-password', '/anything/at/all')).toBe(true);
    expect(secretSpace('db-password')).toBeNull();
    expect(describeSpace('db-password')).toContain('every service');
  });

  it('matches whole path segments, not name prefixes', () => {
    expect(canServiceRead('group/hdfs/secret', '/group/hdfs-old/service')).toBe(false);
    expect(canServiceRead('group/hdfs/secret', '/group/hdfs')).toBe(true);
    expect(canServiceRead('group/hdfs/secret', 'group/hdfs/x')).toBe(true);
  });

  it('names the space in words', () => {
    expect(describeSpace('group/hdfs/secret')).toBe(
      'Services whose ID is /group/hdfs or lies under /group/hdfs/ may read this secret; other services may not.',
    );
  });
});
