import type { ConfigService } from '../backend/services/ConfigService';
import { InputError } from '../common/errors/InputError';

/**
 * Creates a config service over a plugin's own subtree of app-config, given as plain data.
 *
 * @example
 * const config = createFakeConfig({ recomputeEvery: '1h', github: { org: 'acme' } });
 * config.get<string>('github.org'); // 'acme'
 * config.get<string>('teams[0]'); // 'a' when data has teams: ['a']
 * config.getOptional('missing'); // undefined
 */
export function createFakeConfig(data: Record<string, unknown> = {}): ConfigService {
  const lookup = (path: string | undefined): unknown => {
    if (path === undefined || path === '') {
      return data;
    }
    // `a.b[0].c` and `a.b.0.c` both index into arrays, as in the core config.
    const segments = path.replace(/\[(\d+)\]/g, '.$1').split('.');
    let current: unknown = data;
    for (const segment of segments) {
      if (Array.isArray(current) && /^\d+$/.test(segment)) {
        current = current[Number(segment)];
      } else if (typeof current === 'object' && current !== null && Object.hasOwn(current, segment)) {
        current = (current as Record<string, unknown>)[segment];
      } else {
        return undefined;
      }
    }
    return current;
  };
  return {
    get<T>(path?: string): T {
      const value = lookup(path);
      if (value === undefined) {
        throw new InputError(
          `Missing required config value at '${path}'; set it in app-config.yaml or a --config file`,
        );
      }
      return value as T;
    },
    getOptional<T>(path?: string): T | undefined {
      return lookup(path) as T | undefined;
    },
  };
}
