/** The JSON Schema of one top-level app-config key and the file that declares it. */
export interface ConfigSchemaEntry {
  /** Top-level key, e.g. `backend` or a plugin id. */
  key: string;
  /** JSON Schema of that key's value; fields may carry `visibility: frontend | backend | secret`. */
  schema: Record<string, unknown>;
  /** File declaring the schema, e.g. `plugins/catalog/plugin.yaml`, or `core`. */
  declaredIn: string;
}
