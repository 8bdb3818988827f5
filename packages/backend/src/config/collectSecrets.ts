import type { ConfigSchemaEntry } from './ConfigSchemaEntry';
import { isPlainObject } from './isPlainObject';
import type { RootConfig } from './RootConfig';
import { SchemaCursor } from './SchemaCursor';

/**
 * Every string value that must never be logged: fields marked `visibility: secret`
 * (with everything below them), the static API tokens, and the database password.
 * Feed the result to the logger's redaction.
 *
 * @example
 * const logger = createRootLogger({ level: 'info', format: 'json', secrets: () => collectSecrets(config, schemas) });
 */
export function collectSecrets(config: RootConfig, schemas: ConfigSchemaEntry[]): string[] {
  const secrets = new Set<string>();
  for (const entry of schemas) {
    gather(SchemaCursor.root(entry.schema), config.data[entry.key], secrets);
  }
  // These are secret whatever schemas are passed in, so the logger never depends on the caller remembering them.
  const tokens = config.getOptional<unknown[]>('auth.tokens');
  if (Array.isArray(tokens)) {
    for (const token of tokens) {
      addString(isPlainObject(token) ? token.token : undefined, secrets);
    }
  }
  addString(databasePassword(config.getOptional('backend.database.connection')), secrets);
  return [...secrets];
}

function gather(cursor: SchemaCursor, value: unknown, secrets: Set<string>): void {
  if (cursor.visibility === 'secret') {
    addLeaves(value, secrets);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => {
      gather(cursor.child(index), item, secrets);
    });
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      gather(cursor.child(key), item, secrets);
    }
  }
}

function addLeaves(value: unknown, secrets: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      addLeaves(item, secrets);
    }
  } else if (isPlainObject(value)) {
    for (const item of Object.values(value)) {
      addLeaves(item, secrets);
    }
  } else {
    addString(value, secrets);
  }
}

function addString(value: unknown, secrets: Set<string>): void {
  if (typeof value === 'string' && value !== '') {
    secrets.add(value);
  }
}

function databasePassword(connection: unknown): unknown {
  if (isPlainObject(connection)) {
    return connection.password;
  }
  if (typeof connection === 'string' && URL.canParse(connection)) {
    const password = new URL(connection).password;
    return password === '' ? undefined : decodeURIComponent(password);
  }
  return undefined;
}
