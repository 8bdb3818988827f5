import { matchesPermissionPattern } from './matchesPermissionPattern';

describe('matchesPermissionPattern', () => {
  it('matches every id with a lone star', () => {
    expect(matchesPermissionPattern('*', 'catalog.entity.read')).toBe(true);
  });

  it('matches ids under a prefix with a trailing star, and nothing outside it', () => {
    expect(matchesPermissionPattern('catalog.*', 'catalog.entity.read')).toBe(true);
    expect(matchesPermissionPattern('catalog.*', 'catalogue.entity.read')).toBe(false);
    expect(matchesPermissionPattern('catalog.*', 'scorecards.check.run')).toBe(false);
  });

  it('matches an exact id only itself, with dots taken literally', () => {
    expect(matchesPermissionPattern('catalog.entity.read', 'catalog.entity.read')).toBe(true);
    expect(matchesPermissionPattern('catalog.entity.read', 'catalog.entity.readx')).toBe(false);
    expect(matchesPermissionPattern('catalog.*.read', 'catalogXentity.read')).toBe(false);
    expect(matchesPermissionPattern('catalog.*.read', 'catalog.entity.read')).toBe(true);
  });
});
