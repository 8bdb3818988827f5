import { InputError } from '../common/errors/InputError';
import { createFakeConfig } from './createFakeConfig';

describe('createFakeConfig', () => {
  const config = createFakeConfig({
    recomputeEvery: '1h',
    github: { org: 'acme', teams: ['a'] },
    enabled: false,
  });

  it('reads values at dot paths', () => {
    expect(config.get('github.org')).toBe('acme');
    expect(config.get('github.teams')).toEqual(['a']);
    expect(config.get('enabled')).toBe(false);
  });

  it('indexes into arrays with brackets or dots', () => {
    expect(config.get('github.teams[0]')).toBe('a');
    expect(config.get('github.teams.0')).toBe('a');
  });

  it('returns the whole subtree when no path is given', () => {
    expect(config.get()).toEqual({
      recomputeEvery: '1h',
      github: { org: 'acme', teams: ['a'] },
      enabled: false,
    });
  });

  it('throws an InputError naming the key when a required value is absent', () => {
    expect(() => config.get('github.token')).toThrow(InputError);
    expect(() => config.get('github.token')).toThrow("'github.token'");
  });

  it('returns undefined for an absent optional value, also below a primitive', () => {
    expect(config.getOptional('github.token')).toBeUndefined();
    expect(config.getOptional('recomputeEvery.length')).toBeUndefined();
    expect(config.getOptional('github.teams.1')).toBeUndefined();
  });

  it('is empty when created without data', () => {
    expect(createFakeConfig().get()).toEqual({});
    expect(createFakeConfig().getOptional('x')).toBeUndefined();
  });
});
