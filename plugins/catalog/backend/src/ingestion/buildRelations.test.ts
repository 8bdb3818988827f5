import { buildRelations } from './buildRelations';

describe('buildRelations', () => {
  it("resolves short refs with each field's default kind and the entity's namespace", () => {
    const relations = buildRelations({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'checkout', namespace: 'shop' },
      spec: {
        owner: 'Team-A',
        system: 'commerce',
        providesApis: ['checkout-api'],
        consumesApis: ['default/payments-api'],
        dependsOn: ['resource:orders-db'],
      },
    });
    expect(relations).toEqual([
      { type: 'ownedBy', inverseType: 'ownerOf', targetRef: 'group:shop/team-a' },
      { type: 'providesApi', inverseType: 'apiProvidedBy', targetRef: 'api:shop/checkout-api' },
      { type: 'consumesApi', inverseType: 'apiConsumedBy', targetRef: 'api:default/payments-api' },
      { type: 'dependsOn', inverseType: 'dependencyOf', targetRef: 'resource:shop/orders-db' },
      { type: 'partOf', inverseType: 'hasPart', targetRef: 'system:shop/commerce' },
    ]);
  });

  it('makes group and user membership relations', () => {
    expect(
      buildRelations({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: 'jane' },
        spec: { memberOf: ['payments', 'sre'] },
      }).map((r) => r.targetRef),
    ).toEqual(['group:default/payments', 'group:default/sre']);
  });

  it('refuses a dependsOn ref without a kind, since that field has no default kind', () => {
    expect(() =>
      buildRelations({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'x' },
        spec: { dependsOn: ['orders-db'] },
      }),
    ).toThrow("Entity reference 'orders-db' has no kind");
  });
});
