import { graphlib, layout, type Point } from '@dagrejs/dagre';
import type { EntityGraph, GraphEdge, GraphNode } from './EntityGraph';

/** A node with its box: `x`, `y` is the top-left corner. */
export interface PositionedNode extends GraphNode {
  x: number;
  y: number;
  width: number;
  height: number;
  /** The title, cut to fit the box. */
  label: string;
}

/** An edge with its SVG path. */
export interface PositionedEdge extends GraphEdge {
  path: string;
}

/** The laid-out graph, in SVG user units. */
export interface GraphLayout {
  nodes: PositionedNode[];
  edges: PositionedEdge[];
  width: number;
  height: number;
}

/** Node box height: a small kind/type line and a title line. */
export const NODE_HEIGHT = 44;
const MIN_WIDTH = 120;
const MAX_WIDTH = 240;
/** Left padding, and room on the right for the expand button that sits on the border. */
const PADDING = 32;

/** Measures the drawn width of a label, in SVG user units. */
export type MeasureText = (text: string) => number;

/** A generous average advance of the bold 13px UI font, for when nothing can measure (tests). */
export const estimateTextWidth: MeasureText = (text) => text.length * 8.4;

function fitLabel(text: string, measure: MeasureText): { label: string; width: number } {
  let label = text;
  for (let keep = text.length; measure(label) > MAX_WIDTH - PADDING && keep > 1; keep--) {
    label = `${text.slice(0, keep - 1)}…`;
  }
  return { label, width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(measure(label)) + PADDING)) };
}

/**
 * Lays the graph out in layers, left to right (dagre's Sugiyama layout), so
 * arrows point one way and boxes never overlap however many there are.
 * Boxes are as wide as their label as `measure` draws it; longer labels are
 * cut with an ellipsis, the full name staying in the tooltip and accessible name.
 *
 * @example
 * const { nodes, edges, width, height } = layoutEntityGraph(graph);
 */
export function layoutEntityGraph(graph: EntityGraph, measure: MeasureText = estimateTextWidth): GraphLayout {
  const g = new graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 12, ranksep: 80, edgesep: 6, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  const labels = new Map<string, string>();
  for (const node of graph.nodes) {
    const { label, width } = fitLabel(node.title ?? node.name, measure);
    labels.set(node.id, label);
    g.setNode(node.id, { width, height: NODE_HEIGHT });
  }
  for (const edge of graph.edges) {
    g.setEdge(edge.from, edge.to, {}, edge.id);
  }
  layout(g);
  const nodes = graph.nodes.map((node) => {
    const box = g.node(node.id);
    return {
      ...node,
      label: labels.get(node.id) ?? node.name,
      x: box.x - box.width / 2,
      y: box.y - box.height / 2,
      width: box.width,
      height: box.height,
    };
  });
  const edges = graph.edges.map((edge) => {
    const points: Point[] = g.edge({ v: edge.from, w: edge.to, name: edge.id }).points ?? [];
    const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
    return { ...edge, path };
  });
  const { width = 0, height = 0 } = g.graph();
  return { nodes, edges, width, height };
}
