/** A JSON Schema (draft-07) as plain data, the form ajv and editors both read. */
export type JsonSchema = { [keyword: string]: unknown };
