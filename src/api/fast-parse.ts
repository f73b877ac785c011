import type { z } from 'zod/mini';

/**
 * zod's answer, sooner, for the plain shapes the IAM's lists are made of.
 *
 * The console's CSP forbids eval, so zod runs without its compiled parsers: checking 100,000 accounts took 152 ms on
 * this machine's CPU (600 ms at the bench's 4× slowdown), as long as parsing their JSON. Most of that is zod building
 * a copy of every object. For a schema made only of objects, arrays, strings, finite numbers, booleans, enums and
 * optionals (no refinements, no defaults, no transforms), a value that has exactly the schema's keys and types is
 * its own result: zod would return an equal copy. `fastSafeParse` checks that with plain `typeof`s and returns the
 * value itself; whenever it cannot tell (another kind of schema, a key the schema does not name, a wrong type), it
 * asks zod, so every answer, errors included, is zod's own. src/api/fast-parse.test.ts checks the two agree on
 * generated values.
 */
type Check = (value: unknown) => boolean;

/** What a def may hold besides `type` for its kind to be checked here: anything else (checks, coercion) is zod's. */
const PLAIN_DEF_KEYS = new Set(['type', 'shape', 'element', 'innerType', 'entries', 'checks']);

interface Def {
  type: string;
  shape?: Record<string, { _zod: { def: Def } }>;
  element?: { _zod: { def: Def } };
  innerType?: { _zod: { def: Def } };
  entries?: Record<string, string | number>;
  checks?: readonly unknown[];
  catchall?: unknown;
}

/** An object as JSON.parse makes them; zod answers for any other (a null prototype, a class instance) with a copy. */
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

const rejects: Check = () => false;

function compileObject(shape: NonNullable<Def['shape']>): Check | null {
  const keys = Object.keys(shape);
  const checks: Check[] = [];
  const optional: boolean[] = [];
  for (const key of keys) {
    const def = shape[key]?._zod.def;
    const check = def ? compile(def) : null;
    if (!def || !check) return null;
    checks.push(check);
    optional.push(def.type === 'optional');
  }
  return (value) => {
    if (!isPlainObject(value)) return false;
    let present = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] ?? '';
      const field = value[key];
      if (field !== undefined || Object.hasOwn(value, key)) present++;
      else if (!optional[i]) return false;
      if (!(checks[i] ?? rejects)(field)) return false;
    }
    // A key the schema does not name: zod would leave it out of its copy, so the value is not its own result. Every
    // key `for in` gives is the value's own (fastSafeParse asks zod if Object.prototype has an enumerable key), so
    // counting them is enough: an own-key check per key was a fifth of the time for 100,000 accounts.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- counted, not read: Object.keys costs 30 % more
    for (const _key in value) if (--present < 0) return false;
    return present === 0;
  };
}

function compile(def: Def): Check | null {
  for (const key of Object.keys(def)) if (!PLAIN_DEF_KEYS.has(key)) return null;
  if (def.checks !== undefined && def.checks.length > 0) return null;
  switch (def.type) {
    case 'string':
      return (value) => typeof value === 'string';
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'number':
      return (value) => typeof value === 'number' && Number.isFinite(value);
    case 'enum': {
      const allowed = new Set(Object.values(def.entries ?? {}));
      return (value) => (typeof value === 'string' || typeof value === 'number') && allowed.has(value);
    }
    case 'optional': {
      const inner = def.innerType ? compile(def.innerType._zod.def) : null;
      return inner && ((value) => value === undefined || inner(value));
    }
    case 'array': {
      const element = def.element ? compile(def.element._zod.def) : null;
      return (
        element &&
        ((value) => {
          if (!Array.isArray(value)) return false;
          for (const item of value) if (!element(item)) return false;
          return true;
        })
      );
    }
    case 'object':
      return def.shape ? compileObject(def.shape) : null;
    default:
      return null;
  }
}

/** Whether something added an enumerable key to Object.prototype, which `for in` would give for every object. */
function inheritsEnumerableKeys(): boolean {
  for (const _key in Object.prototype) return true;
  return false;
}

/** Compiled once per schema object (a schema is immutable); null when the schema is not plain. */
const compiled = new WeakMap<object, Check | null>();

/** `schema.safeParse(value)`, answered without zod when the value is already exactly what zod would return. */
export function fastSafeParse<T>(schema: z.ZodMiniType<T>, value: unknown): ReturnType<z.ZodMiniType<T>['safeParse']> {
  let check = compiled.get(schema);
  if (check === undefined) {
    check = compile(schema._zod.def);
    compiled.set(schema, check);
  }
  if (check && !inheritsEnumerableKeys() && check(value)) return { success: true, data: value as T };
  return schema.safeParse(value);
}
