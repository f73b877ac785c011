// The DC/OS OpenAPI description (a copy in this directory: README.md) as the e2e contract check uses it: find the
// operation a request hit, the schema of the answer it gave, and check a JSON body against it. A small validator for the
// subset of OpenAPI 3.0 schema the file uses (type, properties, required, items, enum, $ref, nullable, pattern,
// minimum, minLength, additionalProperties, allOf/anyOf/oneOf).
import { readFileSync } from 'node:fs';

type Schema = Record<string, unknown>;
interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export const spec = JSON.parse(readFileSync(new URL('./dcos-openapi.json', import.meta.url), 'utf8')) as Spec;

/** The API families the console speaks; other paths in the file (packages, jobs, …) are not the console's. */
export const CONSOLE_API = /^\/(acs\/api\/v1|secrets\/v1|dcos-metadata)(\/|$)/;

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

const templates = Object.keys(spec.paths)
  .filter((template) => CONSOLE_API.test(template))
  .map((template) => {
    // `{path-to-secret}` spans slashes; every other parameter is one segment. Literal segments win over parameters.
    const source = template
      .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
      .replace(/\{([^}]+)\}/g, (_, name: string) => (name === 'path-to-secret' ? '.+' : '[^/]+'));
    return {
      template,
      pattern: new RegExp(`^${source}$`),
      literals: template.split('/').filter((s) => !s.startsWith('{')).length,
    };
  })
  .sort((a, b) => b.literals - a.literals);

/** Every operation of the console's API families, as `METHOD template`. */
export function allOperations(): string[] {
  return templates.flatMap(({ template }) =>
    METHODS.filter((m) => spec.paths[template]?.[m]).map((m) => `${m.toUpperCase()} ${template}`),
  );
}

/** The path template a request path matches, or null. */
export function templateOf(method: string, pathname: string): string | null {
  const m = method.toLowerCase();
  return (
    templates.find(
      ({ template, pattern }) =>
        pattern.test(pathname) && spec.paths[template]?.[m as (typeof METHODS)[number]] !== undefined,
    )?.template ?? null
  );
}

/** The JSON schema for this status (or the operation's `default`), when the file gives one. */
export function responseSchema(method: string, template: string, status: number): Schema | null {
  const responses = spec.paths[template]?.[method.toLowerCase()]?.responses ?? {};
  const response = responses[String(status)] ?? responses.default;
  return response?.content?.['application/json']?.schema ?? null;
}

function resolve(schema: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.replace('#/components/schemas/', '');
  const target = spec.components.schemas[name];
  if (!target) throw new Error(`Unknown schema ${ref}`);
  return resolve(target);
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Where `value` breaks `schema`, as `path: problem` lines; [] when it conforms. */
export function violations(schemaIn: Schema, value: unknown, path = '$'): string[] {
  const schema = resolve(schemaIn);
  if (value === null)
    return schema.nullable === true || schema.type === undefined
      ? []
      : [`${path}: null where ${JSON.stringify(schema.type)} is expected`];
  for (const key of ['allOf'] as const) {
    const all = schema[key];
    if (Array.isArray(all)) return all.flatMap((part: Schema) => violations(part, value, path));
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const any = schema[key];
    if (Array.isArray(any))
      return any.some((part: Schema) => violations(part, value, path).length === 0)
        ? []
        : [`${path}: matches none of ${key}`];
  }
  const out: string[] = [];
  const type = schema.type;
  const actual = typeOf(value);
  if (typeof type === 'string' && type !== actual && !(type === 'number' && actual === 'integer'))
    return [`${path}: ${actual} where ${type} is expected`];
  if (Array.isArray(schema.enum) && !schema.enum.includes(value))
    out.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (typeof value === 'string') {
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(value))
      out.push(`${path}: ${JSON.stringify(value)} does not match ${schema.pattern}`);
    if (typeof schema.minLength === 'number' && value.length < schema.minLength)
      out.push(`${path}: shorter than ${schema.minLength}`);
  }
  if (typeof value === 'number' && typeof schema.minimum === 'number' && value < schema.minimum)
    out.push(`${path}: below ${schema.minimum}`);
  if (Array.isArray(value) && schema.items)
    value.forEach((item, i) => out.push(...violations(schema.items as Schema, item, `${path}[${i}]`)));
  if (actual === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const name of (schema.required ?? []) as string[])
      if (!(name in object)) out.push(`${path}.${name}: required, missing`);
    for (const [name, item] of Object.entries(object)) {
      const property = properties[name];
      if (property) out.push(...violations(property, item, `${path}.${name}`));
      else if (schema.additionalProperties === false) out.push(`${path}.${name}: not allowed`);
      else if (typeof schema.additionalProperties === 'object' && schema.additionalProperties !== null)
        out.push(...violations(schema.additionalProperties as Schema, item, `${path}.${name}`));
    }
  }
  // A long list with one flaw reports it once per item: a few lines say enough.
  return out.slice(0, 10);
}
