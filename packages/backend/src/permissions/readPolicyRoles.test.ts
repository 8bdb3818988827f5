import { ConfigError, coreConfigSchemas, createRootConfig, validateConfig } from '../config';
import type { PluginPermissions } from './PluginPermissions';
import { readPolicyRoles } from './readPolicyRoles';

const declared: PluginPermissions[] = [
  { pluginId: 'core', permissions: [{ id: 'core.audit.read', action: 'read' }] },
  {
    pluginId: 'catalog',
    permissions: [
      { id: 'catalog.entity.read', action: 'read', resourceType: 'catalog-entity' },
      { id: 'catalog.entity.refresh', action: 'update', resourceType: 'catalog-entity' },
    ],
  },
];

function configWith(permissions: unknown) {
  const sources = new Map([['permissions.roles.member.allow', 'app-config.production.yaml']]);
  for (const index of [0, 1, 2]) {
    sources.set(`permissions.roles.member.allow[${index}]`, 'app-config.production.yaml');
    sources.set(`permissions.roles.member.allow[${index}].permission`, 'app-config.production.yaml');
  }
  return createRootConfig({ permissions }, sources);
}

describe('readPolicyRoles', () => {
  it('answers undefined when no roles are configured: the development default', () => {
    expect(readPolicyRoles(createRootConfig({}), declared)).toBeUndefined();
    expect(readPolicyRoles(createRootConfig({ permissions: {} }), declared)).toBeUndefined();
  });

  it('reads roles with canonical member refs and owned grants', () => {
    const config = configWith({
      roles: {
        admin: { members: ['Group:Platform'], allow: ['*'] },
        member: {
          members: ['*'],
          allow: [
            'catalog.entity.read',
            { permission: 'catalog.entity.refresh', owned: true },
            'scorecards.*',
          ],
        },
      },
    });
    expect(readPolicyRoles(config, declared)).toEqual([
      { name: 'admin', members: ['group:default/platform'], allow: [{ permission: '*', owned: false }] },
      {
        name: 'member',
        members: ['*'],
        allow: [
          { permission: 'catalog.entity.read', owned: false },
          { permission: 'catalog.entity.refresh', owned: true },
          { permission: 'scorecards.*', owned: false },
        ],
      },
    ]);
  });

  it('refuses exact permission ids nobody declares, naming the file and the key path', () => {
    const config = configWith({
      roles: {
        member: {
          members: ['*'],
          allow: [
            'catalog.entity.read',
            'catalog.entity.reed',
            { permission: 'catalog.entity.delete', owned: true },
          ],
        },
      },
    });
    let error: unknown;
    try {
      readPolicyRoles(config, declared);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.stringMatching(
        /^app-config\.production\.yaml: permissions\.roles\.member\.allow\[1\]: permission 'catalog\.entity\.reed' is not declared by the core or any enabled plugin/,
      ),
      expect.stringMatching(
        /^app-config\.production\.yaml: permissions\.roles\.member\.allow\[2\]\.permission: permission 'catalog\.entity\.delete' is not declared/,
      ),
    ]);
  });

  it('is guarded by the core schema against malformed members and patterns', () => {
    const config = createRootConfig({
      permissions: {
        roles: {
          member: {
            members: ['component:default/payments', '*'],
            allow: ['catalog entity', { owned: true }],
          },
        },
      },
    });
    expect(() => validateConfig(config, coreConfigSchemas)).toThrow(ConfigError);
    try {
      validateConfig(config, coreConfigSchemas);
    } catch (error) {
      const message = (error as ConfigError).message;
      expect(message).toContain('permissions.roles.member.members[0]');
      expect(message).toContain('permissions.roles.member.allow[0]');
      expect(message).toContain('permissions.roles.member.allow[1]');
    }
  });
});
