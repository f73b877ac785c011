import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '@/lib/rid.ts';
import { initialBuilderState, searchCatalog } from './use-rid-builder.ts';

const CATALOG: CatalogEntry[] = [
  {
    id: 'ops-metadata',
    category: 'Admin Router',
    template: 'dcos:adminrouter:ops:metadata',
    description: 'Cluster metadata',
    actions: ['full'],
  },
];

describe('initialBuilderState', () => {
  it('starts from the catalog, on the entry a known rid matches', () => {
    expect(initialBuilderState(CATALOG, '')).toMatchObject({ mode: 'catalog', entryId: '' });
    expect(initialBuilderState(CATALOG, 'dcos:adminrouter:ops:metadata')).toMatchObject({
      mode: 'catalog',
      entryId: 'ops-metadata',
    });
  });

  it('starts with a typed rid when the rid is unknown, or when there is no catalog (it failed to load)', () => {
    expect(initialBuilderState(CATALOG, 'dcos:custom:thing')).toMatchObject({
      mode: 'free',
      freeRid: 'dcos:custom:thing',
    });
    expect(initialBuilderState([], '')).toMatchObject({ mode: 'free', freeRid: '' });
  });
});

describe('searchCatalog', () => {
  const catalog: CatalogEntry[] = [
    ...CATALOG,
    {
      id: 'secret',
      category: 'Secrets',
      template: 'dcos:secrets:default:<secret-path>',
      description: 'A secret',
      actions: ['read'],
    },
    {
      id: 'ops-mesos',
      category: 'Admin Router',
      template: 'dcos:adminrouter:ops:mesos',
      description: 'Mesos UI and API',
      actions: ['full'],
    },
  ];

  it('groups every entry by area, in the catalog’s order', () => {
    expect(searchCatalog(catalog, '').map((g) => [g.area, g.entries.map((e) => e.id)])).toEqual([
      ['Admin Router', ['ops-metadata', 'ops-mesos']],
      ['Secrets', ['secret']],
    ]);
  });

  it('keeps the entries whose template, description or area hold every word, whatever the case', () => {
    expect(searchCatalog(catalog, 'ROUTER mesos').flatMap((g) => g.entries.map((e) => e.id))).toEqual(['ops-mesos']);
    expect(searchCatalog(catalog, '  secret  ').map((g) => g.area)).toEqual(['Secrets']);
    expect(searchCatalog(catalog, 'nothing like this')).toEqual([]);
  });
});
