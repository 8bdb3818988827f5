import { InputError } from '@atrium/plugin-api';

/**
 * Reads `fields` projections: each value is a comma-separated list of dot
 * paths (the client sends one comma-joined parameter; repeats are merged).
 * Returns `undefined` when nothing is asked, so the stored JSON is served.
 */
export function parseFieldsParams(values: string[]): string[] | undefined {
  const fields = values
    .flatMap((value) => value.split(','))
    .map((field) => field.trim())
    .filter((field) => field !== '');
  for (const field of fields) {
    if (field.includes('[')) {
      throw new InputError(`Invalid field "${field}", array type fields are not supported`);
    }
  }
  return fields.length > 0 ? [...new Set(fields)] : undefined;
}
