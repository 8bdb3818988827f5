import type { ConfigSchemaEntry } from './ConfigSchemaEntry';
import { collectSecrets } from './collectSecrets';
import { isPlainObject } from './isPlainObject';
import type { RootConfig } from './RootConfig';
import { SchemaCursor } from './SchemaCursor';

const hidden = Symbol('hidden');

/**
 * The part of the config the browser may see: only fields whose schema says
 * `visibility: frontend` (an object marked so brings its children), never a secret.
 *
 * @example
 * res.json(filterFrontendConfig(config, schemas)); // { app: { title: 'Atrium', baseUrl: '…' } }
 */
export function filterFrontendConfig(
  config: RootConfig,
  schemas: ConfigSchemaEntry[],
): Record<string, unknown> {
  const secrets = new Set(collectSecrets(config, schemas));
  const result: Record<string, unknown> = {};
  for (const entry of schemas) {
    const value = pick(SchemaCursor.root(entry.schema), config.data[entry.key], secrets);
    if (value !== hidden) {
      result[entry.key] = value;
    }
  }
  return result;
}

function pick(cursor: SchemaCursor, value: unknown, secrets: Set<string>): unknown {
  if (cursor.visibility === 'secret' || value === undefined) {
    return hidden;
  }
  if (Array.isArray(value)) {
    const items = value
      .map((item, index) => pick(cursor.child(index), item, secrets))
      .filter((item) => item !== hidden);
    return items.length > 0 || cursor.visibility === 'frontend' ? items : hidden;
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value)
      .map(([key, item]) => [key, pick(cursor.child(key), item, secrets)] as const)
      .filter(([, item]) => item !== hidden);
    return entries.length > 0 || cursor.visibility === 'frontend' ? Object.fromEntries(entries) : hidden;
  }
  // A frontend field may have been filled from the same variable as a secret one.
  if (cursor.visibility !== 'frontend' || (typeof value === 'string' && secrets.has(value))) {
    return hidden;
  }
  return value;
}
