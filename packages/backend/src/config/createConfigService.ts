import { type ConfigService, InputError } from '@atrium/plugin-api';
import { formatConfigPath } from './formatConfigPath';
import { parseConfigPath } from './parseConfigPath';
import type { RootConfig } from './RootConfig';

/**
 * The `config` service of one plugin: its own subtree (the key equal to its id), so
 * `get('locations')` in plugin `catalog` reads `catalog.locations`.
 *
 * @example
 * const configService = createConfigService(rootConfig, 'catalog');
 */
export function createConfigService(config: RootConfig, pluginId: string): ConfigService {
  const fullPath = (path?: string) => formatConfigPath([pluginId, ...parseConfigPath(path ?? '')]);
  const getOptional = <T>(path?: string): T | undefined => config.getOptional<T>(fullPath(path));
  return {
    getOptional,
    get<T>(path?: string): T {
      const value = getOptional<T>(path);
      if (value === undefined) {
        throw new InputError(
          `Missing required config value at '${fullPath(path)}'; set it in app-config.yaml or a --config file`,
        );
      }
      return value;
    },
  };
}
