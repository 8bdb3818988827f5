import { ConfigError } from './ConfigError';
import { createRootConfig } from './createRootConfig';

describe('createRootConfig', () => {
  const config = createRootConfig(
    { backend: { listen: { port: 7007 } }, auth: { tokens: [{ subject: 'user:default/ci' }] }, flag: false },
    new Map([['backend.listen.port', 'app-config.yaml']]),
  );

  it('reads values at dot paths, including array indexes in either notation', () => {
    expect(config.get('backend.listen.port')).toBe(7007);
    expect(config.get('auth.tokens[0].subject')).toBe('user:default/ci');
    expect(config.get('auth.tokens.0.subject')).toBe('user:default/ci');
    expect(config.get('flag')).toBe(false);
  });

  it('returns undefined for a missing optional value, even below a scalar', () => {
    expect(config.getOptional('backend.listen.host')).toBeUndefined();
    expect(config.getOptional('backend.listen.port.deeper')).toBeUndefined();
    expect(config.getOptional('auth.tokens[3]')).toBeUndefined();
  });

  it('throws a ConfigError naming the key when a required value is missing', () => {
    expect(() => config.get('backend.listen.host')).toThrow(ConfigError);
    expect(() => config.get('auth.tokens.0.token')).toThrow(
      "Missing required config value at 'auth.tokens[0].token'",
    );
  });

  it('tells which file set a value', () => {
    expect(config.sourceOf('backend.listen.port')).toBe('app-config.yaml');
    expect(config.sourceOf('backend')).toBeUndefined();
  });
});
