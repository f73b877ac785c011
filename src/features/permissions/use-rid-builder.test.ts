import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '@/lib/rid.ts';
import { initialBuilderState } from './use-rid-builder.ts';

const CATALOG: CatalogEntry[] = [{ id: 'ops-metadata', category: 'Admin Router', template: 'dcos:adminrouter:ops:metadata', description: 'Cluster metadata', actions: ['full'] }];

describe('initialBuilderState', () => {
  it('starts from the catalog, on the entry a known rid matches', () => {
    expect(initialBuilderState(CATALOG, '')).toMatchObject({ mode: 'catalog', entryId: '' });
    expect(initialBuilderState(CATALOG, 'dcos:adminrouter:ops:metadata')).toMatchObject({ mode: 'catalog', entryId: 'ops-metadata' });
  });

  it('starts with a typed rid when the rid is unknown, or when there is no catalog (it failed to load)', () => {
    expect(initialBuilderState(CATALOG, 'dcos:custom:thing')).toMatchObject({ mode: 'free', freeRid: 'dcos:custom:thing' });
    expect(initialBuilderState([], '')).toMatchObject({ mode: 'free', freeRid: '' });
  });
});
