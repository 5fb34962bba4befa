/**
 * The smallest value a JSON Schema (as in our OpenAPI 3.1 document, generated from the zod validators)
 * accepts: required properties only, first alternative of a union, minimum sizes. Used to send requests
 * that pass validation, so that what the API answers is about access, not about the body.
 */
type Schema = Record<string, any>;

/** Strings tried, in order, against a `pattern` (extend when a new pattern has none that fits). */
const PATTERN_CANDIDATES = [
  'a'.repeat(64),
  'SAMPLE-001',
  'DEMO-01',
  'SLE',
  '2026-01-05',
  '2026-01-05T09:00:00Z',
  '09:00',
  'sample',
  'sample-value',
  '1',
  'A',
];

const FORMATS: Record<string, string> = {
  uuid: '00000000-0000-4000-8000-000000000000',
  date: '2026-01-05',
  'date-time': '2026-01-05T09:00:00.000Z',
  email: 'someone@example.org',
  uri: 'https://example.org/',
  time: '09:00:00',
};

function resolve(schema: Schema, root: Schema): Schema {
  let current = schema;
  for (let depth = 0; current.$ref && depth < 20; depth += 1) {
    const path = String(current.$ref).replace(/^#\//, '').split('/');
    current = path.reduce<any>((node, key) => node?.[decodeURIComponent(key)], root) ?? {};
  }
  return current;
}

function sampleString(schema: Schema): string {
  if (schema.format && FORMATS[schema.format]) return FORMATS[schema.format]!;
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Infinity;
  const fits = (s: string) => s.length >= min && s.length <= max;
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern, 'u');
    const found = PATTERN_CANDIDATES.find((c) => pattern.test(c) && fits(c));
    if (found) return found;
    throw new Error(`no sample string for pattern ${schema.pattern}: add one to PATTERN_CANDIDATES or override the body`);
  }
  const text = 'sample reason text';
  return text.length >= min ? text.slice(0, Math.min(text.length, max)) : text.padEnd(min, 'x');
}

function sampleNumber(schema: Schema, integer: boolean): number {
  const low = schema.minimum ?? (schema.exclusiveMinimum === undefined ? undefined : schema.exclusiveMinimum + (integer ? 1 : 0.5));
  const high = schema.maximum ?? (schema.exclusiveMaximum === undefined ? undefined : schema.exclusiveMaximum - (integer ? 1 : 0.5));
  let value = low ?? (high !== undefined && high < 1 ? high : 1);
  if (integer) value = Math.ceil(value);
  return value;
}

export function sampleOf(input: Schema, root: Schema = input, overrides: Record<string, unknown> = {}): unknown {
  const schema = resolve(input, root);
  if ('const' in schema) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  const union = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(union)) return sampleOf(union.find((s: Schema) => resolve(s, root).type !== 'null') ?? union[0], root, overrides);
  if (Array.isArray(schema.allOf)) return Object.assign({}, ...schema.allOf.map((s: Schema) => sampleOf(s, root, overrides)));
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  switch (type ?? (schema.properties ? 'object' : undefined)) {
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const name of schema.required ?? []) {
        result[name] = name in overrides ? overrides[name] : sampleOf(schema.properties?.[name] ?? {}, root, overrides);
      }
      return result;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleOf(schema.items ?? {}, root, overrides));
    case 'string':
      return sampleString(schema);
    case 'integer':
      return sampleNumber(schema, true);
    case 'number':
      return sampleNumber(schema, false);
    case 'boolean':
      return false;
    default:
      return 'sample';
  }
}
