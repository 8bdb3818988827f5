/** One entity drawn in the dependency graph; `id` is its lower-cased ref, since refs compare case-insensitively. */
export interface GraphNode {
  id: string;
  /** e.g. `component:default/payments-service` */
  ref: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  /** `spec.type`, when the entity has been loaded and has one. */
  type?: string;
  /** The graph started from this entity. */
  isRoot: boolean;
  /** Its neighbours are drawn. */
  expanded: boolean;
}

/** One relation between two drawn entities, always in its forward direction (e.g. `dependsOn`, never `dependencyOf`). */
export interface GraphEdge {
  id: string;
  from: string;
  to: string;
  type: string;
}

/** What the dependency graph shows: the entities reachable from the root through the visible relations. */
export interface EntityGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Every relation type among the expanded entities, hidden or not, sorted; the filter offers these. */
  relationTypes: string[];
}
