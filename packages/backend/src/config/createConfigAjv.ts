import Ajv from 'ajv';
import addFormats from 'ajv-formats';

/** Field visibilities a config schema may declare; anything unmarked is `backend`. */
export const CONFIG_VISIBILITIES = ['frontend', 'backend', 'secret'] as const;

/**
 * An ajv for app-config schemas: every error reported, defaults filled in, strings from
 * `${VAR}` coerced to the numbers and booleans the schema asks for, and `visibility` accepted.
 */
export function createConfigAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, useDefaults: true, coerceTypes: true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addKeyword({
    keyword: 'visibility',
    schemaType: 'string',
    metaSchema: { enum: [...CONFIG_VISIBILITIES] },
  });
  return ajv;
}
