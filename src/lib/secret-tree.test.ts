import { describe, expect, it } from 'vitest';
import { ancestors, childrenOf } from './secret-tree.ts';

const paths = [
  'db-password',
  'group/spark/aws-secret-key',
  'group/spark/config/log-level',
  'group/hdfs/keytab',
  'jenkins/private-key',
  'group/readme',
];

describe('childrenOf', () => {
  it('lists the top level: folders with their secret counts, then secrets', () => {
    expect(childrenOf(paths, '')).toEqual([
      { kind: 'folder', name: 'group', path: 'group', count: 4 },
      { kind: 'folder', name: 'jenkins', path: 'jenkins', count: 1 },
      { kind: 'secret', name: 'db-password', path: 'db-password' },
    ]);
  });

  it('lists a nested folder with full paths', () => {
    expect(childrenOf(paths, 'group/spark')).toEqual([
      { kind: 'folder', name: 'config', path: 'group/spark/config', count: 1 },
      { kind: 'secret', name: 'aws-secret-key', path: 'group/spark/aws-secret-key' },
    ]);
  });

  it('does not mistake a name prefix for a folder', () => {
    expect(childrenOf(['groupies/x', 'group/y'], 'group')).toEqual([{ kind: 'secret', name: 'y', path: 'group/y' }]);
  });

  it('is empty for an unknown folder', () => {
    expect(childrenOf(paths, 'nope')).toEqual([]);
  });

  it('gives breadcrumbs for a folder', () => {
    expect(ancestors('a/b/c')).toEqual(['a', 'a/b', 'a/b/c']);
    expect(ancestors('')).toEqual([]);
  });
});
