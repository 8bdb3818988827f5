import type { CONFIG_VISIBILITIES } from './createConfigAjv';
import { isPlainObject } from './isPlainObject';

/** How far a config value may travel: only `frontend` values reach the browser, `secret` ones are redacted. */
export type ConfigVisibility = (typeof CONFIG_VISIBILITIES)[number];

type Schema = Record<string, unknown>;

/**
 * A position in a JSON Schema while walking config data beside it: knows the schemas that
 * apply there (following allOf/anyOf/oneOf) and the visibility that results.
 */
export class SchemaCursor {
  /** The visibility at this position; a secret parent makes every descendant secret. */
  readonly visibility: ConfigVisibility;
  private readonly schemas: Schema[];

  private constructor(schemas: Schema[], inherited: ConfigVisibility) {
    this.schemas = schemas.flatMap(expand);
    this.visibility = inherited === 'secret' ? 'secret' : (declaredVisibility(this.schemas) ?? inherited);
  }

  /** A cursor at the root of `schema`; unmarked values are `backend`. */
  static root(schema: Schema): SchemaCursor {
    return new SchemaCursor([schema], 'backend');
  }

  /** The cursor for an object key or an array index below this position. */
  child(key: string | number): SchemaCursor {
    const children = this.schemas.flatMap((schema) =>
      typeof key === 'number' ? itemSchemas(schema, key) : propertySchemas(schema, key),
    );
    return new SchemaCursor(children, this.visibility);
  }
}

function expand(schema: Schema): Schema[] {
  const branches = ['allOf', 'anyOf', 'oneOf'].flatMap((keyword) => {
    const list = schema[keyword];
    return Array.isArray(list) ? list.filter(isPlainObject) : [];
  });
  return [schema, ...branches.flatMap(expand)];
}

function declaredVisibility(schemas: Schema[]): ConfigVisibility | undefined {
  const declared = new Set(schemas.map((schema) => schema.visibility));
  for (const visibility of ['secret', 'frontend', 'backend'] as const) {
    if (declared.has(visibility)) {
      return visibility;
    }
  }
  return undefined;
}

function propertySchemas(schema: Schema, key: string): Schema[] {
  const properties = schema.properties;
  if (isPlainObject(properties) && isPlainObject(properties[key])) {
    return [properties[key]];
  }
  const patterns = isPlainObject(schema.patternProperties) ? Object.entries(schema.patternProperties) : [];
  const matching = patterns
    .filter(([pattern]) => new RegExp(pattern, 'u').test(key))
    .map(([, child]) => child)
    .filter(isPlainObject);
  if (matching.length > 0) {
    return matching;
  }
  return isPlainObject(schema.additionalProperties) ? [schema.additionalProperties] : [];
}

function itemSchemas(schema: Schema, index: number): Schema[] {
  if (Array.isArray(schema.items)) {
    const positional = schema.items[index];
    return isPlainObject(positional) ? [positional] : [];
  }
  return isPlainObject(schema.items) ? [schema.items] : [];
}
