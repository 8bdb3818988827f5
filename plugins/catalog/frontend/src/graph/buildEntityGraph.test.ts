import { buildEntityGraph } from './buildEntityGraph';
import type { GraphEntity } from './GraphEntity';

const entity = (ref: string, relations: GraphEntity['relations'], title?: string): [string, GraphEntity] => {
  const [kind = '', rest = ''] = ref.split(':');
  const [namespace, name = ''] = rest.split('/');
  return [ref, { kind, metadata: { name, namespace, ...(title ? { title } : {}) }, relations }];
};

const root = 'component:default/payments';
const entities = new Map([
  entity(
    root,
    [
      { type: 'ownedBy', targetRef: 'group:default/team-payments' },
      { type: 'dependsOn', targetRef: 'resource:default/payments-db' },
      { type: 'providesApi', targetRef: 'api:default/payments-api' },
    ],
    'Payments',
  ),
  entity('group:default/team-payments', [
    { type: 'ownerOf', targetRef: root },
    { type: 'ownerOf', targetRef: 'component:default/fraud' },
    { type: 'memberOf', targetRef: 'group:default/acme' },
  ]),
  entity('resource:default/payments-db', [{ type: 'dependencyOf', targetRef: root }]),
]);

describe('buildEntityGraph', () => {
  it('draws the root and its direct relations, one forward arrow per relation', () => {
    const graph = buildEntityGraph({
      rootRef: root,
      entities,
      expanded: new Set([root]),
      hiddenTypes: new Set(),
    });
    expect(graph.nodes.map((n) => n.id).sort()).toEqual([
      'api:default/payments-api',
      root,
      'group:default/team-payments',
      'resource:default/payments-db',
    ]);
    expect(graph.edges.map((e) => e.id).sort()).toEqual([
      `${root} dependsOn resource:default/payments-db`,
      `${root} ownedBy group:default/team-payments`,
      `${root} providesApi api:default/payments-api`,
    ]);
    expect(graph.nodes.find((n) => n.isRoot)).toMatchObject({
      title: 'Payments',
      kind: 'component',
      expanded: true,
    });
    expect(graph.nodes.find((n) => n.id === 'api:default/payments-api')).toMatchObject({
      kind: 'api',
      name: 'payments-api',
      expanded: false,
    });
  });

  it('merges a relation stored in both directions into one arrow when both ends are expanded', () => {
    const graph = buildEntityGraph({
      rootRef: root,
      entities,
      expanded: new Set([root, 'group:default/team-payments']),
      hiddenTypes: new Set(),
    });
    expect(graph.edges.filter((e) => e.type === 'ownedBy').map((e) => `${e.from} -> ${e.to}`)).toEqual([
      `${root} -> group:default/team-payments`,
      'component:default/fraud -> group:default/team-payments',
    ]);
    expect(graph.edges.some((e) => e.type === 'ownerOf')).toBe(false);
    expect(graph.nodes.map((n) => n.id)).toContain('group:default/acme');
  });

  it('drops a hidden relation type and whatever was reachable only through it, but still offers the type', () => {
    const graph = buildEntityGraph({
      rootRef: root,
      entities,
      expanded: new Set([root, 'group:default/team-payments']),
      hiddenTypes: new Set(['ownedBy']),
    });
    expect(graph.edges.some((e) => e.type === 'ownedBy')).toBe(false);
    expect(graph.nodes.map((n) => n.id)).not.toContain('group:default/team-payments');
    expect(graph.nodes.map((n) => n.id)).not.toContain('group:default/acme');
    expect(graph.relationTypes).toEqual(['dependsOn', 'memberOf', 'ownedBy', 'providesApi']);
  });

  it('compares refs case-insensitively', () => {
    const graph = buildEntityGraph({
      rootRef: 'Component:default/Payments',
      entities: new Map([entity(root, [{ type: 'dependsOn', targetRef: 'Resource:default/Payments-DB' }])]),
      expanded: new Set([root]),
      hiddenTypes: new Set(),
    });
    expect(graph.nodes.map((n) => n.id)).toEqual([root, 'resource:default/payments-db']);
  });
});
