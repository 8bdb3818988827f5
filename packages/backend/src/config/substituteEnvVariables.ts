import { ConfigError } from './ConfigError';
import { formatConfigPath } from './formatConfigPath';
import { isPlainObject } from './isPlainObject';

const reference = /(\$?)\$\{([^{}]*)\}/g;

/**
 * Replaces `${VAR}` in every string of one config layer with the variable from `env`;
 * `$${VAR}` is an escape that yields the literal text `${VAR}`.
 */
export function substituteEnvVariables(
  value: unknown,
  env: Record<string, string | undefined>,
  file: string,
  segments: Array<string | number> = [],
): unknown {
  if (typeof value === 'string') {
    return value.replace(reference, (match, escaped: string, name: string) => {
      if (escaped) {
        return match.slice(1);
      }
      const variable = env[name.trim()];
      if (variable === undefined) {
        throw new ConfigError(
          `${file}: ${formatConfigPath(segments)}: environment variable '${name.trim()}' is not set`,
        );
      }
      return variable;
    });
  }
  if (Array.isArray(value)) {
    return value.map((item, index) => substituteEnvVariables(item, env, file, [...segments, index]));
  }
  if (isPlainObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        substituteEnvVariables(item, env, file, [...segments, key]),
      ]),
    );
  }
  return value;
}
