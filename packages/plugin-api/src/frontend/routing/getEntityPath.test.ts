import { getEntityPath } from './getEntityPath';

describe('getEntityPath', () => {
  it('builds the Backstage-shaped URL from a ref', () => {
    expect(getEntityPath('component:default/payments')).toBe('/catalog/default/component/payments');
  });

  it('builds it from an entity, defaulting the namespace', () => {
    expect(getEntityPath({ apiVersion: 'v1', kind: 'System', metadata: { name: 'shop' } })).toBe(
      '/catalog/default/system/shop',
    );
  });

  it('escapes characters that would break the path', () => {
    expect(getEntityPath({ kind: 'Component', namespace: 'a b', name: 'x/y' })).toBe(
      '/catalog/a%20b/component/x%2Fy',
    );
  });
});
