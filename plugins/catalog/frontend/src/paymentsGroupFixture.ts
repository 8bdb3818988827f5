import type { Entity } from '@atrium/plugin-api/frontend';

/** A team with a parent, a sub-team, two members and seven owned components, for card tests. */
export const paymentsGroupFixture: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
  relations: [
    { type: 'childOf', targetRef: 'group:default/commerce' },
    { type: 'parentOf', targetRef: 'group:default/payments-fraud' },
    { type: 'hasMember', targetRef: 'user:default/ada' },
    { type: 'hasMember', targetRef: 'user:default/bob' },
    ...Array.from({ length: 7 }, (_, i) => ({ type: 'ownerOf', targetRef: `component:default/svc-${i}` })),
  ],
};
