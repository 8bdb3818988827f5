import { parseEntityRef } from '@atrium/plugin-api/frontend';
import type { EntityGraph, GraphEdge, GraphNode } from './EntityGraph';
import { forwardRelation } from './forwardRelation';
import type { GraphEntity } from './GraphEntity';

/** What the graph is built from. */
export interface EntityGraphInput {
  /** The entity the tab is shown for. */
  rootRef: string;
  /** Entities loaded so far, by lower-cased ref. */
  entities: ReadonlyMap<string, GraphEntity>;
  /** Lower-cased refs of the entities whose relations are drawn. */
  expanded: ReadonlySet<string>;
  /** Relation types (forward) the user turned off. */
  hiddenTypes: ReadonlySet<string>;
}

function nodeOf(id: string, ref: string, input: EntityGraphInput, rootId: string): GraphNode {
  const entity = input.entities.get(id);
  const parsed = parseEntityRef(ref);
  const type = entity?.spec?.type;
  return {
    id,
    ref,
    kind: entity?.kind ?? parsed.kind,
    namespace: entity?.metadata.namespace ?? parsed.namespace,
    name: entity?.metadata.name ?? parsed.name,
    ...(entity?.metadata.title ? { title: entity.metadata.title } : {}),
    ...(typeof type === 'string' ? { type } : {}),
    isRoot: id === rootId,
    expanded: input.expanded.has(id),
  };
}

/**
 * Builds the graph to draw: the relations of every expanded entity, one arrow
 * per relation whichever direction it was stored in, then only the entities
 * still reachable from the root through relation types that are not hidden,
 * so turning a type off also drops what hung from it.
 *
 * @example
 * buildEntityGraph({ rootRef, entities, expanded: new Set([rootId]), hiddenTypes: new Set() })
 */
export function buildEntityGraph(input: EntityGraphInput): EntityGraph {
  const rootId = input.rootRef.toLowerCase();
  const refs = new Map<string, string>([[rootId, input.rootRef]]);
  const edges = new Map<string, GraphEdge>();
  for (const id of input.expanded) {
    for (const relation of input.entities.get(id)?.relations ?? []) {
      const targetId = relation.targetRef.toLowerCase();
      if (!refs.has(targetId)) {
        refs.set(targetId, relation.targetRef);
      }
      const { from, type, to } = forwardRelation(id, relation.type, targetId);
      const edgeId = `${from} ${type} ${to}`;
      edges.set(edgeId, { id: edgeId, from, to, type });
    }
  }
  const visibleEdges = [...edges.values()].filter((edge) => !input.hiddenTypes.has(edge.type));
  const neighbours = new Map<string, string[]>();
  for (const edge of visibleEdges) {
    neighbours.set(edge.from, [...(neighbours.get(edge.from) ?? []), edge.to]);
    neighbours.set(edge.to, [...(neighbours.get(edge.to) ?? []), edge.from]);
  }
  const reached = new Set([rootId]);
  const queue = [rootId];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const next of neighbours.get(id) ?? []) {
      if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  return {
    nodes: [...reached].map((id) => nodeOf(id, refs.get(id) ?? id, input, rootId)),
    edges: visibleEdges.filter((edge) => reached.has(edge.from) && reached.has(edge.to)),
    relationTypes: [...new Set([...edges.values()].map((edge) => edge.type))].sort(),
  };
}
