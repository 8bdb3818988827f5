import type { ErrorObject } from 'ajv';
import { ConfigError } from './ConfigError';
import type { ConfigSchemaEntry } from './ConfigSchemaEntry';
import { createConfigAjv } from './createConfigAjv';
import { formatConfigPath } from './formatConfigPath';
import type { RootConfig } from './RootConfig';

/**
 * Validates each schema's key of `config.data` and fills in the schemas' defaults in place.
 * Throws one {@link ConfigError} listing every problem as `<config file>: <key.path>: <message>`.
 *
 * @example
 * validateConfig(config, [...coreConfigSchemas, ...pluginSchemas]);
 */
export function validateConfig(config: RootConfig, schemas: ConfigSchemaEntry[]): void {
  const ajv = createConfigAjv();
  const problems: string[] = [];
  for (const entry of schemas) {
    let validate: ReturnType<typeof ajv.compile>;
    try {
      // Wrapping the key lets defaults create it when no file sets it at all.
      validate = ajv.compile({
        type: 'object',
        properties: { [entry.key]: withObjectDefault(entry.schema) },
      });
    } catch (error) {
      throw new ConfigError(
        `${entry.declaredIn}: the config schema for '${entry.key}' is not a valid JSON Schema: ${(error as Error).message}`,
        { cause: error },
      );
    }
    if (!validate(config.data)) {
      // A bad property name is reported twice by ajv: once in general, once with the name; keep the latter.
      const errors = (validate.errors ?? []).filter((error) => error.keyword !== 'propertyNames');
      problems.push(...errors.map((error) => describeProblem(config, entry, error)));
    }
  }
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`, {
      problems,
    });
  }
}

function withObjectDefault(schema: Record<string, unknown>): Record<string, unknown> {
  if (schema.type === 'object' && !('default' in schema)) {
    return { ...schema, default: {} };
  }
  return schema;
}

function describeProblem(config: RootConfig, entry: ConfigSchemaEntry, error: ErrorObject): string {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => unescapePointer(segment))
    .map((segment, index) => (index > 0 && /^\d+$/.test(segment) ? Number(segment) : segment));
  const params = error.params as Record<string, unknown>;
  let message = error.message ?? 'is invalid';
  if (error.keyword === 'required') {
    segments.push(String(params.missingProperty));
    message = `is required by the schema in ${entry.declaredIn}, but not set`;
  } else if (error.keyword === 'additionalProperties') {
    segments.push(String(params.additionalProperty));
    message = `is not a known key (the schema in ${entry.declaredIn} does not allow it)`;
  } else if (error.keyword === 'enum') {
    message = `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  } else if (error.propertyName !== undefined) {
    segments.push(error.propertyName);
    message = `is not a valid name: ${message}`;
  }
  // The offending value is never echoed: it may be a secret, and this message gets logged.
  return `${nearestSource(config, segments)}: ${formatConfigPath(segments)}: ${message}`;
}

// A missing key has no file of its own: blame the file that set its closest parent.
function nearestSource(config: RootConfig, segments: Array<string | number>): string {
  for (let length = segments.length; length > 0; length--) {
    const source = config.sourceOf(formatConfigPath(segments.slice(0, length)));
    if (source !== undefined) {
      return source;
    }
  }
  return '(no config file)';
}

function unescapePointer(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}
