import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePermissionLines } from './permission-lines.ts';
import type { CatalogEntry } from './rid.ts';

const catalog = (JSON.parse(readFileSync('public/permission-catalog.json', 'utf8')) as { resources: CatalogEntry[] })
  .resources;

describe('the bulk permission lines', () => {
  it('parse `rid action[,action…]` per line, skipping blank lines and comments', () => {
    const lines = parsePermissionLines(
      '# ops\n\ndcos:adminrouter:acs full\n  dcos:service:marathon:marathon:services:/dev  read,UPDATE \n',
      catalog,
    );
    expect(lines).toEqual([
      { line: 3, text: 'dcos:adminrouter:acs full', rid: 'dcos:adminrouter:acs', actions: ['full'], error: null },
      {
        line: 4,
        text: 'dcos:service:marathon:marathon:services:/dev  read,UPDATE',
        rid: 'dcos:service:marathon:marathon:services:/dev',
        actions: ['read', 'update'],
        error: null,
      },
    ]);
  });

  it('report each bad line with its number and why', () => {
    const lines = parsePermissionLines(
      'dcos:adminrouter:acs\nnot-a-rid full\ndcos:x grant\ndcos:x read write extra\ndcos:adminrouter:acs read',
      catalog,
    );
    expect(lines.map((l) => [l.line, l.error])).toEqual([
      [1, 'Write the resource ID, one space, then actions separated by commas (e.g. “dcos:adminrouter:acs full”).'],
      [2, 'A DC/OS resource ID starts with “dcos:”.'],
      [3, '“grant” is not an action; use create, read, update, delete or full.'],
      [4, 'Write the resource ID, one space, then actions separated by commas (e.g. “dcos:adminrouter:acs full”).'],
      [5, 'dcos:adminrouter:acs supports full, not “read”.'],
    ]);
  });

  it('report a repeated rid and action against the line that first had it', () => {
    const lines = parsePermissionLines('dcos:x read,update\ndcos:y read\ndcos:x update', catalog);
    expect(lines[2]?.error).toBe('Duplicate: line 1 already grants “update” on dcos:x.');
    expect(lines.slice(0, 2).every((l) => l.error === null)).toBe(true);
  });

  it('accept an empty action list as an error, not a crash', () => {
    expect(parsePermissionLines('dcos:x ,', catalog)[0]?.error).toBe(
      '“(empty)” is not an action; use create, read, update, delete or full.',
    );
  });
});
