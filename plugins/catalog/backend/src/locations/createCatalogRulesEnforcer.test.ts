import type { Entity } from '@atrium/plugin-api';
import { createCatalogRulesEnforcer } from './createCatalogRulesEnforcer';

const of = (kind: string): Entity => ({ apiVersion: 'backstage.io/v1alpha1', kind, metadata: { name: 'x' } });
const url = { type: 'url', target: 'https://git.example.com/org/repo/catalog-info.yaml' };

describe('createCatalogRulesEnforcer', () => {
  it('lets API locations bring in software kinds but not User, Group or Template by default', () => {
    const allowed = createCatalogRulesEnforcer(undefined);
    for (const kind of ['Component', 'api', 'Resource', 'System', 'Domain', 'Location']) {
      expect(allowed(of(kind), { location: url, origin: 'api' })).toBe(true);
    }
    for (const kind of ['User', 'Group', 'Template']) {
      expect(allowed(of(kind), { location: url, origin: 'api' })).toBe(false);
    }
  });

  it('trusts config locations with every kind unless rules are configured', () => {
    expect(createCatalogRulesEnforcer(undefined)(of('User'), { location: url, origin: 'config' })).toBe(true);
    expect(
      createCatalogRulesEnforcer([{ allow: ['Component'] }])(of('User'), { location: url, origin: 'config' }),
    ).toBe(false);
  });

  it('adds a location’s own rules to the global ones', () => {
    const allowed = createCatalogRulesEnforcer([{ allow: ['Component'] }]);
    const context = {
      location: url,
      origin: 'config' as const,
      locationRules: [{ allow: ['User', 'Group'] }],
    };
    expect(allowed(of('Group'), context)).toBe(true);
    expect(allowed(of('Template'), context)).toBe(false);
  });

  it('limits a rule to the locations it names by type, target, pattern and exclude', () => {
    const allowed = createCatalogRulesEnforcer([
      { allow: ['Component'] },
      {
        allow: [{ kind: 'Template' }],
        locations: [{ type: 'url', pattern: 'https://git.example.com/org/**', exclude: '**/forks/**' }],
      },
      { allow: ['User'], locations: [{ type: 'file', target: '/org/users.yaml' }] },
    ]);
    expect(allowed(of('Template'), { location: url, origin: 'api' })).toBe(true);
    const fork = { type: 'url', target: 'https://git.example.com/org/forks/x/catalog-info.yaml' };
    expect(allowed(of('Template'), { location: fork, origin: 'api' })).toBe(false);
    expect(allowed(of('User'), { location: url, origin: 'api' })).toBe(false);
    expect(
      allowed(of('User'), { location: { type: 'file', target: '/org/users.yaml' }, origin: 'config' }),
    ).toBe(true);
  });
});
