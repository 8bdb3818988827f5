import { ConfigError } from './ConfigError';
import { formatConfigPath } from './formatConfigPath';
import { parseConfigPath } from './parseConfigPath';
import type { RootConfig } from './RootConfig';
import { readConfigValue } from './readConfigValue';

/**
 * Wraps already merged config data; `sources` maps formatted key paths
 * (`backend.listen.port`, `auth.tokens[0]`) to the file that set them.
 *
 * @example
 * const config = createRootConfig({ backend: { listen: { port: 0 } } });
 */
export function createRootConfig(
  data: Record<string, unknown>,
  sources: ReadonlyMap<string, string> = new Map(),
): RootConfig {
  const getOptional = <T>(path: string): T | undefined =>
    readConfigValue(data, parseConfigPath(path)) as T | undefined;
  return {
    data,
    getOptional,
    get<T>(path: string): T {
      const value = getOptional<T>(path);
      if (value === undefined) {
        throw new ConfigError(
          `Missing required config value at '${formatConfigPath(parseConfigPath(path))}'`,
        );
      }
      return value;
    },
    sourceOf: (path) => sources.get(formatConfigPath(parseConfigPath(path))),
  };
}
