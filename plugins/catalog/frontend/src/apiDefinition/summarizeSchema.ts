import { asRecord } from './asRecord';
import { refOf, resolveRef } from './resolveRef';

/** A JSON Schema (OpenAPI or AsyncAPI flavour) reduced to what a reader needs. */
export interface SchemaSummary {
  /** The component name when the schema was a `$ref`, e.g. `Payment`. */
  refName?: string;
  /** e.g. `object`, `string`, `array of Refund`, `one of A | B` */
  type: string;
  description?: string;
  /** e.g. `format: date-time`, `one of: card, paypal`, `≥ 1`, `nullable` */
  constraints: string[];
  /** For objects (and `allOf` merges of them), in declaration order. */
  properties: Array<{ name: string; required: boolean; schema: unknown }>;
  /** For arrays: the item schema, to draw below. */
  items?: unknown;
  /** For `oneOf`/`anyOf`: the alternatives, to draw below. */
  variants: unknown[];
}

const nameOfRef = (ref: string | undefined) => ref?.split('/').pop();

function shortType(doc: unknown, schema: unknown): string {
  const refName = nameOfRef(refOf(schema));
  if (refName) {
    return refName;
  }
  return summarizeSchema(doc, schema).type;
}

function constraintsOf(schema: Record<string, unknown>): string[] {
  const constraints: string[] = [];
  if (typeof schema.format === 'string') constraints.push(`format: ${schema.format}`);
  if (Array.isArray(schema.enum))
    constraints.push(`one of: ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`);
  if (schema.const !== undefined) constraints.push(`always ${JSON.stringify(schema.const)}`);
  if (typeof schema.minimum === 'number') constraints.push(`≥ ${schema.minimum}`);
  if (typeof schema.maximum === 'number') constraints.push(`≤ ${schema.maximum}`);
  if (typeof schema.minLength === 'number') constraints.push(`min length ${schema.minLength}`);
  if (typeof schema.maxLength === 'number') constraints.push(`max length ${schema.maxLength}`);
  if (typeof schema.minItems === 'number') constraints.push(`min items ${schema.minItems}`);
  if (typeof schema.maxItems === 'number') constraints.push(`max items ${schema.maxItems}`);
  if (typeof schema.pattern === 'string') constraints.push(`pattern ${schema.pattern}`);
  if (schema.nullable === true) constraints.push('nullable');
  if (schema.default !== undefined) constraints.push(`default ${JSON.stringify(schema.default)}`);
  if (schema.example !== undefined) constraints.push(`example ${JSON.stringify(schema.example)}`);
  if (schema.deprecated === true) constraints.push('deprecated');
  return constraints;
}

/**
 * Summarises one schema: its type in words, its constraints, and the parts to
 * draw below it (properties, array items, alternatives). `allOf` parts are
 * merged into one object, the common way APIs extend a base schema. Local
 * `$ref`s are followed one level at a time, so recursive schemas are safe.
 *
 * @example
 * summarizeSchema(doc, { type: 'array', items: { $ref: '#/components/schemas/Refund' } }).type // 'array of Refund'
 */
export function summarizeSchema(doc: unknown, raw: unknown): SchemaSummary {
  const refName = nameOfRef(refOf(raw));
  const schema = asRecord(resolveRef(doc, raw));
  const parts = Array.isArray(schema.allOf)
    ? schema.allOf.map((part) => asRecord(resolveRef(doc, part)))
    : [];
  const merged = [...parts, schema];
  const required = new Set(merged.flatMap((part) => (Array.isArray(part.required) ? part.required : [])));
  const properties = merged.flatMap((part) =>
    Object.entries(asRecord(part.properties)).map(([name, property]) => ({
      name,
      required: required.has(name),
      schema: property,
    })),
  );
  const variants = [
    ...(Array.isArray(schema.oneOf) ? schema.oneOf : []),
    ...(Array.isArray(schema.anyOf) ? schema.anyOf : []),
  ];
  const declared = Array.isArray(schema.type) ? schema.type.join(' | ') : schema.type;
  let type: string;
  if (declared === 'array' || schema.items !== undefined) {
    type = schema.items === undefined ? 'array' : `array of ${shortType(doc, schema.items)}`;
  } else if (variants.length > 0) {
    type = `${Array.isArray(schema.oneOf) ? 'one' : 'any'} of ${variants.map((v) => shortType(doc, v)).join(' | ')}`;
  } else if (typeof declared === 'string') {
    type = declared;
  } else {
    type =
      properties.length > 0 || parts.length > 0 ? 'object' : refOf(schema) ? (refName ?? 'reference') : 'any';
  }
  const description = typeof schema.description === 'string' ? schema.description : undefined;
  return {
    ...(refName ? { refName } : {}),
    type,
    ...(description ? { description } : {}),
    constraints: constraintsOf(schema),
    properties,
    ...(schema.items !== undefined ? { items: schema.items } : {}),
    variants,
  };
}
