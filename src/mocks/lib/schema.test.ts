// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { pyRepr, schemaViolation } from './schema.ts';

describe('pyRepr', () => {
  it.each<[unknown, string]>([
    [null, 'None'],
    [true, 'True'],
    [false, 'False'],
    [42, '42'],
    [-1.5, '-1.5'],
    ['abc', "'abc'"],
    ["it's", '"it\'s"'],
    ['say "hi" it\'s', "'say \"hi\" it\\'s'"],
    ['a\\b\nc\td', "'a\\\\b\\nc\\td'"],
    ['\u0001', "'\\x01'"],
    ['Zoë', "'Zoë'"],
    [[1, 'a', null], "[1, 'a', None]"],
    [{ a: 1, b: [true] }, "{'a': 1, 'b': [True]}"],
    [[], '[]'],
    [{}, '{}'],
  ])('writes %j as %s', (value, repr) => {
    expect(pyRepr(value)).toBe(repr);
  });
});

describe('schemaViolation', () => {
  const SCHEMA = {
    required: ['description'],
    properties: { description: 'string', count: 'integer', tags: 'array' },
  } as const;

  it('accepts a conforming body', () => {
    expect(schemaViolation({ description: 'x', count: 3, tags: [] }, SCHEMA)).toBeNull();
    expect(schemaViolation({ description: '' }, SCHEMA)).toBeNull();
  });

  it('reports a missing required property first', () => {
    expect(schemaViolation({ count: 'x', extra: 1 }, SCHEMA)).toBe("'description' is a required property");
  });

  it('reports wrong types, in schema order, before extra properties', () => {
    expect(schemaViolation({ description: 'x', tags: {}, count: 1.5, extra: 1 }, SCHEMA)).toBe(
      "1.5 is not of type 'integer'",
    );
    expect(schemaViolation({ description: 'x', tags: 'a', extra: 1 }, SCHEMA)).toBe("'a' is not of type 'array'");
  });

  it('lists extra properties in body order, with was/were', () => {
    expect(schemaViolation({ description: 'x', zed: 1 }, SCHEMA)).toBe(
      "Additional properties are not allowed ('zed' was unexpected)",
    );
    expect(schemaViolation({ b: 1, description: 'x', a: 2 }, SCHEMA)).toBe(
      "Additional properties are not allowed ('b', 'a' were unexpected)",
    );
  });

  it('allows extra properties when the schema does', () => {
    expect(schemaViolation({ description: 'x', zed: 1 }, { ...SCHEMA, additionalProperties: true })).toBeNull();
  });

  it('checks boolean, number and object types', () => {
    const schema = { properties: { flag: 'boolean', ratio: 'number', meta: 'object' } } as const;
    expect(schemaViolation({ flag: true, ratio: 0.5, meta: {} }, schema)).toBeNull();
    expect(schemaViolation({ flag: 'yes' }, schema)).toBe("'yes' is not of type 'boolean'");
    expect(schemaViolation({ ratio: '1' }, schema)).toBe("'1' is not of type 'number'");
    expect(schemaViolation({ meta: [] }, schema)).toBe("[] is not of type 'object'");
    expect(schemaViolation({ meta: null }, schema)).toBe("None is not of type 'object'");
  });
});
