// Request-body validation that answers like the IAM's jsonschema (Draft 4) hook: the first violation becomes
// 400 "Unexpected JSON input. Hint: <jsonschema's message>", without an error code (BNC app/utils.py).

export type JsonType = 'string' | 'boolean' | 'integer' | 'number' | 'object' | 'array';

export interface ObjectSchema {
  required?: readonly string[];
  properties: Readonly<Record<string, JsonType>>;
  /** `additionalProperties: false` unless set: most IAM schemas refuse unknown properties. */
  additionalProperties?: boolean;
}

/** Python's `repr()` of a decoded JSON value, as jsonschema puts it in its messages. */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
    let out = '';
    for (const char of value) {
      const code = char.codePointAt(0) ?? 0;
      if (char === '\\' || char === quote) out += `\\${char}`;
      else if (char === '\n') out += '\\n';
      else if (char === '\r') out += '\\r';
      else if (char === '\t') out += '\\t';
      else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
      else out += char;
    }
    return `${quote}${out}${quote}`;
  }
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, item]) => `${pyRepr(key)}: ${pyRepr(item)}`)
      .join(', ')}}`;
  }
  return 'None'; // JSON has no other values.
}

function hasType(value: unknown, type: JsonType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
  }
}

/** jsonschema's message for the first violation (required, then property types, then extra properties), or null. */
export function schemaViolation(body: Record<string, unknown>, schema: ObjectSchema): string | null {
  for (const name of schema.required ?? []) {
    if (!(name in body)) return `${pyRepr(name)} is a required property`;
  }
  for (const [name, type] of Object.entries(schema.properties)) {
    if (name in body && !hasType(body[name], type)) return `${pyRepr(body[name])} is not of type ${pyRepr(type)}`;
  }
  if (schema.additionalProperties !== true) {
    const extras = Object.keys(body).filter((key) => !Object.hasOwn(schema.properties, key));
    if (extras.length > 0) {
      return `Additional properties are not allowed (${extras.map(pyRepr).join(', ')} ${extras.length === 1 ? 'was' : 'were'} unexpected)`;
    }
  }
  return null;
}
