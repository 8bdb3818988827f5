/**
 * @jest-environment jsdom
 */
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { AppContext, type AppContextValue } from './AppContext';
import { EntityContext } from './EntityContext';
import { PluginContext } from './PluginContext';
import { useApi } from './useApi';
import { useConfig } from './useConfig';
import { useEntity } from './useEntity';
import { useIdentity } from './useIdentity';

const app: AppContextValue = {
  fetch: async () => new Response('{}'),
  identity: { userEntityRef: 'user:default/ada', ownershipEntityRefs: ['user:default/ada'], roles: [] },
  permissions: { authorize: async () => ({ allowed: true }) },
};

function wrapper({ children }: { children: ReactNode }) {
  return (
    <AppContext value={app}>
      <PluginContext value={{ pluginId: 'hello', config: { banner: 'hi' } }}>
        <EntityContext
          value={{ entity: { apiVersion: 'v1', kind: 'Component', metadata: { name: 'Payments' } } }}
        >
          {children}
        </EntityContext>
      </PluginContext>
    </AppContext>
  );
}

describe('the frontend hooks', () => {
  afterEach(() => jest.restoreAllMocks());

  it('give a plugin a client for its own backend', () => {
    const { result } = renderHook(() => useApi(), { wrapper });
    expect(result.current.baseUrl).toBe('/api/hello');
  });

  it('give the identity, the plugin config and the entity with its canonical ref', () => {
    const { result } = renderHook(
      () => ({ identity: useIdentity(), config: useConfig(), entity: useEntity() }),
      {
        wrapper,
      },
    );
    expect(result.current.identity.userEntityRef).toBe('user:default/ada');
    expect(result.current.config).toEqual({ banner: 'hi' });
    expect(result.current.entity.entityRef).toBe('component:default/payments');
  });

  it('say which provider is missing when used outside the shell', () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => renderHook(() => useEntity())).toThrow(/useEntity\(\) was called outside EntityContext/);
  });
});
