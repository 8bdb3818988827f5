import type { EntityGraph, GraphNode } from './EntityGraph';
import { layoutEntityGraph } from './layoutEntityGraph';

const node = (id: string, title?: string): GraphNode => ({
  id,
  ref: id,
  kind: 'component',
  namespace: 'default',
  name: id.split('/')[1] ?? id,
  ...(title ? { title } : {}),
  isRoot: false,
  expanded: false,
});

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('layoutEntityGraph', () => {
  it('sizes each box to its label as measured', () => {
    const [short, long] = layoutEntityGraph(
      {
        nodes: [node('component:default/a', 'A'), node('component:default/b', 'Payment Provider Adapters')],
        edges: [],
        relationTypes: [],
      },
      (text) => text.length * 8,
    ).nodes;
    expect(short?.width).toBe(120);
    expect(long?.width).toBe(25 * 8 + 32);
  });

  it('places 200 nodes without any two boxes overlapping', () => {
    const nodes = Array.from({ length: 200 }, (_, i) => node(`component:default/service-${i}`));
    const edges = nodes.slice(1).map((n, i) => {
      const from = nodes[Math.floor(i / 8)]?.id ?? '';
      return { id: `${from} dependsOn ${n.id}`, from, to: n.id, type: 'dependsOn' };
    });
    const layout = layoutEntityGraph({ nodes, edges, relationTypes: ['dependsOn'] });
    expect(layout.nodes).toHaveLength(200);
    for (let i = 0; i < layout.nodes.length; i++) {
      for (let j = i + 1; j < layout.nodes.length; j++) {
        const [a, b] = [layout.nodes[i], layout.nodes[j]];
        if (a && b && overlaps(a, b)) {
          throw new Error(`${a.id} overlaps ${b.id}`);
        }
      }
    }
    expect(layout.width).toBeGreaterThan(0);
    expect(layout.height).toBeGreaterThan(0);
  });

  it('puts the target of an arrow in a layer to the right of its source', () => {
    const graph: EntityGraph = {
      nodes: [node('component:default/a'), node('resource:default/b')],
      edges: [{ id: 'a-b', from: 'component:default/a', to: 'resource:default/b', type: 'dependsOn' }],
      relationTypes: ['dependsOn'],
    };
    const [a, b] = layoutEntityGraph(graph).nodes;
    expect(b && a && b.x > a.x + a.width).toBe(true);
    expect(layoutEntityGraph(graph).edges[0]?.path).toMatch(/^M[\d.]+,[\d.]+ L/);
  });

  it('cuts a long title with an ellipsis so it fits its box', () => {
    const title = 'An exceptionally long entity title that would never fit in one graph node';
    const [positioned] = layoutEntityGraph({
      nodes: [node('component:default/x', title)],
      edges: [],
      relationTypes: [],
    }).nodes;
    expect(positioned?.label.endsWith('…')).toBe(true);
    expect(positioned?.label.length).toBeLessThan(title.length);
    expect(positioned?.width).toBeLessThanOrEqual(240);
  });
});
