import { InputError } from '@atrium/plugin-api';
import { createConfigService } from './createConfigService';
import { createRootConfig } from './createRootConfig';

describe('createConfigService', () => {
  const root = createRootConfig({
    catalog: { locations: [{ target: './catalog-info.yaml' }], refresh: { every: 30 } },
    scorecards: { secretKey: 'not for the catalog' },
    backend: { listen: { port: 7007 } },
  });
  const config = createConfigService(root, 'catalog');

  it('reads paths relative to the plugin key', () => {
    expect(config.get('refresh.every')).toBe(30);
    expect(config.get('locations[0].target')).toBe('./catalog-info.yaml');
  });

  it('returns the whole subtree when no path is given', () => {
    expect(config.get()).toEqual(root.data.catalog);
    expect(config.getOptional()).toEqual(root.data.catalog);
  });

  it('cannot reach the config of other plugins or of the core', () => {
    expect(config.getOptional('scorecards.secretKey')).toBeUndefined();
    expect(config.getOptional('backend.listen.port')).toBeUndefined();
    expect(config.getOptional('secretKey')).toBeUndefined();
  });

  it('throws an InputError naming the full key when a value is missing', () => {
    expect(() => config.get('refresh.timeout')).toThrow(InputError);
    expect(() => config.get('refresh.timeout')).toThrow("'catalog.refresh.timeout'");
  });

  it('throws naming the plugin key when the plugin has no config at all', () => {
    expect(() => createConfigService(root, 'github').get()).toThrow(
      "Missing required config value at 'github'",
    );
    expect(createConfigService(root, 'github').getOptional('token')).toBeUndefined();
  });
});
